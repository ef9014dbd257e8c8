import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Domain } from './domain';

/** A chain partner. Its name is public information, so it is stored in plaintext. */
@Entity({ name: 'organisation' })
@Check('organisation_oin_check', "oin ~ '^[0-9]{20}$'")
@Check('organisation_kvk_number_check', "kvk_number ~ '^[0-9]{8}$'")
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'enum', enum: Domain, enumName: 'organisation_domain' })
  domain!: Domain;

  /** Organisatie-identificatienummer (Logius), 20 digits; public. Null for organisations registered before it was asked. */
  @Index('organisation_oin_key', { unique: true })
  @Column('text', { nullable: true })
  oin!: string | null;

  /** Kamer van Koophandel number, 8 digits; public. */
  @Index('organisation_kvk_number_key', { unique: true })
  @Column('text', { name: 'kvk_number', nullable: true })
  kvkNumber!: string | null;

  /** Staff-directory data key (professionals' names), wrapped by the key-encryption key. */
  @Column('bytea', { name: 'wrapped_data_key' })
  wrappedDataKey!: Buffer;

  @Column('integer', { name: 'kek_version' })
  kekVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
