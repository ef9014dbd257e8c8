export { DataCategory, ALL_DATA_CATEGORIES, isDataCategory } from './data-category';
export { MemberRelation } from './member-relation';
export { FamilyEntity } from './family.entity';
export { FamilyErasureEntity } from './family-erasure.entity';
export { FamilyMemberEntity } from './family-member.entity';
export { ParentalAuthorityEntity } from './parental-authority.entity';
export { InvolvementEntity } from './involvement.entity';
export { InvolvementShieldingEntity, SHIELDING_IN_FORCE, shieldingInForceSql } from './involvement-shielding.entity';
export { CaseDirectionHandoverEntity } from './case-direction-handover.entity';
export { CaseDirectorRequestEntity } from './case-director-request.entity';
export { involvedOnSql, isInvolvedOn } from './involved-on';
export type { InvolvementDates } from './involved-on';
export { RecordEntity } from './record.entity';
export { RecordSubjectEntity } from './record-subject.entity';
export { ORGANISATION_SECTION_TYPES, SECTION_TYPES, findSectionType } from './sections/section-types';
export { sectionSource } from './sections/section-field';
export type { SectionType, SectionField, SectionSource, FieldKind, FieldUnit } from './sections/section-field';
export { familyKeyOwner, loadFamilyKey, unwrapFamilyKey } from './family-keys';
export { FamilyFileWriter } from './family-file.writer';
export type { NewFamily, NewMember, NewInvolvement, NewRecord } from './family-file.writer';
export { validateSectionValues, isIsoDate } from './sections/section-values';
export type { FieldValue, FieldProblem } from './sections/section-values';
export { BreakGlassGrantEntity } from './break-glass-grant.entity';
export {
  BREAK_GLASS_SEALED_FIELDS,
  CASE_DIRECTION_HANDOVER_SEALED_FIELDS,
  CASE_DIRECTOR_REQUEST_SEALED_FIELDS,
  FAMILY_ERASURE_SEALED_FIELDS, INVOLVEMENT_SHIELDING_SEALED_FIELDS, MEMBER_SEALED_FIELDS, RECORD_SEALED_FIELDS, recordSealedField } from './sealed-fields';
export { isInvolvedToday, memberIdsOf } from './family-facts.loader';
export { eraseFamily, ERASURE_REASON_LENGTH } from './erase-family';
export type { EraseFamilyDecision, EraseFamilyRefusal, ErasureFacts } from './erase-family';
export { HANDOVER_NOTE_LENGTH, transferCaseDirection } from './transfer-case-direction';
export type { HandoverInvolvement, TransferCaseDirectionDecision, TransferCaseDirectionFacts, TransferCaseDirectionRefusal } from './transfer-case-direction';
export { REQUEST_REASON_LENGTH, requestOtherCaseDirector } from './request-other-case-director';
export type { RequestOtherCaseDirectorDecision, RequestOtherCaseDirectorFacts, RequestOtherCaseDirectorRefusal } from './request-other-case-director';
export { SHIELDING_REASON_LENGTH, shieldInvolvement } from './shield-involvement';
export type { ShieldInvolvementDecision, ShieldInvolvementFacts, ShieldInvolvementRefusal, ShieldingStanding, ShieldingStandingRefusal } from './shield-involvement';
export { liftShielding } from './lift-shielding';
export type { LiftShieldingDecision, LiftShieldingFacts, LiftShieldingRefusal } from './lift-shielding';
export { currentVersions, OUR_STORY, writeOurStory } from './write-our-story';
export type { Versioned, WriteOurStoryDecision, WriteOurStoryFacts, WriteOurStoryRefusal } from './write-our-story';
