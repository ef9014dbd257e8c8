import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { CONSENT_SEALED_FIELDS, ConsentEntity } from '@kring/consent';
import { sealedFieldsOf, type SealedField } from '@kring/crypto';
import {
  BREAK_GLASS_SEALED_FIELDS,
  BreakGlassGrantEntity,
  CASE_DIRECTION_HANDOVER_SEALED_FIELDS,
  CASE_DIRECTOR_REQUEST_SEALED_FIELDS,
  CaseDirectionHandoverEntity,
  CaseDirectorRequestEntity,
  FAMILY_ERASURE_SEALED_FIELDS,
  FamilyErasureEntity,
  FamilyMemberEntity,
  INVOLVEMENT_SHIELDING_SEALED_FIELDS,
  InvolvementShieldingEntity,
  MEMBER_SEALED_FIELDS,
  RECORD_SEALED_FIELDS,
  RecordEntity,
} from '@kring/family-file';
import { FamilyPlanItemEntity, PLAN_ITEM_SEALED_FIELDS } from '@kring/family-plan';
import { PROFESSIONAL_SEALED_FIELDS, ProfessionalEntity } from '@kring/identity';
import { ESCALATION_SEALED_FIELDS, EscalationEntity } from '@kring/escalation';
import { REFERRAL_SEALED_FIELDS, ReferralEntity } from '@kring/referral';
import { THREAD_MESSAGE_SEALED_FIELDS, THREAD_SEALED_FIELDS, ThreadEntity, ThreadMessageEntity } from '@kring/messages';

/** The sealed fields of one entity, and where their ciphertexts are stored. */
export interface SealedTable {
  readonly entity: EntityTarget<ObjectLiteral>;
  readonly fields: readonly SealedField[];
  /**
   * The one column that holds every field's ciphertext (a JSON map, field name to
   * ciphertext); when absent, each field has a column of its own, `<field>Ciphertext`.
   */
  readonly allInColumn?: string;
}

/**
 * The catalogue of every sealed field Kring stores, by entity: what is encrypted, and
 * where. Each library declares its own row kinds (`sealed-fields.ts` beside its entities);
 * this lists them all, and test/schema.e2e-spec.ts checks it against the schema.
 */
export const SEALED_FIELD_CATALOGUE: readonly SealedTable[] = [
  { entity: ProfessionalEntity, fields: sealedFieldsOf(PROFESSIONAL_SEALED_FIELDS) },
  { entity: FamilyMemberEntity, fields: sealedFieldsOf(MEMBER_SEALED_FIELDS) },
  { entity: RecordEntity, fields: [...RECORD_SEALED_FIELDS.values()], allInColumn: 'encryptedFields' },
  { entity: ConsentEntity, fields: sealedFieldsOf(CONSENT_SEALED_FIELDS) },
  { entity: BreakGlassGrantEntity, fields: sealedFieldsOf(BREAK_GLASS_SEALED_FIELDS) },
  { entity: FamilyErasureEntity, fields: sealedFieldsOf(FAMILY_ERASURE_SEALED_FIELDS) },
  { entity: InvolvementShieldingEntity, fields: sealedFieldsOf(INVOLVEMENT_SHIELDING_SEALED_FIELDS) },
  { entity: CaseDirectionHandoverEntity, fields: sealedFieldsOf(CASE_DIRECTION_HANDOVER_SEALED_FIELDS) },
  { entity: CaseDirectorRequestEntity, fields: sealedFieldsOf(CASE_DIRECTOR_REQUEST_SEALED_FIELDS) },
  { entity: FamilyPlanItemEntity, fields: sealedFieldsOf(PLAN_ITEM_SEALED_FIELDS) },
  { entity: ThreadEntity, fields: sealedFieldsOf(THREAD_SEALED_FIELDS) },
  { entity: ThreadMessageEntity, fields: sealedFieldsOf(THREAD_MESSAGE_SEALED_FIELDS) },
  { entity: EscalationEntity, fields: sealedFieldsOf(ESCALATION_SEALED_FIELDS) },
  { entity: ReferralEntity, fields: sealedFieldsOf(REFERRAL_SEALED_FIELDS) },
];
