import type { Activity, ActorKind, Basis, Decision, EntryOutcome, TargetKind } from './access-log-vocabulary';

/**
 * One decision of an operation about one data subject: what it concerned (the kind and ids
 * of its targets, the category, whose record), the outcome, and why. A read decides per
 * target and category; decisions with the same kind, category, source organisation and
 * outcome are written as one, listing every target. It names fields, never values.
 */
export interface LoggedDecision {
  /** What the decision is about: one of TARGET_KINDS, or null for a refusal about no target. */
  readonly targetKind: TargetKind | null;
  /** The ids of its targets, in the order the writer gave them. */
  readonly targetIds: readonly string[];
  /** Whose record it is; null for what no organisation holds (the family's members, a consent). */
  readonly sourceOrganisationId: string | null;
  readonly category: string | null;
  readonly fields: readonly string[];
  readonly outcome: Decision;
  /** One of BASES; null when denied, and for a system operation. */
  readonly basis: Basis | null;
  /** Consent receipt ids or the break-glass grant id the basis rests on. */
  readonly basisRefs: readonly string[];
  /** The deny reason code; null when allowed. */
  readonly reason: string | null;
}

/**
 * One entry of the access log (encoding v3, DESIGN.md §10): one operation about one data
 * subject, or about no member, with the list of that operation's decisions about them.
 * Who acted, for which purpose, when and in which request are the entry's; what was
 * decided per category and source organisation is in its decisions.
 */
export interface AccessLogFacts {
  readonly occurredAt: Date;
  /** W3C trace id (32 hex), linking the request across organisations. */
  readonly traceId: string;
  readonly actorKind: ActorKind;
  readonly actorId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorRole: string | null;
  /** What happened: one of ACTIVITIES (access-log-vocabulary.ts). */
  readonly activity: Activity;
  /** The processing activity (purpose code); null for a citizen's own access. */
  readonly purpose: string | null;
  readonly familyId: string | null;
  /** The member the entry is about (pseudonymous id): one, or none for an operation about no member. */
  readonly subjectMemberIds: readonly string[];
  /** At least one. */
  readonly decisions: readonly LoggedDecision[];
  /**
   * Whether the entry concerns emergency access: a decision under a break-glass grant
   * (`underBreakGlass`), or the opening or review of one. The officers' emergency filter.
   */
  readonly breakGlass: boolean;
}

/** A decision as read back from the `decisions` jsonb of a v3 row: whatever the row holds. */
export type StoredDecision = { readonly [K in keyof LoggedDecision]: LoggedDecision[K] extends readonly string[] ? readonly string[] : string | null };

/**
 * An entry's facts as read back from the table, of any encoding version:
 *
 * - v1 (before `target_ids` existed): one group of decisions in the scalar columns, its one
 *   target (if any) in `targetId`, `targetIds` and `decisions` null;
 * - v2: the same with the group's target ids in `targetIds`, `targetId` null;
 * - v3 (since the log's shape of DESIGN.md §10): the decisions in `decisions`, the scalar
 *   decision columns (target kind and ids, source organisation, category, fields, basis,
 *   basis references, reason) NULL or empty, `decision` and `breakGlass` derived from the
 *   decisions (`entryOutcomeOf`, `underBreakGlass`).
 *
 * The log is append-only, so old entries keep their shape for good.
 */
export interface StoredFacts {
  readonly occurredAt: Date;
  readonly traceId: string;
  // The words of the vocabulary, read back, are whatever the row holds: the chain is
  // verified over what is stored, including a word that was never Kring's (a changed row).
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorRole: string | null;
  readonly activity: string;
  readonly purpose: string | null;
  readonly familyId: string | null;
  readonly subjectMemberIds: readonly string[];
  readonly decision: string;
  readonly breakGlass: boolean;
  /** v3: the decisions; null on v1 and v2 entries. */
  readonly decisions: readonly StoredDecision[] | null;
  // The one group of decisions of a v1 or v2 entry; NULL or empty on v3 entries.
  readonly targetKind: string | null;
  readonly targetId: string | null;
  readonly targetIds: readonly string[] | null;
  readonly sourceOrganisationId: string | null;
  readonly category: string | null;
  readonly fields: readonly string[];
  readonly basis: string | null;
  readonly basisRefs: readonly string[];
  readonly reason: string | null;
  /** The filters' words, derived from the columns above (`facetsOf`); not hashed, checked by the walk. */
  readonly facets: readonly string[];
}

