export function FamilyFilePage({ familyId }: { familyId: string }) {
  return <>{familyId}</>;
}
