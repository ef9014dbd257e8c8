import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { ServiceSearch, ServicesQuery } from '../../api/generated/graphql';

/*
 * The social map's operations. Both are public: the portal sends them with the token when
 * someone is signed in, and the API does not even look at it (docs/social-map.md).
 */

gql(`
  fragment ServiceSummaryFields on Service {
    id name description domain accessRoute ageFrom ageTo problems
    municipalities { code name }
    organisation { ...OrganisationFields }
    waitingWeeks waitingTimeStatedOn waitingTimeStale
  }
`);

const SERVICES = gql(`query Services($search: ServiceSearch, $first: Int!, $after: String) {
  services(search: $search, first: $first, after: $after) { edges { cursor node { ...ServiceSummaryFields } } pageInfo { hasNextPage endCursor } }
}`);

export const SERVICE = gql(`query Service($id: ID!) {
  service(id: $id) { ...ServiceSummaryFields contact { phone email website address } updatedAt }
}`);

export type ServicePage = ServicesQuery['services'];
export type ServiceSummary = ServicePage['edges'][number]['node'];

/** One page of the map for a search; `after` is the previous page's end. */
export async function searchServices(search: ServiceSearch, first: number, after: string | null): Promise<ServicePage> {
  return (await graphql(SERVICES, { search, first, after })).services;
}
