import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The access log, append-only: the application's database role may only insert and
 * select here, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone. Each
 * entry is hash-chained to the previous one of its chain (one chain per family).
 * Fields and categories are named; values never appear.
 */
@Entity({ name: 'access_log_entry' })
@Index('access_log_chain_sequence_key', ['chainKey', 'sequence'], { unique: true })
@Index('access_log_time_idx', ['occurredAt', 'id'])
@Index('access_log_family_time_idx', ['familyId', 'occurredAt', 'id'])
@Index('access_log_actor_org_time_idx', ['actorOrganisationId', 'occurredAt', 'id'])
@Index('access_log_source_org_time_idx', ['sourceOrganisationId', 'occurredAt', 'id'])
@Index('access_log_actor_time_idx', ['actorId', 'occurredAt', 'id'])
export class AccessLogEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'chain_key' })
  chainKey!: string;

  @Column('bigint', { name: 'sequence' })
  sequence!: string;

  @Column('timestamptz', { name: 'occurred_at' })
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

  @Column('bytea', { name: 'previous_hash' })
  previousHash!: Buffer;

  @Column('bytea', { name: 'entry_hash' })
  entryHash!: Buffer;
}
