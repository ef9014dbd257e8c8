export { newWorld } from './world';
export type { World, WorldGateway, MemberSpec, FamilySpec, InvolvementSpec, RecordSpec } from './world';
export type { Bearer, MadeFamily, MadeMember, MadeOrganisation, MadeProfessional, Partner } from './world.types';
export type { ConsentRow } from './consent-rows';
export { familyWithTeen, householdOfFive } from './household';
export { uniqueBsn } from './bsn';
export { uniqueName } from './unique-name';
export { addDays, birthDateFor, dayOf } from './dates';
