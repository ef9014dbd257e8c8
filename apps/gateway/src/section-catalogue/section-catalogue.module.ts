import { Module } from '@nestjs/common';
import { SectionCatalogueResolver } from './section-catalogue.resolver';
import { SectionCatalogueService } from './section-catalogue.service';

/** The family file's section types, fields and categories (`sectionCatalogue`), so no client mirrors them. */
@Module({ providers: [SectionCatalogueService, SectionCatalogueResolver] })
export class SectionCatalogueModule {}
