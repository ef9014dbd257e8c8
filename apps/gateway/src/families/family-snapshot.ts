import type { EntityManager } from 'typeorm';
import { chainKeyOf, type KnownChainHead } from '@kring/audit';
import { ConsentEntity, ConsentSignatureEntity, subjectFactsOf, type SubjectFacts } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import {
  BreakGlassGrantEntity,
  FamilyEntity,
  FamilyMemberEntity,
  involvedOnSql,
  InvolvementEntity,
  ParentalAuthorityEntity,
  RecordEntity,
  RecordSubjectEntity,
  shieldingInForceSql,
  unwrapFamilyKey,
} from '@kring/family-file';
import { OrganisationEntity } from '@kring/identity';
import type { ConsentGrant, FamilyFacts, ShieldingFacts } from '@kring/policy';
import { namedQuery, type NamedStatement } from '../common/named-query';

/** Everything stored about one family, loaded in a fixed number of queries whatever its size. */
export interface FamilySnapshot extends FamilyRows {
  /** Unwrapped once for the whole request. */
  readonly key: DataKey;
  /** What the access rule decides on. */
  readonly facts: FamilyFacts;
  /** Members whose birth date, read for the capacity rule, failed its integrity check (each logged as an integrity alarm). */
  readonly unreadableBirthDates: ReadonlySet<string>;
}

