import { declareSealedField, declareSealedFields, type SealedField } from '@kring/crypto';
import { DataCategory } from './data-category';
import type { SectionField } from './sections/section-field';
import { SECTION_TYPES } from './sections/section-types';

/** A member's sealed fields, under the family's data key, with the category the access rule decides each on. */
export const MEMBER_SEALED_FIELDS = declareSealedFields('member', {
  name: DataCategory.PERSONAL_IDENTITY,
  birthDate: DataCategory.PERSONAL_IDENTITY,
  bsn: DataCategory.NATIONAL_ID,
  relation: DataCategory.HOUSEHOLD,
});

/** A break-glass grant's free text, under the family's data key: what the professional and the reviewing officer wrote. */
export const BREAK_GLASS_SEALED_FIELDS = declareSealedFields('break_glass_grant', { justification: null, reviewNote: null, noticeDeferralReason: null });

/** Why an organisation shielded its involvement from a member, and why it lifted the shielding, under the family's data key. */
export const INVOLVEMENT_SHIELDING_SEALED_FIELDS = declareSealedFields('involvement_shielding', { reason: null, liftReason: null });

/** A handover of case direction's note, for the new case director and the family, under the family's data key. */
export const CASE_DIRECTION_HANDOVER_SEALED_FIELDS = declareSealedFields('case_direction_handover', { note: null });

/** Why a member asks for another case director, in their own words, under the family's data key. */
export const CASE_DIRECTOR_REQUEST_SEALED_FIELDS = declareSealedFields('case_director_request', { reason: null });

/** An erasure receipt's reason, under the erasing officer's organisation key (the family's is gone). */
export const FAMILY_ERASURE_SEALED_FIELDS = declareSealedFields('family_erasure', { reason: null });

/**
 * A record's fields are its section type's fields (sections/section-types.ts), each sealed on
 * its own under the row kind `record`. Declared here from that one catalogue, keyed by the
 * section field itself, so a field that no section type declares has no sealed field.
 */
export const RECORD_SEALED_FIELDS: ReadonlyMap<SectionField, SealedField<DataCategory>> = new Map(
  SECTION_TYPES.flatMap((type) => type.fields.map((field) => [field, declareSealedField('record', field.name, field.category)] as const)),
);

/** The sealed field of a section type's field; throws for a field that is not one of SECTION_TYPES' own. */
export function recordSealedField(field: SectionField): SealedField<DataCategory> {
  const sealed = RECORD_SEALED_FIELDS.get(field);
  if (sealed === undefined) throw new Error(`the record field ${field.name} is not declared by any section type`);
  return sealed;
}
