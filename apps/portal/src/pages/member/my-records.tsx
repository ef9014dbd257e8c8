export function MyRecordsPage() {
  return null;
}
