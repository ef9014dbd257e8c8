/** Whether the decision let the data through. */
export type Decision = 'ALLOWED' | 'DENIED';

/** Who acted. Professionals are named by id (their name is for privacy officers only); citizens by member id. */
export type ActorKind = 'PROFESSIONAL' | 'CITIZEN' | 'SYSTEM';

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
  /** What happened: READ_FAMILY_FILE, GRANT_CONSENT, REVOKE_CONSENT, ADD_RECORD, ... */
  readonly activity: string;
  /** The processing activity (purpose code); null for a citizen's own access. */
  readonly purpose: string | null;
  readonly familyId: string | null;
  /** The members the data is about (pseudonymous ids). */
  readonly subjectMemberIds: readonly string[];
  /** What the entry is about: a RECORD, MEMBER, INVOLVEMENT, CONSENT, FAMILY or BREAK_GLASS. */
  readonly targetKind: string | null;
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
  /** OWN_RECORD, STATUTORY_TASK, CONSENT, BREAK_GLASS, DATA_SUBJECT; null when denied. */
  readonly basis: string | null;
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
export type StoredFacts = Omit<AccessLogFacts, 'targetIds'> & {
  readonly targetIds: readonly string[] | null;
  readonly targetId: string | null;
};

/** An entry as stored: its facts plus its place in its chain. */
export interface ChainedEntry extends StoredFacts {
  readonly chainKey: string;
  readonly sequence: number;
  readonly previousHash: Uint8Array;
  readonly entryHash: Uint8Array;
}
