import type { EntityManager } from 'typeorm';
import { chainKeyOf, type KnownChainHead } from '@kring/audit';
import { ConsentEntity, ConsentSignatureEntity, type SubjectFacts } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import {
  BreakGlassGrantEntity,
  FamilyEntity,
  FamilyMemberEntity,
  InvolvementEntity,
  ParentalAuthorityEntity,
  RecordEntity,
  RecordSubjectEntity,
  unwrapFamilyKey,
} from '@kring/family-file';
import { OrganisationEntity } from '@kring/identity';
import type { ConsentGrant, FamilyFacts } from '@kring/policy';
import { namedQuery } from '../common/named-query';

/** Everything stored about one family, loaded in a fixed number of queries whatever its size. */
export interface FamilySnapshot extends FamilyRows {
  /** Unwrapped once for the whole request. */
  readonly key: DataKey;
  /** What the access rule decides on. */
  readonly facts: FamilyFacts;
}

/** The stored rows of one family, as they are: nothing unwrapped or decrypted. */
export interface FamilyRows {
  readonly family: FamilyEntity;
  readonly members: readonly FamilyMemberEntity[];
  readonly authority: readonly ParentalAuthorityEntity[];
  readonly involvements: readonly InvolvementEntity[];
  readonly records: readonly RecordEntity[];
  /** Subjects of each record, sorted by member id so decisions are deterministic. */
  readonly subjectsByRecord: ReadonlyMap<string, readonly string[]>;
  readonly consents: readonly ConsentEntity[];
  readonly signatures: readonly ConsentSignatureEntity[];
  readonly grants: readonly BreakGlassGrantEntity[];
  readonly organisations: ReadonlyMap<string, OrganisationEntity>;
  /** The head of the family's access-log chain as of this read (null before its first entry). */
  readonly logHead: KnownChainHead | null;
}

/**
 * Every row of a family in one statement and one round trip: each table's rows come back
 * as a JSON array, hydrated into entities by their column metadata. Named, so PostgreSQL
 * plans it once per connection. Measured in docs/performance.md: ten queries became one.
 * Authority is found through the adult (both sides are members of the family): the
 * primary key (adult, child) serves that; by child it scanned the whole table.
 * The family's access-log chain head comes along, so that the read's entries can be
 * appended without a separate locking round trip (the writer checks it has not moved).
 */
const FAMILY_ROWS = {
  name: 'kring_family_rows',
  text: `SELECT
    (SELECT row_to_json(f) FROM family f WHERE f.id = $1) AS family,
    (SELECT coalesce(json_agg(m ORDER BY m.created_at, m.id), '[]') FROM family_member m WHERE m.family_id = $1) AS members,
    (SELECT coalesce(json_agg(a), '[]') FROM parental_authority a JOIN family_member p ON p.id = a.adult_member_id WHERE p.family_id = $1) AS authority,
    (SELECT coalesce(json_agg(i ORDER BY i.starts_on, i.id), '[]') FROM involvement i WHERE i.family_id = $1) AS involvements,
    (SELECT coalesce(json_agg(r ORDER BY r.created_at, r.id), '[]') FROM record r WHERE r.family_id = $1) AS records,
    (SELECT coalesce(json_agg(rs), '[]') FROM record_subject rs JOIN record r ON r.id = rs.record_id WHERE r.family_id = $1) AS record_subjects,
    (SELECT coalesce(json_agg(c ORDER BY c.created_at, c.id), '[]') FROM consent c WHERE c.family_id = $1) AS consents,
    (SELECT coalesce(json_agg(s), '[]') FROM consent_signature s JOIN consent c ON c.id = s.consent_id WHERE c.family_id = $1) AS signatures,
    (SELECT coalesce(json_agg(g), '[]') FROM break_glass_grant g WHERE g.family_id = $1 AND g.expires_at > $2) AS grants,
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'domain', o.domain)), '[]') FROM organisation o
      WHERE o.id IN (SELECT organisation_id FROM involvement WHERE family_id = $1 UNION SELECT source_organisation_id FROM record WHERE family_id = $1
                     UNION SELECT registered_by_organisation_id FROM family WHERE id = $1)) AS organisations,
    (SELECT json_build_object('sequence', h.sequence::text, 'entry_hash', encode(h.entry_hash, 'hex')) FROM access_log_chain_head h WHERE h.chain_key = $3) AS log_head`,
};

type JsonRow = Record<string, unknown>;

