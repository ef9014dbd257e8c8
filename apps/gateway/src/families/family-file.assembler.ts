import { openSealed, type KringCrypto, type SealedField } from '@kring/crypto';
import { DataCategory, findSectionType, MEMBER_SEALED_FIELDS, recordSealedField, sectionSource, type FieldValue, type MemberRelation } from '@kring/family-file';
import { DenyReason, type AccessDecision, type FieldFacts } from '@kring/policy';
import type { Organisation } from '../directory/organisation.model';
import type { FamilyFile, FamilyMember, FamilyRecord, Involvement, Redaction } from './family-file.model';
import type { FamilySnapshot } from './family-snapshot';
import type { SectionValues } from './section.model';

/**
 * Decisions of one request, memoised by what the rule decides on, so the rule runs once per
 * distinct field (category, source, subjects). The field rule is the pure decideFieldAccess
 * (DESIGN.md §4); the permission table (CASL) decided before this whether the caller may ask
 * for the file at all, and is not asked again per field.
 */
export class RequestDecisions {
  private readonly cache = new Map<string, AccessDecision>();

  constructor(private readonly rule: (field: FieldFacts) => AccessDecision) {}

  decide(field: FieldFacts): AccessDecision {
    const key = factsKey(field);
    let decision = this.cache.get(key);
    if (decision === undefined) {
      decision = this.rule(field);
      this.cache.set(key, decision);
    }
    return decision;
  }
}

/** Subject lists are shared by every field of a record or member, so each is joined once. */
const joinedSubjects = new WeakMap<readonly string[], string>();

function subjectsKey(subjectIds: readonly string[]): string {
  let joined = joinedSubjects.get(subjectIds);
  if (joined === undefined) {
    joined = subjectIds.join(',');
    joinedSubjects.set(subjectIds, joined);
  }
  return joined;
}

/** What the rule decides on, as a string: category, source organisation and subjects. */
function factsKey(field: FieldFacts): string {
  return `${field.category}|${field.sourceOrganisationId}|${subjectsKey(field.subjectIds)}`;
}

/** Decisions of one read, grouped by what they were about, for the access log: fields named, never values. */
export interface DecidedTarget {
  readonly targetKind: 'MEMBER' | 'RECORD' | 'INVOLVEMENT' | 'PLAN_ITEM' | 'THREAD' | 'MESSAGE' | 'ESCALATION';
  readonly targetId: string;
  readonly category: DataCategory;
  readonly subjectIds: readonly string[];
  /** Null for what the family wrote itself (our story, a plan item), and for what no organisation owns (a thread). */
  readonly sourceOrganisationId: string | null;
  readonly decision: AccessDecision;
  readonly fields: string[];
}

/**
 * What a file is built from: the rows in the caller's view (every row of the family for a
 * professional; only what is about their reach for a member), and the family's data key.
 */
export type FileContents = Pick<FamilySnapshot, 'family' | 'members' | 'authority' | 'involvements' | 'records' | 'subjectsByRecord' | 'organisations' | 'key' | 'unreadableBirthDates'>;

/** Served in place of a value that failed its integrity check: withheld, for that reason alone. */
function damaged(category: DataCategory): AccessDecision {
  return { allowed: false, category, reason: DenyReason.DATA_INTEGRITY };
}

/**
 * Builds the family file a caller may see: every field is decided first, and
 * only an allowed field is decrypted. A denied field is null and listed as a
 * redaction, so the reader knows it exists and can ask the family. An allowed field
 * whose stored value fails its integrity check is withheld the same way, with the
 * reason DATA_INTEGRITY (and logged so), never served wrong; the rest of the file is served.
 */
