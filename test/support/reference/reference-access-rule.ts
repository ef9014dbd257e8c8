import { DataCategory, SECTION_TYPES } from '@kring/family-file';
import { amsterdamDate, wholeYearsOn } from './reference-calendar';
import type { ReferenceConsent, ReferencePurpose, ReferenceRequest, ReferenceWorld } from './reference-world';

/**
 * An independent reference implementation of the access rule (DESIGN.md §4) as
 * the gateway's `family(id, purpose)` applies it: written from the rule's text,
 * sharing no logic with @kring/policy or @kring/consent. Plain loops over plain
 * data, so a reader can check it against the design line by line.
 */

export type DenialReason = 'PURPOSE_EXCLUDES_CATEGORY' | 'NO_CONSENT' | 'CAPACITY_LAPSED' | 'CONSENT_PENDING' | 'CONSENT_EXPIRED' | 'CONSENT_REVOKED';
export type AllowBasis = 'OWN_RECORD' | 'STATUTORY' | 'CONSENT' | 'BREAK_GLASS';
export type RequestError = 'UNKNOWN_PURPOSE' | 'FORBIDDEN' | 'NOT_FOUND';
/** How one consent stands at the instant of access. */
export type ConsentJudgement = 'COUNTS' | 'CAPACITY_LAPSED' | 'PENDING' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED';
export type CapacityBand = 'UNDER_12' | 'FROM_12_TO_15' | 'FROM_16';

export type FieldVerdict = { readonly allowed: true; readonly basis: AllowBasis } | { readonly allowed: false; readonly reason: DenialReason };

export interface ExpectedRedaction {
  readonly path: string;
  readonly field: string;
  readonly category: DataCategory;
  readonly reason: DenialReason;
  readonly memberId: string | null;
  readonly recordId: string | null;
  readonly involvementId: string | null;
}

export interface ExpectedMember {
  readonly id: string;
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly bsn: string | null;
  readonly relation: string | null;
  readonly holdsAuthorityOver: string[] | null;
}

export interface ExpectedInvolvement {
  readonly id: string;
  readonly organisationId: string | null;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly caseDirection: boolean | null;
}

export interface ExpectedRecord {
  readonly id: string;
  readonly sectionType: string;
  /** Who wrote it: INVOLVEMENT data about the record's subjects, decided like any field. */
  readonly sourceOrganisationId: string | null;
  /** Who wrote a story (our story): shown with its words, OWN_WORDS. */
  readonly authorMemberId: string | null;
  /** Whether a newer version of the story replaced it. */
  readonly superseded: boolean;
  readonly subjectMemberIds: string[];
  readonly section: Record<string, unknown>;
}

export interface ExpectedFile {
  readonly members: ExpectedMember[];
  readonly involvements: ExpectedInvolvement[];
  readonly records: ExpectedRecord[];
  readonly redactions: ExpectedRedaction[];
}

/** What the reference saw on the way, so a run can prove that its worlds reach every branch. */
export interface ReferenceTrace {
  readonly verdicts: FieldVerdict[];
  /** Every covering consent judged, with the capacity band of its subject that day. */
  readonly judgements: { readonly judgement: ConsentJudgement; readonly band: CapacityBand }[];
  /** What became of each story's words (our story): `allowed CONSENT`, `denied NO_CONSENT`, ..., `replaced version left out`. */
  readonly stories: string[];
}

export type ExpectedAnswer =
  | { readonly kind: 'error'; readonly code: RequestError }
  | { readonly kind: 'file'; readonly file: ExpectedFile; readonly trace: ReferenceTrace };

interface FieldToDecide {
  readonly category: DataCategory;
  /** Null when the family wrote it (a story, a plan item): then no organisation reads it as its own. */
  readonly sourceOrganisationId: string | null;
  /** Sorted ascending. */
  readonly subjectIds: readonly string[];
}

/**
 * Whether a professional's read of the family is answered at all: the purpose is in the
 * catalogue and the caller's domain may use it (rule 1), and the caller's organisation is
 * involved with the family today (rule 2); else the error it answers with. Answered, the rest
 * of the rule decides field by field (`RuleForRequest`, noting what it saw in `trace`).
 */
