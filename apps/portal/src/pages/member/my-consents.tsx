export function MyConsentsPage() {
  return null;
}
