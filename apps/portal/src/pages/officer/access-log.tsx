export function AccessLogPage() {
  return null;
}