export function ruleForRequest(
  world: ReferenceWorld,
  request: ReferenceRequest,
  catalogue: readonly ReferencePurpose[],
): { readonly kind: 'error'; readonly code: RequestError } | { readonly kind: 'answered'; readonly rule: RuleForRequest; readonly trace: ReferenceTrace; readonly today: string } {
  const purpose = catalogue.find((p) => p.code === request.purpose);
  if (purpose === undefined) return { kind: 'error', code: 'UNKNOWN_PURPOSE' };
  if (!purpose.domains.includes(request.caller.domain)) return { kind: 'error', code: 'FORBIDDEN' };
  const today = amsterdamDate(request.at);
  if (!involvedOn(world, request.caller.id, today)) return { kind: 'error', code: 'NOT_FOUND' };
  const trace: ReferenceTrace = { verdicts: [], judgements: [], stories: [] };
  return { kind: 'answered', rule: new RuleForRequest(world, request, purpose, today, trace), trace, today };
}

/** Rule 2: whether the organisation is involved with the family on `today` (an involvement has begun and not yet ended). */
export function involvedOn(world: Pick<ReferenceWorld, 'involvements'>, organisationId: string, today: string): boolean {
  return world.involvements.some((i) => i.organisationId === organisationId && i.startsOn <= today && (i.endsOn === null || today < i.endsOn));
}

/** The answer the gateway must give to `family(world.familyId, request.purpose)` asked by `request.caller` at `request.at`. */
export function expectedFamilyAnswer(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[]): ExpectedAnswer {
  const answered = ruleForRequest(world, request, catalogue);
  if (answered.kind === 'error') return answered;
  const { rule: judge, trace } = answered;
  const redactions: ExpectedRedaction[] = [];
  const reveal = <T>(field: FieldToDecide, where: Omit<ExpectedRedaction, 'category' | 'reason'>, value: T): T | null => {
    const verdict = judge.decide(field);
    trace.verdicts.push(verdict);
    if (verdict.allowed) return value;
    redactions.push({ ...where, category: field.category, reason: verdict.reason });
    return null;
  };
  const sorted = (ids: readonly string[]) => [...ids].sort();
  const memberSource = world.registeredByOrganisationId;

  const members = world.members.map((m): ExpectedMember => {
    const own = (category: DataCategory): FieldToDecide => ({ category, sourceOrganisationId: memberSource, subjectIds: [m.id] });
    const at = (field: string) => ({ path: `members.${m.id}.${field}`, field, memberId: m.id, recordId: null, involvementId: null });
    const children = sorted(world.authority.filter((a) => a.adultId === m.id).map((a) => a.childId));
    return {
      id: m.id,
      name: reveal(own(DataCategory.PERSONAL_IDENTITY), at('name'), m.name),
      birthDate: reveal(own(DataCategory.PERSONAL_IDENTITY), at('birthDate'), m.birthDate),
      bsn: reveal(own(DataCategory.NATIONAL_ID), at('bsn'), m.bsn),
      relation: reveal(own(DataCategory.HOUSEHOLD), at('relation'), m.relation as string),
      holdsAuthorityOver: reveal(
        { category: DataCategory.HOUSEHOLD, sourceOrganisationId: memberSource, subjectIds: sorted([m.id, ...children]) },
        at('holdsAuthorityOver'),
        children,
      ),
    };
  });

  const everyone = sorted(world.members.map((m) => m.id));
  const involvements = world.involvements.map((i): ExpectedInvolvement => {
    const shown = reveal(
      { category: DataCategory.INVOLVEMENT, sourceOrganisationId: i.organisationId, subjectIds: everyone },
      { path: `involvements.${i.id}`, field: 'involvement', memberId: null, recordId: null, involvementId: i.id },
      i,
    );
    return { id: i.id, organisationId: shown?.organisationId ?? null, startsOn: shown?.startsOn ?? null, endsOn: shown?.endsOn ?? null, caseDirection: shown?.caseDirection ?? null };
  });

  // A story a member wrote again: the professional reads the newest words only; the replaced ones are not in the file at all.
  const replaced = new Set(world.records.map((r) => r.supersedesId));
  for (const r of world.records) if (replaced.has(r.id)) trace.stories.push('replaced version left out');
  const records = world.records.filter((r) => !replaced.has(r.id)).map((r): ExpectedRecord => {
    const type = SECTION_TYPES.find((t) => t.name === r.sectionType);
    if (type === undefined) throw new Error(`the world holds a record of unknown section type ${r.sectionType}`);
    const subjectIds = sorted(r.subjectIds);
    const section: Record<string, unknown> = { __typename: type.name };
    for (const f of type.fields) {
      const value = r.values[f.name];
      section[f.name] =
        value === undefined
          ? null
          : reveal(
              { category: f.category, sourceOrganisationId: r.sourceOrganisationId, subjectIds },
              { path: `records.${r.id}.${f.name}`, field: f.name, memberId: null, recordId: r.id, involvementId: null },
              JSON.parse(JSON.stringify(value)) as unknown,
            );
    }
    // Who wrote it: an organisation is INVOLVEMENT data; a member writing our story is part of their own words.
    const writer = (field: 'sourceOrganisation' | 'authorMemberId', category: DataCategory, value: string) =>
      reveal({ category, sourceOrganisationId: r.sourceOrganisationId, subjectIds }, { path: `records.${r.id}.${field}`, field, memberId: null, recordId: r.id, involvementId: null }, value);
    const source = r.sourceOrganisationId === null ? null : writer('sourceOrganisation', DataCategory.INVOLVEMENT, r.sourceOrganisationId);
    const author = r.authorId === null ? null : writer('authorMemberId', DataCategory.OWN_WORDS, r.authorId);
    if (r.authorId !== null) {
      const verdict = trace.verdicts.at(-1) as FieldVerdict;
      trace.stories.push(verdict.allowed ? `allowed ${verdict.basis}` : `denied ${verdict.reason}`);
    }
    return { id: r.id, sectionType: r.sectionType, sourceOrganisationId: source, authorMemberId: author, superseded: false, subjectMemberIds: subjectIds, section };
  });

  return { kind: 'file', file: { members, involvements, records, redactions }, trace };
}

