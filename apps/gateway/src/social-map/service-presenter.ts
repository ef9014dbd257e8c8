import { isWaitingTimeStale, municipalityName, type ServiceRow } from '@kring/social-map';
import type { Service } from './service.model';

/** A service row as the API answers it; `today` (YYYY-MM-DD, Amsterdam) decides whether its waiting time is stale. */
export function presentService(row: ServiceRow, today: string): Service {
  return {
    id: row.id,
    organisation: { id: row.organisation_id, name: row.organisation_name, domain: row.organisation_domain },
    name: row.name,
    description: row.description,
    domain: row.domain,
    ageFrom: row.age_from,
    ageTo: row.age_to,
    problems: row.problems,
    municipalities: row.municipality_codes.map((code) => ({ code, name: municipalityName(code) })),
    accessRoute: row.access_route,
    waitingWeeks: row.waiting_weeks,
    waitingTimeStatedOn: row.waiting_stated_on,
    waitingTimeStale: isWaitingTimeStale(row.waiting_stated_on, today),
    contact: { phone: row.phone, email: row.email, website: row.website, address: row.address },
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}
