import type { Domain, ProfessionalRole } from '@kring/identity';

/** A professional's registration, as the principal query reads it (and the registration cache keeps it). */
export interface RegisteredProfessional {
  readonly id: string;
  readonly organisation_id: string;
  readonly roles: ProfessionalRole[];
  readonly organisation_name: string;
  readonly domain: Domain;
}
