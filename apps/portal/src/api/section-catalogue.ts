import { gql } from './generated';
import type { SectionCatalogueQuery } from './generated/graphql';
import { graphql } from './graphql';

/*
 * The section types of the family file, asked from the API (`sectionCatalogue`): the
 * gateway serves the catalogue it builds the file and AddRecordInput from, so a field added
 * there reaches both views of the portal without a change here.
 */
const CATALOGUE = gql(`query SectionCatalogue { sectionCatalogue { name input source supersededBy fields { name category kind required unit } } }`);

export type ServedSectionType = SectionCatalogueQuery['sectionCatalogue'][number];
export type ServedField = ServedSectionType['fields'][number];

let catalogue: Promise<readonly ServedSectionType[]> | null = null;

/** The catalogue, asked once per page load: it changes only with a new gateway. */
export function loadSectionCatalogue(): Promise<readonly ServedSectionType[]> {
  catalogue ??= graphql(CATALOGUE).then(
    (d) => d.sectionCatalogue,
    (error: unknown) => {
      // A failed answer is not kept: the next page asks again.
      catalogue = null;
      throw error;
    },
  );
  return catalogue;
}
