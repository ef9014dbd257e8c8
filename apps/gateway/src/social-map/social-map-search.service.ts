import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { checkSearchText, isKnownMunicipality, isWaitingWeeks, SERVICE_AGE, SERVICE_BY_ID_SQL, SERVICE_PAGE_SIZE, serviceSearchQuery, type SearchPosition, type ServiceFilters, type ServiceRow } from '@kring/social-map';
import { isUuid } from '../common/ids';
import { badInput, notFound } from '../common/kring-error';
import { requirePageSize } from '../common/keyset-page';
import { decodeServiceCursor, encodeServiceCursor } from './service-cursor';
import { presentService } from './service-presenter';
import type { Service, ServiceConnection, ServiceSearch } from './service.model';

/**
 * Reading the social map: the search and one service. Public, no personal data, so no access
 * log: the log records who processed whose personal data (NEN 7513, DESIGN.md §5.5), and a
 * map read processes none, whoever asks (docs/social-map.md, "The log").
 */
@Injectable()
export class SocialMapSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A page of the services a search finds: exact name first, then by rank (with text), or by name (without). */
  async search(search: ServiceSearch | null | undefined, first: number, after: string | null | undefined): Promise<ServiceConnection> {
    requirePageSize(first, SERVICE_PAGE_SIZE.max);
    const filters = filtersOf(search ?? {});
    const position = after === null || after === undefined ? null : decodeServiceCursor(filters, after);
    const { sql, parameters } = serviceSearchQuery(filters, position, first + 1);
    const rows = await this.dataSource.query<ServiceRow[]>(sql, parameters);
    const today = dutchDate(this.clock.now());
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ cursor: encodeServiceCursor(filters, positionOf(filters, row)), node: presentService(row, today) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** One service on the map; an unknown or withdrawn one is NOT_FOUND. */
  async one(id: string): Promise<Service> {
    if (!isUuid(id)) throw notFound('service');
    const [row] = await this.dataSource.query<ServiceRow[]>(SERVICE_BY_ID_SQL, [id]);
    if (row === undefined) throw notFound('service');
    return presentService(row, dutchDate(this.clock.now()));
  }
}

/** The search's filters, checked: each refusal names its argument (`search.age`). */
function filtersOf(search: ServiceSearch): ServiceFilters {
  const text = checkSearchText(search.text);
  if (!text.ok) throw badInput('search.text', text.refusal === 'TOO_LONG' ? 'must be at most 1000 characters' : 'is not well-formed text (it holds a NUL character or a lone surrogate)');
  const municipality = search.municipality?.trim().toUpperCase() ?? null;
  if (municipality !== null && !isKnownMunicipality(municipality)) throw badInput('search.municipality', 'is not a municipality of the map (a CBS code such as GM0074)');
  const age = search.age ?? null;
  if (age !== null && (!Number.isInteger(age) || age < SERVICE_AGE.min || age > SERVICE_AGE.max)) throw badInput('search.age', `must be from ${SERVICE_AGE.min} to ${SERVICE_AGE.max}`);
  const maxWaitingWeeks = search.maxWaitingWeeks ?? null;
  if (maxWaitingWeeks !== null && !isWaitingWeeks(maxWaitingWeeks)) throw badInput('search.maxWaitingWeeks', 'must be a whole number of weeks from 0 to 104');
  return {
    text: text.text,
    domain: search.domain ?? null,
    problem: search.problem ?? null,
    municipalityCode: municipality,
    age,
    accessRoute: search.accessRoute ?? null,
    maxWaitingWeeks,
  };
}

function positionOf(filters: ServiceFilters, row: ServiceRow): SearchPosition {
  return filters.text === null ? { kind: 'BY_NAME', name: row.name, id: row.id } : { kind: 'RANKED', inexact: row.inexact ?? 1, rank: row.rank_text ?? '0', id: row.id };
}
