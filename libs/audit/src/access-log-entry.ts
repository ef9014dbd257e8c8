import type { Activity, ActorKind, Basis, Decision, TargetKind } from './access-log-vocabulary';

/**
 * One entry of the access log: a decision of the access rule, or a change that
 * affects what may be shared (consent, involvement, record, key operation).
 * It names fields and categories, never values.
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
  /** The members the data is about (pseudonymous ids). */
  readonly subjectMemberIds: readonly string[];
  /** What the entry is about: one of TARGET_KINDS, or null for an entry about no target (a refusal, a key rotation). */
  readonly targetKind: TargetKind | null;
  /**
   * The ids of the targets the entry covers, in the order the writer gave them. A change
   * names its one target; a read names every record, member or involvement of its group
   * (see apps/gateway/src/families/read-entries.ts); a refusal names the family asked
   * for, or nothing when no valid id was given.
   */
  readonly targetIds: readonly string[];
  readonly sourceOrganisationId: string | null;
  readonly category: string | null;
  readonly fields: readonly string[];
  readonly decision: Decision;
  /** One of BASES; null when denied, and for a system operation. */
  readonly basis: Basis | null;
  /** Consent receipt ids or the break-glass grant id the basis rests on. */
  readonly basisRefs: readonly string[];
  /** The deny reason code; null when allowed. */
  readonly reason: string | null;
  readonly breakGlass: boolean;
}

/**
 * An entry's facts as read back from the table, of either encoding version. Entries
 * written before the `target_ids` column existed (encoding v1) have `targetIds: null` and
 * their one target, if any, in `targetId`. Entries written since (v2) have `targetIds` and
 * `targetId: null`. The log is append-only, so old entries keep their shape for good.
 */
export type StoredFacts = Omit<AccessLogFacts, 'targetIds' | Worded> & {
  readonly targetIds: readonly string[] | null;
  readonly targetId: string | null;
  // The words of the vocabulary, read back, are whatever the row holds: the chain is
  // verified over what is stored, including a word that was never Kring's (a changed row).
  readonly actorKind: string;
  readonly activity: string;
  readonly targetKind: string | null;
  readonly decision: string;
  readonly basis: string | null;
};

/** The fields an entry writes in the vocabulary (access-log-vocabulary.ts). */
type Worded = 'actorKind' | 'activity' | 'targetKind' | 'decision' | 'basis';

/** An entry as stored: its facts plus its place in its chain. */
export interface ChainedEntry extends StoredFacts {
  readonly chainKey: string;
  readonly sequence: number;
  readonly previousHash: Uint8Array;
  readonly entryHash: Uint8Array;
}