/** An entry as stored: its facts plus its place in its chain. */
export interface ChainedEntry extends StoredFacts {
  readonly chainKey: string;
  readonly sequence: number;
  readonly previousHash: Uint8Array;
  readonly entryHash: Uint8Array;
}

/** The entry's outcome over its decisions (ENTRY_OUTCOMES), stored in `decision` so the officers' chart and filters need not open the list. */
export function entryOutcomeOf(decisions: readonly { readonly outcome: string }[]): EntryOutcome {
  let allowed = false;
  let denied = false;
  for (const d of decisions) {
    if (d.outcome === 'ALLOWED') allowed = true;
    else denied = true;
  }
  return allowed && denied ? 'PARTLY_ALLOWED' : denied ? 'DENIED' : 'ALLOWED';
}

/** Whether any decision rests on an emergency (break-glass) grant. */
export function underBreakGlass(decisions: readonly { readonly basis: string | null }[]): boolean {
  return decisions.some((d) => d.basis === 'BREAK_GLASS');
}

/**
 * The row a v3 entry is stored as: its facts, the outcome derived from its decisions, and
 * the scalar decision columns of v1 and v2 left empty. What the writer hashes and inserts.
 */
export function storedFactsOf(facts: AccessLogFacts): StoredFacts {
  const row: Omit<StoredFacts, 'facets'> = {
    occurredAt: facts.occurredAt,
    traceId: facts.traceId,
    actorKind: facts.actorKind,
    actorId: facts.actorId,
    actorOrganisationId: facts.actorOrganisationId,
    actorRole: facts.actorRole,
    activity: facts.activity,
    purpose: facts.purpose,
    familyId: facts.familyId,
    subjectMemberIds: facts.subjectMemberIds,
    decision: entryOutcomeOf(facts.decisions),
    breakGlass: facts.breakGlass,
    decisions: facts.decisions,
    targetKind: null,
    targetId: null,
    targetIds: null,
    sourceOrganisationId: null,
    category: null,
    fields: [],
    basis: null,
    basisRefs: [],
    reason: null,
  };
  return { ...row, facets: facetsOf(row) };
}

/**
 * The words the officers' decision-level filters look for, of an entry of any shape:
 * `o:<outcome>`, `s:<source organisation>`, `c:<category>`, `r:<reason>`, `b:<basis>` of each
 * decision (of a v1 or v2 entry: of its one group, in its scalar columns), each once, sorted.
 * The writer stores them in `facets` (under a GIN index) beside what it hashes; they are not
 * hashed, since they follow from what is, and the walk checks that they still do
 * (`facetsAgree`). Why the writer and not a generated column: PostgreSQL computing them per
 * row took about 0.45 ms of a read's append of six entries (docs/performance.md, *Issue 15*).
 */
export function facetsOf(facts: Omit<StoredFacts, 'facets'>): string[] {
  const words = new Set<string>();
  const add = (letter: string, value: string | null) => {
    if (value !== null) words.add(`${letter}:${value}`);
  };
  const groups = facts.decisions ?? [{ outcome: facts.decision, sourceOrganisationId: facts.sourceOrganisationId, category: facts.category, reason: facts.reason, basis: facts.basis }];
  for (const d of groups) {
    add('o', d.outcome);
    add('s', d.sourceOrganisationId);
    add('c', d.category);
    add('r', d.reason);
    add('b', d.basis);
  }
  return [...words].sort();
}
