import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ProfessionalRole } from './domain';
import { OrganisationEntity } from './organisation.entity';

/** A person working at one organisation. Their name is personal data: encrypted with the organisation's key. */
@Entity({ name: 'professional' })
export class ProfessionalEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The `sub` claim the identity provider uses for this person. */
  @Index('professional_subject_key', { unique: true })
  @Column('text')
  subject!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'professional_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column('bytea', { name: 'name_ciphertext' })
  nameCiphertext!: Buffer;

  /** How a family or a colleague reaches them at work (phone, e-mail), in the organisation's words; null when not given. */
  @Column('bytea', { name: 'contact_ciphertext', nullable: true })
  contactCiphertext!: Buffer | null;

  @Column({ type: 'enum', enum: ProfessionalRole, enumName: 'professional_role', array: true })
  roles!: ProfessionalRole[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /**
   * When an administrator deactivated them: from that moment no token of theirs is accepted
   * (the principal query skips them). The row stays, so what they wrote keeps its author.
   */
  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;
}
