import { AccessLogChainHeadEntity, AccessLogCheckpointEntity, AccessLogEntryEntity, AccessLogVerifiedCheckpointEntity } from '@kring/audit';
import { ConsentEntity, ConsentSignatureEntity } from '@kring/consent';
import {
  BreakGlassGrantEntity,
  CaseDirectionHandoverEntity,
  CaseDirectorRequestEntity,
  FamilyEntity,
  FamilyErasureEntity,
  FamilyMemberEntity,
  InvolvementEntity,
  InvolvementShieldingEntity,
  ParentalAuthorityEntity,
  RecordEntity,
  RecordSubjectEntity,
} from '@kring/family-file';
import { FamilyPlanAgreementEntity, FamilyPlanItemEntity, FamilyPlanItemShowingEntity, FamilyPlanVersionEntity } from '@kring/family-plan';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { ThreadEntity, ThreadMessageEntity, ThreadParticipantEntity } from '@kring/messages';
import { EscalationEntity } from '@kring/escalation';
import { ServiceEntity } from '@kring/social-map';

/** Every table Kring maps; the migrations must create exactly these (a test checks it). */
export const KRING_ENTITIES = [
  OrganisationEntity,
  ProfessionalEntity,
  FamilyEntity,
  FamilyMemberEntity,
  ParentalAuthorityEntity,
  InvolvementEntity,
  InvolvementShieldingEntity,
  CaseDirectionHandoverEntity,
  CaseDirectorRequestEntity,
  RecordEntity,
  RecordSubjectEntity,
  FamilyPlanVersionEntity,
  FamilyPlanItemEntity,
  FamilyPlanAgreementEntity,
  FamilyPlanItemShowingEntity,
  ThreadEntity,
  ThreadParticipantEntity,
  ThreadMessageEntity,
  EscalationEntity,
  ServiceEntity,
  ConsentEntity,
  ConsentSignatureEntity,
  AccessLogEntryEntity,
  AccessLogChainHeadEntity,
  AccessLogCheckpointEntity,
  AccessLogVerifiedCheckpointEntity,
  BreakGlassGrantEntity,
  FamilyErasureEntity,
];
