import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The access log, append-only: the application's database role may only insert and
 * select here, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone. Each
 * entry is hash-chained to the previous one of its chain (one chain per family).
 * Fields and categories are named; values never appear.
 *
 * Partitioned by month on `occurred_at` (migration ReshapeAccessLog; docs/access-log.md,
 * *Partitions*), so its primary key is (id, occurred_at) and the chain's (chain_key,
 * sequence) index cannot be unique: the chain head's lock keeps sequences unique, and
 * verification reports a duplicate. The schema is the migrations'; these decorators
 * describe it for TypeORM's reads.
 */
@Entity({ name: 'access_log_entry' })
@Index('access_log_chain_sequence_idx', ['chainKey', 'sequence'])
@Index('access_log_time_idx', ['occurredAt', 'id'])
@Index('access_log_family_time_idx', ['familyId', 'occurredAt', 'id'])
@Index('access_log_actor_org_time_idx', ['actorOrganisationId', 'occurredAt', 'id'])
@Index('access_log_actor_time_idx', ['actorId', 'occurredAt', 'id'])
@Index('access_log_break_glass_time_idx', ['occurredAt', 'id'], { where: 'break_glass' })
export class AccessLogEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'chain_key' })
  chainKey!: string;

  @Column('bigint', { name: 'sequence' })
  sequence!: string;

  @PrimaryColumn('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text', { name: 'trace_id' })
  traceId!: string;

  @Column('text', { name: 'actor_kind' })
  actorKind!: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('uuid', { name: 'actor_organisation_id', nullable: true })
  actorOrganisationId!: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column('text')
  activity!: string;

  @Column('text', { nullable: true })
  purpose!: string | null;

  @Column('uuid', { name: 'family_id', nullable: true })
  familyId!: string | null;

  @Index('access_log_subjects_idx', { synchronize: false })
  @Column('uuid', { name: 'subject_member_ids', array: true })
  subjectMemberIds!: string[];

  @Column('text', { name: 'target_kind', nullable: true })
  targetKind!: string | null;

  /** The one target of an entry written before `target_ids` existed (encoding v1); null on later entries. */
  @Column('uuid', { name: 'target_id', nullable: true })
  targetId!: string | null;

  /**
   * The targets an entry covers (encoding v2): null on entries written before this column
   * existed, never null on later ones. No index: no query of the log filters on targets.
   */
  @Column('uuid', { name: 'target_ids', array: true, nullable: true })
  targetIds!: string[] | null;

  @Column('uuid', { name: 'source_organisation_id', nullable: true })
  sourceOrganisationId!: string | null;

  @Column('text', { nullable: true })
  category!: string | null;

  @Column('text', { array: true })
  fields!: string[];

  /** ALLOWED, DENIED, or on v3 entries PARTLY_ALLOWED (ENTRY_OUTCOMES). */
  @Column('text')
  decision!: string;

  @Column('text', { nullable: true })
  basis!: string | null;

  @Column('text', { name: 'basis_refs', array: true })
  basisRefs!: string[];

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('boolean', { name: 'break_glass' })
  breakGlass!: boolean;

  /** The decisions of a v3 entry (one operation about one data subject); NULL on v1 and v2 entries, whose one group is in the columns above. */
  @Column('jsonb', { nullable: true })
  decisions!: unknown[] | null;

  /**
   * What the officers filter on, for every encoding: the words o:<outcome>, s:<source
   * organisation>, c:<category>, r:<reason>, b:<basis> of the entry's decisions (`facetsOf`).
   * Written beside the hashed columns, not hashed: verification checks they follow from them.
   * Not indexed: the planner walked the time index for every filter measured, index or not
   * (migration TuneAccessLogIndexes).
   */
  @Column('text', { array: true })
  facets!: string[];

  @Column('bytea', { name: 'previous_hash' })
  previousHash!: Buffer;

  @Column('bytea', { name: 'entry_hash' })
  entryHash!: Buffer;
}
