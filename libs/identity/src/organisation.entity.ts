import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Domain } from './domain';

/** A chain partner. Its name is public information, so it is stored in plaintext. */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'enum', enum: Domain, enumName: 'organisation_domain' })
  domain!: Domain;

  /** Staff-directory data key (professionals' names), wrapped by the key-encryption key. */
  @Column('bytea', { name: 'wrapped_data_key' })
  wrappedDataKey!: Buffer;

  @Column('integer', { name: 'kek_version' })
  kekVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
