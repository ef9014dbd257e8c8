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

  /** Stores an organisation with a new data key. The administration and the demo world pass a draft `organisationRegistration` accepted. */
  async registerOrganisation(manager: EntityManager, input: { id?: string; name: string; domain: Domain; oin?: string | null; kvkNumber?: string | null }): Promise<OrganisationEntity> {
    const id = input.id ?? randomUUID();
    const { stored } = this.crypto.keyRing.newDataKey(organisationKeyOwner(id));
    const organisation = manager.create(OrganisationEntity, {
      id,
      name: input.name,
      domain: input.domain,
      oin: input.oin ?? null,
      kvkNumber: input.kvkNumber ?? null,
      wrappedDataKey: stored.wrapped,
      kekVersion: stored.kekVersion,
    });
    await manager.insert(OrganisationEntity, organisation);
    return organisation;
  }

  /** Stores a professional, their name and contact sealed with the organisation's key. */
  async registerProfessional(
    manager: EntityManager,
    organisation: OrganisationEntity,
    input: { id?: string; subject?: string | null; name: string; roles: ProfessionalRole[]; contact?: string | null },
  ): Promise<ProfessionalEntity> {
    const id = input.id ?? randomUUID();
    const key = unwrapOrganisationKey(this.crypto, organisation);
    const professional = manager.create(ProfessionalEntity, {
      id,
      // Development tokens use the professional id as subject; a production broker's subject is set at registration.
      subject: input.subject ?? id,
      organisationId: organisation.id,
      nameCiphertext: this.crypto.cipher.encrypt(key, { field: PROFESSIONAL_SEALED_FIELDS.name, rowId: id }, input.name),
      contactCiphertext: input.contact === undefined || input.contact === null ? null : this.crypto.cipher.encrypt(key, { field: PROFESSIONAL_SEALED_FIELDS.contact, rowId: id }, input.contact),
      roles: input.roles,
      deactivatedAt: null,
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
    const names = new Map<string, string>();
    const keyOf = this.keysOf(organisations);
    for (const professional of professionals) {
      names.set(professional.id, this.crypto.cipher.decrypt(keyOf(professional), { field: PROFESSIONAL_SEALED_FIELDS.name, rowId: professional.id }, professional.nameCiphertext));
    }
    return names;
  }

  /** Name and work contact (null when none was given) of several professionals: how a family or a colleague reaches them. */
  professionalCards(organisations: readonly OrganisationEntity[], professionals: readonly ProfessionalEntity[]): Map<string, { name: string; contact: string | null }> {
    const names = this.professionalNames(organisations, professionals);
    const keyOf = this.keysOf(organisations);
    const cards = new Map<string, { name: string; contact: string | null }>();
    for (const p of professionals) {
      const contact = p.contactCiphertext === null ? null : this.crypto.cipher.decrypt(keyOf(p), { field: PROFESSIONAL_SEALED_FIELDS.contact, rowId: p.id }, p.contactCiphertext);
      cards.set(p.id, { name: names.get(p.id) as string, contact });
    }
    return cards;
  }

  /** Each organisation's key, unwrapped the first time one of its professionals needs it. */
  private keysOf(organisations: readonly OrganisationEntity[]): (professional: ProfessionalEntity) => DataKey {
    const keys = new Map<string, DataKey>();
    return (professional) => {
      let key = keys.get(professional.organisationId);
      if (key === undefined) {
        const organisation = organisations.find((o) => o.id === professional.organisationId);
        if (organisation === undefined) throw new Error('the organisation of a professional was not loaded');
        key = unwrapOrganisationKey(this.crypto, organisation);
        keys.set(organisation.id, key);
      }
      return key;
    };
  }
}