export function assembleFamilyFile(
  contents: FileContents,
  crypto: KringCrypto,
  decisions: RequestDecisions,
  purpose: string | null,
): { file: FamilyFile; decided: DecidedTarget[] } {
  const redactions: Redaction[] = [];
  const decided = new Map<string, DecidedTarget>();
  const { key } = contents;
  /**
   * A withheld field, listed with its category and the reason, so the reader can ask the family.
   * Built as one literal of a fixed shape (not spread from a location): a file has dozens.
   */
  const withhold = (decision: AccessDecision & { allowed: false }, path: string, field: string, memberId: string | null, recordId: string | null, involvementId: string | null) =>
    redactions.push({ path, field, category: decision.category, reason: decision.reason, memberId, recordId, involvementId });
  /** Notes a field's outcome under its target for the log. */
  const note = (targetKind: DecidedTarget['targetKind'], targetId: string, field: string, facts: FieldFacts, decision: AccessDecision): void => {
    const group = `${targetKind}|${targetId}|${facts.category}|${decision.allowed ? 'A' : decision.reason}|${subjectsKey(facts.subjectIds)}`;
    const existing = decided.get(group);
    if (existing === undefined) {
      decided.set(group, { targetKind, targetId, category: facts.category, subjectIds: facts.subjectIds, sourceOrganisationId: facts.sourceOrganisationId, decision, fields: [field] });
    } else {
      existing.fields.push(field);
    }
  };
  const memberSource = contents.family.registeredByOrganisationId;
  const open = (field: SealedField, rowId: string, sealed: Uint8Array) => openSealed(crypto, key, { field, rowId }, sealed);

  const members: FamilyMember[] = contents.members.map((m) => {
    const self = [m.id];
    /** The member's field if it is allowed and intact (read only then); null and a redaction if not. */
    const field = <T>(name: string, facts: FieldFacts, read: () => T | null): T | null => {
      const decision = decisions.decide(facts);
      const value = decision.allowed ? read() : null;
      const outcome = decision.allowed && value === null ? damaged(facts.category) : decision;
      note('MEMBER', m.id, name, facts, outcome);
      if (!outcome.allowed) withhold(outcome, `members.${m.id}.${name}`, name, m.id, null, null);
      return value;
    };
    const own = (category: DataCategory): FieldFacts => ({ category, sourceOrganisationId: memberSource, subjectIds: self });
    const children = contents.authority.filter((a) => a.adultMemberId === m.id).map((a) => a.childMemberId).sort();
    // A birth date read for a decision (capacity, reach) that failed its integrity check is an alarm, served here or not.
    if (contents.unreadableBirthDates.has(m.id)) note('MEMBER', m.id, 'birthDate', own(DataCategory.PERSONAL_IDENTITY), damaged(DataCategory.PERSONAL_IDENTITY));
    return {
      id: m.id,
      name: field('name', own(DataCategory.PERSONAL_IDENTITY), () => open(MEMBER_SEALED_FIELDS.name, m.id, m.nameCiphertext)),
      birthDate: field('birthDate', own(DataCategory.PERSONAL_IDENTITY), () => open(MEMBER_SEALED_FIELDS.birthDate, m.id, m.birthDateCiphertext)),
      bsn: field('bsn', own(DataCategory.NATIONAL_ID), () => open(MEMBER_SEALED_FIELDS.bsn, m.id, m.bsnCiphertext)),
      relation: field('relation', own(DataCategory.HOUSEHOLD), () => open(MEMBER_SEALED_FIELDS.relation, m.id, m.relationCiphertext) as MemberRelation | null),
      // Who holds authority over whom is about the adult and each of those children.
      holdsAuthorityOver: field('holdsAuthorityOver', { category: DataCategory.HOUSEHOLD, sourceOrganisationId: memberSource, subjectIds: [m.id, ...children].sort() }, () => children),
    };
  });
  // Birth dates read to decide, of members not in this view (a member's view: a child whose age could not be established).
  for (const id of contents.unreadableBirthDates) {
    if (!contents.members.some((m) => m.id === id)) note('MEMBER', id, 'birthDate', { category: DataCategory.PERSONAL_IDENTITY, sourceOrganisationId: memberSource, subjectIds: [id] }, damaged(DataCategory.PERSONAL_IDENTITY));
  }

  const allMembers = contents.members.map((m) => m.id).sort();
  const involvements: Involvement[] = contents.involvements.map((i) => {
    const facts: FieldFacts = { category: DataCategory.INVOLVEMENT, sourceOrganisationId: i.organisationId, subjectIds: allMembers };
    const decision = decisions.decide(facts);
    note('INVOLVEMENT', i.id, 'involvement', facts, decision);
    if (!decision.allowed) withhold(decision, `involvements.${i.id}`, 'involvement', null, null, i.id);
    const shown = decision.allowed ? i : null;
    return {
      id: i.id,
      organisation: shown === null ? null : organisationOf(contents, i.organisationId),
      startsOn: shown?.startsOn ?? null,
      endsOn: shown?.endsOn ?? null,
      caseDirection: shown?.caseDirection ?? null,
    };
  });

  // Records are most of a file. A record's source and subjects are the same for every one of
  // its fields, so its decisions are taken per category, not per field (the same decisions),
  // and noted per category and outcome (a damaged field apart from the others of its category).
  // What the family wrote (our story) comes first (DESIGN.md §9), otherwise in the stored order.
  const recordDecisions: DecidedTarget[] = [];
  const inView = new Set(contents.members.map((m) => m.id));
  const replacedAt = new Map(contents.records.flatMap((r) => (r.supersedesRecordId === null ? [] : [[r.supersedesRecordId, r.createdAt] as const])));
  const familyFirst = [...contents.records.filter((r) => writtenByFamily(r.sectionType)), ...contents.records.filter((r) => !writtenByFamily(r.sectionType))];
  const records: FamilyRecord[] = familyFirst.map((r) => {
    const type = findSectionType(r.sectionType);
    const subjectIds = contents.subjectsByRecord.get(r.id) ?? [];
    const byCategory = new Map<DataCategory, AccessDecision>();
    const groups = new Map<string, DecidedTarget>();
    const decideCategory = (category: DataCategory): AccessDecision => {
      let decision = byCategory.get(category);
      if (decision === undefined) {
        decision = decisions.decide({ category, sourceOrganisationId: r.sourceOrganisationId, subjectIds });
        byCategory.set(category, decision);
      }
      return decision;
    };
    const noteField = (field: string, decision: AccessDecision): void => {
      const group = decision.allowed ? decision.category : `${decision.category}|${decision.reason}`;
      const known = groups.get(group);
      if (known === undefined) groups.set(group, { targetKind: 'RECORD', targetId: r.id, category: decision.category, subjectIds, sourceOrganisationId: r.sourceOrganisationId, decision, fields: [field] });
      else known.fields.push(field);
      if (!decision.allowed) withhold(decision, `records.${r.id}.${field}`, field, null, r.id, null);
    };
    const section: Record<string, unknown> & SectionValues = { __sectionType: r.sectionType };
    for (const f of type?.fields ?? []) {
      const sealed = r.encryptedFields[f.name];
      if (sealed === undefined) {
        section[f.name] = null; // never recorded: nothing to share or withhold
        continue;
      }
      const decision = decideCategory(f.category);
      const text = decision.allowed ? open(recordSealedField(f), r.id, Buffer.from(sealed, 'base64')) : null;
      section[f.name] = text === null ? null : (JSON.parse(text) as FieldValue);
      noteField(f.name, decision.allowed && text === null ? damaged(f.category) : decision);
    }
    const { sourceOrganisationId, authorMemberId } = r;
    // Who wrote a record. An organisation: that it is involved, INVOLVEMENT data about the record's
    // subjects. A member (our story): part of their words, OWN_WORDS; named only where that member
    // is in the view (a member's view leaves out everyone outside their reach, authors too).
    let sourceOrganisation: Organisation | null = null;
    let author: string | null = null;
    if (sourceOrganisationId !== null) {
      const decision = decideCategory(DataCategory.INVOLVEMENT);
      noteField('sourceOrganisation', decision);
      if (decision.allowed) sourceOrganisation = organisationOf(contents, sourceOrganisationId);
    } else if (authorMemberId !== null && inView.has(authorMemberId)) {
      const decision = decideCategory(DataCategory.OWN_WORDS);
      noteField('authorMemberId', decision);
      if (decision.allowed) author = authorMemberId;
    }
    recordDecisions.push(...groups.values());
    return {
      id: r.id,
      sectionType: r.sectionType,
      sourceOrganisation,
      authorMemberId: author,
      subjectMemberIds: [...subjectIds],
      createdAt: r.createdAt,
      supersededAt: replacedAt.get(r.id) ?? null,
      section,
    };
  });

  return { file: { id: contents.family.id, purpose, members, involvements, records, redactions }, decided: [...decided.values(), ...recordDecisions] };
}

/** Whether records of this section type are the family's own words (shown first). */
function writtenByFamily(sectionType: string): boolean {
  const type = findSectionType(sectionType);
  return type !== undefined && sectionSource(type) === 'FAMILY';
}

/** Organisations are public; the snapshot loads every one a family's file refers to. */
function organisationOf(contents: FileContents, id: string): Organisation {
  const organisation = contents.organisations.get(id);
  if (organisation === undefined) throw new Error('an organisation of the family file is missing from its snapshot');
  return { id: organisation.id, name: organisation.name, domain: organisation.domain };
}
