import { SectionCatalogueResolver } from './section-catalogue.resolver';
import { SectionCatalogueService } from './section-catalogue.service';

/** What `sectionCatalogue` needs, registered with one line in the gateway module. */
export const SECTION_CATALOGUE_PROVIDERS = [SectionCatalogueService, SectionCatalogueResolver];
