export function MyLogPage() {
  return null;
}
