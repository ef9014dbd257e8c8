/** A member's place in the household. */
export enum MemberRelation {
  PARENT = 'PARENT',
  CHILD = 'CHILD',
  OTHER = 'OTHER',
}