/** The stored rows of one family, as they are: nothing unwrapped or decrypted. */
export interface FamilyRows {
  readonly family: FamilyEntity;
  readonly members: readonly FamilyMemberEntity[];
  readonly authority: readonly ParentalAuthorityEntity[];
  readonly involvements: readonly InvolvementEntity[];
  /** Which involvement is shielded from which member (ids only; the reasons are not loaded). */
  readonly shieldings: readonly ShieldingFacts[];
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
 *
 * `gate` is appended to every subquery's condition: for an organisation's read, a
 * verdict the statement decides first (below), so that nothing of the family is read
 * unless the organisation is involved with it today.
 */
function familyRowsText(gate: string): string {
  return `
    (SELECT row_to_json(f) FROM family f WHERE f.id = $1${gate}) AS family,
    (SELECT coalesce(json_agg(m ORDER BY m.created_at, m.id), '[]') FROM family_member m WHERE m.family_id = $1${gate}) AS members,
    (SELECT coalesce(json_agg(a), '[]') FROM parental_authority a JOIN family_member p ON p.id = a.adult_member_id WHERE p.family_id = $1${gate}) AS authority,
    (SELECT coalesce(json_agg(i ORDER BY i.starts_on, i.id), '[]') FROM involvement i WHERE i.family_id = $1${gate}) AS involvements,
    (SELECT coalesce(json_agg(json_build_object('involvement_id', s.involvement_id, 'member_id', s.member_id)), '[]') FROM involvement_shielding s WHERE s.family_id = $1 AND ${shieldingInForceSql('s')}${gate}) AS shieldings,
    (SELECT coalesce(json_agg(r ORDER BY r.created_at, r.id), '[]') FROM record r WHERE r.family_id = $1${gate}) AS records,
    (SELECT coalesce(json_agg(rs), '[]') FROM record_subject rs JOIN record r ON r.id = rs.record_id WHERE r.family_id = $1${gate}) AS record_subjects,
    (SELECT coalesce(json_agg(c ORDER BY c.created_at, c.id), '[]') FROM consent c WHERE c.family_id = $1${gate}) AS consents,
    (SELECT coalesce(json_agg(s), '[]') FROM consent_signature s JOIN consent c ON c.id = s.consent_id WHERE c.family_id = $1${gate}) AS signatures,
    (SELECT coalesce(json_agg(g), '[]') FROM break_glass_grant g WHERE g.family_id = $1 AND g.expires_at > $2${gate}) AS grants,
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'domain', o.domain)), '[]') FROM organisation o
      WHERE o.id IN (SELECT organisation_id FROM involvement WHERE family_id = $1 UNION SELECT source_organisation_id FROM record WHERE family_id = $1
                     UNION SELECT registered_by_organisation_id FROM family WHERE id = $1)${gate}) AS organisations,
    (SELECT json_build_object('sequence', h.sequence::text, 'entry_hash', encode(h.entry_hash, 'hex')) FROM access_log_chain_head h WHERE h.chain_key = $3${gate}) AS log_head`;
}

/** A member's own family: the member's token names it, so there is no involvement to decide. */
const MEMBER_FAMILY_ROWS: NamedStatement = { name: 'kring_family_rows_for_member', text: `SELECT ${familyRowsText('')}` };

/**
 * An organisation's read: involvement is decided first, by the statement itself, from the
 * index on (organisation_id, family_id). Every subquery is gated on that verdict (an
 * InitPlan, so PostgreSQL skips their scans when it is false), so for an organisation that
 * is not involved the statement reads the same two index entries whether or not the family
 * exists, returns nothing of it, and nothing is decrypted (issue 13: the answer for an
 * existing family must not take longer than for a random id). `family_exists` says only
 * on which chain the refusal is logged. One statement, as before: the hot path keeps its
 * two round trips (this one and the log append).
 */
const ORGANISATION_FAMILY_ROWS: NamedStatement = {
  name: 'kring_family_rows_for_organisation',
  text: `WITH verdict AS MATERIALIZED (
    SELECT EXISTS (SELECT 1 FROM family f WHERE f.id = $1 AND f.erased_at IS NULL) AS family_exists,
           EXISTS (SELECT 1 FROM involvement i WHERE i.organisation_id = $4 AND i.family_id = $1
                     AND ${involvedOnSql('i', '$5::date')}) AS involved
  )
  SELECT (SELECT family_exists FROM verdict) AS family_exists, (SELECT involved FROM verdict) AS involved,${familyRowsText(' AND (SELECT involved AND family_exists FROM verdict)')}`,
};

type JsonRow = Record<string, unknown>;

/** What an organisation's read of a family found: the family's rows, or only that it may not read them. */
export type OrganisationRows =
  | { readonly kind: 'involved'; readonly rows: FamilyRows }
  /** Not involved today, or no such (unerased) family: nothing of the family was read. */
  | { readonly kind: 'closed'; readonly familyExists: boolean };

/**
 * The rows of a family for an organisation's read, only when it is involved with the family
 * today (`today`: YYYY-MM-DD, Dutch calendar). Decided by the database before any row is read.
 */
export async function loadFamilyRowsForOrganisation(manager: EntityManager, familyId: string, at: Date, organisationId: string, today: string): Promise<OrganisationRows> {
  const [row] = await namedQuery<Record<string, JsonRow | JsonRow[] | boolean | null>>(manager, ORGANISATION_FAMILY_ROWS, [familyId, at, familyChainKey(familyId), organisationId, today]);
  const familyExists = row?.['family_exists'] === true;
  const rows = row?.['involved'] === true && familyExists ? rowsOf(manager, familyId, row) : null;
  return rows === null ? { kind: 'closed', familyExists } : { kind: 'involved', rows };
}

/** Reads every row of a member's own family, or null when there is no such (unerased) family. */
export async function loadFamilyRows(manager: EntityManager, familyId: string, at: Date): Promise<FamilyRows | null> {
  const [row] = await namedQuery<Record<string, JsonRow | JsonRow[] | null>>(manager, MEMBER_FAMILY_ROWS, [familyId, at, familyChainKey(familyId)]);
  return row === undefined ? null : rowsOf(manager, familyId, row);
}

/** uuid columns answer in lower case, so the chain key is made of the id as they give it back. */
function familyChainKey(familyId: string): string {
  return chainKeyOf(familyId.toLowerCase());
}

/** The statement's answer as entities, or null when it holds no (unerased) family. */
function rowsOf(manager: EntityManager, familyId: string, row: Record<string, unknown>): FamilyRows | null {
  const familyJson = row['family'];
  if (familyJson === null || familyJson === undefined || Array.isArray(familyJson) || typeof familyJson !== 'object') return null;
  const [family] = hydrateAll(manager, FamilyEntity, [familyJson as JsonRow]) as [FamilyEntity];
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
    shieldings: ((row['shieldings'] ?? []) as { involvement_id: string; member_id: string }[]).map((s) => ({ involvementId: s.involvement_id, memberId: s.member_id })),
    records: list(RecordEntity, 'records'),
    subjectsByRecord,
    consents: list(ConsentEntity, 'consents'),
    signatures: list(ConsentSignatureEntity, 'signatures'),
    grants: list(BreakGlassGrantEntity, 'grants'),
    organisations: new Map(organisations.map((o) => [o.id, Object.assign(new OrganisationEntity(), o)])),
    logHead: head === null ? null : { chainKey: familyChainKey(familyId), sequence: head.sequence, entryHash: Buffer.from(head.entry_hash, 'hex') },
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
 * What the access rule decides on, from a family's rows: the data key unwrapped once for
 * the request, and the birth dates decrypted for the capacity rule only (they are served,
 * like any other value, only where the rule allows). A birth date that fails its integrity
 * check does not stop the read: that member's age is unknown (null), so no consent that
 * needs their capacity counts (deny by default), and the read logs an integrity alarm.
 * A data key that does not unwrap still fails the whole read (CryptoError).
 */
export function familySnapshot(crypto: KringCrypto, rows: FamilyRows): FamilySnapshot {
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
    unreadableBirthDates: unreadableBirthDates(subjects),
    facts: {
      familyId: family.id,
      involvements: involvements.map((i) => ({ organisationId: i.organisationId, startsOn: i.startsOn, endsOn: i.endsOn })),
      subjects,
      consents: consentGrants,
      breakGlassGrants: grants.map((g) => ({ id: g.id, professionalId: g.professionalId, purpose: g.purpose, categories: g.categories, expiresAt: g.expiresAt })),
    },
  };
}

/** The members whose birth date was read for a decision and failed its integrity check. */
export function unreadableBirthDates(subjects: ReadonlyMap<string, SubjectFacts>): ReadonlySet<string> {
  return new Set([...subjects.values()].filter((s) => s.birthDate === null).map((s) => s.memberId));
}
