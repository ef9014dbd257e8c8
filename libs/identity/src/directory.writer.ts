import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { KringCrypto } from '@kring/crypto';
import type { Domain, ProfessionalRole } from './domain';
import { OrganisationEntity } from './organisation.entity';
import { ProfessionalEntity } from './professional.entity';

/** The key owner string of an organisation's staff directory. */
export function organisationKeyOwner(organisationId: string): string {
  return `organisation:${organisationId}`;
}

/** Registers organisations and their professionals; professionals' names are encrypted with the organisation's key. */
export class DirectoryWriter {
  constructor(private readonly crypto: KringCrypto) {}

  async registerOrganisation(manager: EntityManager, input: { id?: string; name: string; domain: Domain }): Promise<OrganisationEntity> {
    const id = input.id ?? randomUUID();
    const { stored } = this.crypto.keyRing.newDataKey(organisationKeyOwner(id));
    const organisation = manager.create(OrganisationEntity, { id, name: input.name, domain: input.domain, wrappedDataKey: stored.wrapped, kekVersion: stored.kekVersion });
    await manager.insert(OrganisationEntity, organisation);
    return organisation;
  }

  async registerProfessional(
    manager: EntityManager,
    organisation: OrganisationEntity,
    input: { id?: string; subject?: string; name: string; roles: ProfessionalRole[] },
  ): Promise<ProfessionalEntity> {
    const id = input.id ?? randomUUID();
    const key = this.crypto.keyRing.unwrap(organisationKeyOwner(organisation.id), 1, { wrapped: organisation.wrappedDataKey, kekVersion: organisation.kekVersion });
    const professional = manager.create(ProfessionalEntity, {
      id,
      // Development tokens use the professional id as subject; a production broker's subject is set at registration.
      subject: input.subject ?? id,
      organisationId: organisation.id,
      nameCiphertext: this.crypto.cipher.encrypt(key, { rowKind: 'professional', rowId: id, field: 'name' }, input.name),
      roles: input.roles,
    });
    await manager.insert(ProfessionalEntity, professional);
    return professional;
  }

  /** The professional's name, for the few readers allowed to see it (the professional, privacy officers). */
  professionalName(organisation: OrganisationEntity, professional: ProfessionalEntity): string {
    const key = this.crypto.keyRing.unwrap(organisationKeyOwner(organisation.id), 1, { wrapped: organisation.wrappedDataKey, kekVersion: organisation.kekVersion });
    return this.crypto.cipher.decrypt(key, { rowKind: 'professional', rowId: professional.id, field: 'name' }, professional.nameCiphertext);
  }
}
