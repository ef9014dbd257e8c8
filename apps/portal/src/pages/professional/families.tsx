export function FamiliesPage() {
  return null;
}
