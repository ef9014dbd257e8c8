import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Domain, OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { AccessRoute, ProblemCode } from './social-map-vocabulary';

/**
 * What the text search reads: the name (weight A) and the description (weight B), in the
 * `dutch` configuration (stemming: *schuldhulpverlening*, *schulden*; Dutch stop words). The
 * migration and the search use this one text.
 */
export const SERVICE_SEARCH_DOCUMENT = "setweight(to_tsvector('dutch'::regconfig, name), 'A') || setweight(to_tsvector('dutch'::regconfig, description), 'B')";

/**
 * A service on the social map (DESIGN.md §9, *sociale kaart*): what an organisation offers,
 * for whom, where, how to get there and how long the wait is. Public information, no personal
 * data: nothing is sealed, and anyone reads it without signing in. A service is never deleted
 * (a referral will point at it): a withdrawn one (`withdrawnAt`) leaves the map.
 */
@Entity({ name: 'service' })
@Index('service_organisation_idx', ['organisationId'])
@Check('service_ages_in_order', 'age_from IS NULL OR age_to IS NULL OR age_from <= age_to')
@Check('service_waiting_time_dated', '(waiting_weeks IS NULL) = (waiting_stated_on IS NULL)')
export class ServiceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The organisation that offers it; only its own professionals change it. */
  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'service_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column('text')
  name!: string;

  /** In plain Dutch: what the service does and for whom. */
  @Column('text')
  description!: string;

  @Column({ type: 'enum', enum: Domain, enumName: 'organisation_domain' })
  domain!: Domain;

  /** The youngest age it is for; null: no lower bound. */
  @Column('smallint', { name: 'age_from', nullable: true })
  ageFrom!: number | null;

  /** The oldest age it is for; null: no upper bound. */
  @Column('smallint', { name: 'age_to', nullable: true })
  ageTo!: number | null;

  @Column({ type: 'enum', enum: ProblemCode, enumName: 'service_problem', array: true })
  problems!: ProblemCode[];

  /** CBS codes of the municipalities it serves (`GM0074`, municipalities.ts). */
  @Column('text', { name: 'municipality_codes', array: true })
  municipalityCodes!: string[];

  @Column({ type: 'enum', enum: AccessRoute, enumName: 'service_access_route', name: 'access_route' })
  accessRoute!: AccessRoute;

  /** The waiting time in weeks as last stated; null: not stated. */
  @Column('smallint', { name: 'waiting_weeks', nullable: true })
  waitingWeeks!: number | null;

  /** The day (Amsterdam) the waiting time was stated; stale after 90 days. */
  @Column('date', { name: 'waiting_stated_on', nullable: true })
  waitingStatedOn!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  website!: string | null;

  /** The visiting address of the service (an office, not a person's). */
  @Column('text', { nullable: true })
  address!: string | null;

  @Column('uuid', { name: 'published_by_professional_id' })
  publishedByProfessionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_professional_id', foreignKeyConstraintName: 'service_published_by_professional_fk' })
  publishedByProfessional?: Relation<ProfessionalEntity>;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  /** The search document (SERVICE_SEARCH_DOCUMENT), kept by PostgreSQL; never written, never selected by default. Its GIN index is the migration's (TypeORM cannot declare one). */
  @Index('service_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', generatedType: 'STORED', asExpression: SERVICE_SEARCH_DOCUMENT, select: false, insert: false, update: false })
  search?: string;
}