/** Reads every row of a family, or null when there is no such (unerased) family. */
export async function loadFamilyRows(manager: EntityManager, familyId: string, at: Date): Promise<FamilyRows | null> {
  // uuid columns answer in lower case, so the chain key is made of the id as they give it back.
  const chainKey = chainKeyOf(familyId.toLowerCase());
  const [row] = await namedQuery<Record<string, JsonRow | JsonRow[] | null>>(manager, FAMILY_ROWS, [familyId, at, chainKey]);
  const familyJson = row?.['family'];
  if (row === undefined || familyJson === null || familyJson === undefined || Array.isArray(familyJson)) return null;
  const [family] = hydrateAll(manager, FamilyEntity, [familyJson]) as [FamilyEntity];
  if (family.erasedAt !== null) return null;
  const list = <T extends object>(entity: new () => T, key: string) => hydrateAll(manager, entity, (row[key] ?? []) as JsonRow[]);
  const recordSubjects = list(RecordSubjectEntity, 'record_subjects');
  const subjectsByRecord = new Map<string, string[]>();
  for (const rs of recordSubjects) {
    const subjects = subjectsByRecord.get(rs.recordId);
    if (subjects === undefined) subjectsByRecord.set(rs.recordId, [rs.memberId]);
    else subjects.push(rs.memberId);
  }
  for (const subjects of subjectsByRecord.values()) subjects.sort();
  const organisations = (row['organisations'] ?? []) as { id: string; name: string; domain: string }[];
  const head = row['log_head'] as { sequence: string; entry_hash: string } | null;
  return {
    family,
    members: list(FamilyMemberEntity, 'members'),
    authority: list(ParentalAuthorityEntity, 'authority'),
    involvements: list(InvolvementEntity, 'involvements'),
    records: list(RecordEntity, 'records'),
    subjectsByRecord,
    consents: list(ConsentEntity, 'consents'),
    signatures: list(ConsentSignatureEntity, 'signatures'),
    grants: list(BreakGlassGrantEntity, 'grants'),
    organisations: new Map(organisations.map((o) => [o.id, Object.assign(new OrganisationEntity(), o)])),
    logHead: head === null ? null : { chainKey, sequence: head.sequence, entryHash: Buffer.from(head.entry_hash, 'hex') },
  };
}

/**
 * Entities from rows as `row_to_json` writes them, by the entity's own column metadata
 * (looked up once per table, not per row): bytea arrives as `\x` hex, timestamps as ISO
 * text; the rest is already what TypeORM gives.
 */
function hydrateAll<T extends object>(manager: EntityManager, entity: new () => T, rows: readonly JsonRow[]): T[] {
  const { columns } = manager.connection.getMetadata(entity);
  return rows.map((json) => {
    const target = new entity() as Record<string, unknown>;
    for (const column of columns) {
      const value = json[column.databaseName];
      if (value === undefined) continue;
      if (value === null) target[column.propertyName] = null;
      else if (column.type === 'bytea') target[column.propertyName] = Buffer.from((value as string).slice(2), 'hex');
      else if (column.type === 'timestamptz' || column.type === 'timestamp') target[column.propertyName] = new Date(value as string);
      else target[column.propertyName] = value;
    }
    return target as T;
  });
}

/**
 * Loads a family for one request, or null when there is no such (unerased) family.
 * Birth dates are decrypted here for the capacity rule only; they are served, like
 * any other value, only where the rule allows.
 */
export async function loadFamilySnapshot(manager: EntityManager, crypto: KringCrypto, familyId: string, at: Date): Promise<FamilySnapshot | null> {
  const rows = await loadFamilyRows(manager, familyId, at);
  if (rows === null) return null;
  const { family, members, authority, involvements, consents, signatures, grants } = rows;
  const key = unwrapFamilyKey(crypto, family);
  const subjects = subjectFactsOf(crypto, key, members, authority);
  const signaturesOf = (consentId: string) => signatures.filter((s) => s.consentId === consentId).map((s) => ({ memberId: s.memberId, signedAt: s.signedAt }));
  const consentGrants: ConsentGrant[] = consents.map((c) => ({
    id: c.id,
    subjectMemberId: c.subjectMemberId,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    revokedAt: c.revokedAt,
    signatures: signaturesOf(c.id),
    recipientOrganisationId: c.recipientOrganisationId,
    recipientDomain: c.recipientDomain,
    categories: c.categories,
    purposes: c.purposes,
  }));
  return {
    ...rows,
    key,
    facts: {
      familyId,
      involvements: involvements.map((i) => ({ organisationId: i.organisationId, startsOn: i.startsOn, endsOn: i.endsOn })),
      subjects,
      consents: consentGrants,
      breakGlassGrants: grants.map((g) => ({ id: g.id, professionalId: g.professionalId, purpose: g.purpose, categories: g.categories, expiresAt: g.expiresAt })),
    },
  };
}

/** What the capacity and citizen rules need of each member: birth date (decrypted for the decision only) and who holds authority. */
export function subjectFactsOf(
  crypto: KringCrypto,
  key: DataKey,
  members: readonly Pick<FamilyMemberEntity, 'id' | 'birthDateCiphertext'>[],
  authority: readonly ParentalAuthorityEntity[],
): Map<string, SubjectFacts> {
  const subjects = new Map<string, SubjectFacts>();
  for (const member of members) {
    subjects.set(member.id, {
      memberId: member.id,
      birthDate: crypto.cipher.decrypt(key, { rowKind: 'member', rowId: member.id, field: 'birthDate' }, member.birthDateCiphertext),
      authorityHolders: new Set(authority.filter((a) => a.childMemberId === member.id).map((a) => a.adultMemberId)),
    });
  }
  return subjects;
}