/** Which judgement wins when no covering consent counts; the first of this list that occurs. */
const JUDGEMENT_PRIORITY: readonly Exclude<ConsentJudgement, 'COUNTS'>[] = ['CAPACITY_LAPSED', 'PENDING', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED'];

const REASON_OF: Readonly<Record<Exclude<ConsentJudgement, 'COUNTS'>, DenialReason>> = {
  CAPACITY_LAPSED: 'CAPACITY_LAPSED',
  PENDING: 'CONSENT_PENDING',
  NOT_YET_VALID: 'CONSENT_PENDING',
  EXPIRED: 'CONSENT_EXPIRED',
  REVOKED: 'CONSENT_REVOKED',
};

/** Rule 3 of §4 for one request whose purpose and involvement already passed (`ruleForRequest`): one field at a time. */
export class RuleForRequest {
  constructor(
    private readonly world: ReferenceWorld,
    private readonly request: ReferenceRequest,
    private readonly purpose: ReferencePurpose,
    private readonly today: string,
    private readonly trace: ReferenceTrace,
  ) {}

  decide(field: FieldToDecide): FieldVerdict {
    if (!this.purpose.maxCategories.includes(field.category)) return { allowed: false, reason: 'PURPOSE_EXCLUDES_CATEGORY' };
    // DESIGN.md §9: what a member wrote in their own words is shared only by consent, never as an own record or by a statutory task.
    const onlyByConsent = field.category === DataCategory.OWN_WORDS;
    if (!onlyByConsent && field.sourceOrganisationId === this.request.caller.id) return { allowed: true, basis: 'OWN_RECORD' };
    if (!onlyByConsent && this.purpose.statutoryFor.includes(this.request.caller.domain)) return { allowed: true, basis: 'STATUTORY' };
    const consent = this.byConsent(field);
    if (consent.allowed || onlyByConsent) return consent;
    // An unexpired emergency grant of the caller (the one professional of its organisation) on the family, for the read's purpose, covering the category.
    const t = this.request.at.getTime();
    const grant = (this.world.breakGlassGrants ?? []).find(
      (g) => g.organisationId === this.request.caller.id && g.purpose === this.purpose.code && g.expiresAt.getTime() > t && g.categories.includes(field.category),
    );
    return grant === undefined ? consent : { allowed: true, basis: 'BREAK_GLASS' };
  }

  /** Every subject has a consent that counts now, covering this recipient, purpose and category; else the first subject's shortfall. */
  private byConsent(field: FieldToDecide): FieldVerdict {
    for (const subjectId of field.subjectIds) {
      const covering = this.world.consents.filter(
        (c) =>
          c.subjectId === subjectId &&
          (c.recipientOrganisationId === this.request.caller.id || c.recipientDomain === this.request.caller.domain) &&
          c.purposes.includes(this.purpose.code) &&
          c.categories.includes(field.category),
      );
      if (covering.length === 0) return { allowed: false, reason: 'NO_CONSENT' };
      const judgements = covering.map((c) => this.judge(c));
      if (judgements.includes('COUNTS')) continue;
      const worst = JUDGEMENT_PRIORITY.find((j) => judgements.includes(j));
      if (worst === undefined) throw new Error('unreachable: a judgement outside the priority list');
      return { allowed: false, reason: REASON_OF[worst] };
    }
    return { allowed: true, basis: 'CONSENT' };
  }

  private judge(consent: ReferenceConsent): ConsentJudgement {
    const t = this.request.at.getTime();
    const subjectBirthDate = this.birthDateOf(consent.subjectId);
    const band = bandOf(wholeYearsOn(subjectBirthDate, this.today));
    const judgement = ((): ConsentJudgement => {
      if (consent.revokedAt !== null && consent.revokedAt.getTime() <= t) return 'REVOKED';
      if (t >= consent.validUntil.getTime()) return 'EXPIRED';
      if (t < consent.validFrom.getTime()) return 'NOT_YET_VALID';
      const signed = consent.signatures.filter((s) => s.signedAt.getTime() <= t);
      const signers = new Set(signed.map((s) => s.memberId));
      if (capacitySatisfied(this.world, consent.subjectId, band, signers)) return 'COUNTS';
      if (signed.length === 0) return 'PENDING';
      const latest = new Date(Math.max(...signed.map((s) => s.signedAt.getTime())));
      const bandWhenSigned = bandOf(wholeYearsOn(subjectBirthDate, amsterdamDate(latest)));
      return capacitySatisfied(this.world, consent.subjectId, bandWhenSigned, signers) ? 'CAPACITY_LAPSED' : 'PENDING';
    })();
    this.trace.judgements.push({ judgement, band });
    return judgement;
  }

  private birthDateOf(memberId: string): string {
    const member = this.world.members.find((m) => m.id === memberId);
    if (member === undefined) throw new Error(`a consent names ${memberId}, who is not a member of the family`);
    return member.birthDate;
  }
}

/**
 * The capacity rule of §3: whether those who said yes (signed a consent, chose to show a plan
 * item) are enough for `subjectId` in `band`: under 12 a parent with authority; from 12 to 15
 * the subject and a parent with authority; from 16 the subject.
 */
export function capacitySatisfied(world: Pick<ReferenceWorld, 'authority'>, subjectId: string, band: CapacityBand, saidYes: ReadonlySet<string>): boolean {
  const holderSaid = world.authority.some((a) => a.childId === subjectId && saidYes.has(a.adultId));
  const subjectSaid = saidYes.has(subjectId);
  switch (band) {
    case 'UNDER_12':
      return holderSaid;
    case 'FROM_12_TO_15':
      return subjectSaid && holderSaid;
    case 'FROM_16':
      return subjectSaid;
  }
}

export function bandOf(age: number): CapacityBand {
  if (age < 12) return 'UNDER_12';
  if (age < 16) return 'FROM_12_TO_15';
  return 'FROM_16';
}
