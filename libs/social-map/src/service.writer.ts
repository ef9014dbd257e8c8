import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ServiceTerms } from './service-terms';
import type { ServiceDraft } from './publish-service';
import { ServiceEntity } from './service.entity';

/**
 * Stores the social map's changes, as the use cases decided them. The gateway and the demo world
 * both write through it, so a demo service is stored exactly as a published one. Nothing here is
 * sealed: a service holds no personal data.
 */
export class ServiceWriter {
  /** Inserts a published service. */
  async publish(manager: EntityManager, input: { readonly id?: string; readonly organisationId: string; readonly professionalId: string; readonly draft: ServiceDraft; readonly at: Date }): Promise<ServiceEntity> {
    const row = manager.create(ServiceEntity, {
      id: input.id ?? randomUUID(),
      organisationId: input.organisationId,
      ...termColumns(input.draft.terms),
      waitingWeeks: input.draft.waitingWeeks,
      waitingStatedOn: input.draft.waitingStatedOn,
      publishedByProfessionalId: input.professionalId,
      publishedAt: input.at,
      updatedAt: input.at,
      withdrawnAt: null,
    });
    await manager.insert(ServiceEntity, row);
    return row;
  }

  /** Replaces a service's terms. */
  async change(manager: EntityManager, row: ServiceEntity, terms: ServiceTerms, at: Date): Promise<ServiceEntity> {
    Object.assign(row, termColumns(terms), { updatedAt: at });
    await manager.update(ServiceEntity, { id: row.id }, { ...termColumns(terms), updatedAt: at });
    return row;
  }

  /** Sets the waiting time and the day it was stated. */
  async stateWaitingTime(manager: EntityManager, row: ServiceEntity, weeks: number, statedOn: string, at: Date): Promise<ServiceEntity> {
    Object.assign(row, { waitingWeeks: weeks, waitingStatedOn: statedOn, updatedAt: at });
    await manager.update(ServiceEntity, { id: row.id }, { waitingWeeks: weeks, waitingStatedOn: statedOn, updatedAt: at });
    return row;
  }

  /** Takes the service off the map. */
  async withdraw(manager: EntityManager, row: ServiceEntity, at: Date): Promise<ServiceEntity> {
    Object.assign(row, { withdrawnAt: at, updatedAt: at });
    await manager.update(ServiceEntity, { id: row.id }, { withdrawnAt: at, updatedAt: at });
    return row;
  }
}

function termColumns(terms: ServiceTerms): Pick<ServiceEntity, keyof ServiceTerms> {
  return {
    name: terms.name,
    description: terms.description,
    domain: terms.domain,
    ageFrom: terms.ageFrom,
    ageTo: terms.ageTo,
    problems: [...terms.problems],
    municipalityCodes: [...terms.municipalityCodes],
    accessRoute: terms.accessRoute,
    phone: terms.phone,
    email: terms.email,
    website: terms.website,
    address: terms.address,
  };
}
