import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import type { Domain, ProfessionalRole } from './domain';
import { OrganisationEntity } from './organisation.entity';
import { ProfessionalEntity } from './professional.entity';
import { PROFESSIONAL_SEALED_FIELDS } from './sealed-fields';

/** The key owner string of an organisation's staff directory. */
export function organisationKeyOwner(organisationId: string): string {
  return `organisation:${organisationId}`;
}

/** Unwraps an organisation's data key (its staff directory, and its officers' erasure reasons). */
export function unwrapOrganisationKey(crypto: KringCrypto, organisation: Pick<OrganisationEntity, 'id' | 'wrappedDataKey' | 'kekVersion'>): DataKey {
  return crypto.keyRing.unwrap(organisationKeyOwner(organisation.id), 1, { wrapped: organisation.wrappedDataKey, kekVersion: organisation.kekVersion });
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
    const key = unwrapOrganisationKey(this.crypto, organisation);
    const professional = manager.create(ProfessionalEntity, {
      id,
      // Development tokens use the professional id as subject; a production broker's subject is set at registration.
      subject: input.subject ?? id,
      organisationId: organisation.id,
      nameCiphertext: this.crypto.cipher.encrypt(key, { field: PROFESSIONAL_SEALED_FIELDS.name, rowId: id }, input.name),
      roles: input.roles,
    });
    await manager.insert(ProfessionalEntity, professional);
    return professional;
  }

  /** The professional's name, for the few readers allowed to see it (the professional, privacy officers). */
  professionalName(organisation: OrganisationEntity, professional: ProfessionalEntity): string {
    return this.professionalNames([organisation], [professional]).get(professional.id) as string;
  }

  /** Names of several professionals, unwrapping each organisation's key once. */
  professionalNames(organisations: readonly OrganisationEntity[], professionals: readonly ProfessionalEntity[]): Map<string, string> {
    const keys = new Map<string, DataKey>();
    const names = new Map<string, string>();
    for (const professional of professionals) {
      let key = keys.get(professional.organisationId);
      if (key === undefined) {
        const organisation = organisations.find((o) => o.id === professional.organisationId);
        if (organisation === undefined) throw new Error('the organisation of a professional was not loaded');
        key = unwrapOrganisationKey(this.crypto, organisation);
        keys.set(organisation.id, key);
      }
      names.set(professional.id, this.crypto.cipher.decrypt(key, { field: PROFESSIONAL_SEALED_FIELDS.name, rowId: professional.id }, professional.nameCiphertext));
    }
    return names;
  }
}
