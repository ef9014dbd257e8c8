import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessLogModule } from './access-log/access-log.module';
import { BreakGlassModule } from './break-glass/break-glass.module';
import { CircleModule } from './circle/circle.module';
import { FamilyPlanModule } from './family-plan/family-plan.module';
import { LiveModule } from './live/live.module';
import { MessagesModule } from './messages/messages.module';
import { EscalationModule } from './escalation/escalation.module';
import { SocialMapModule } from './social-map/social-map.module';
import { DateTimeScalar } from './common/date-time.scalar';
import { createErrorFormatter } from './common/graphql-error.formatter';
import { GraphqlExceptionPassThrough } from './common/graphql-exception.filter';
import { InputBoundaryGuard } from './common/input-boundary.guard';
import { QUERY_LIMITS, queryLimitRules } from './common/query-limits';
import { ConsentsModule } from './consents/consents.module';
import { DirectoryModule } from './directory/directory.module';
import { ErasureModule } from './erasure/erasure.module';
import { FamiliesModule } from './families/families.module';
import { HealthModule } from './health/health.module';
import { AuthGuard } from './identity/auth.guard';
import { DevIssuerModule } from './identity/dev-issuer.module';
import { IdentityModule } from './identity/identity.module';
import type { Infrastructure } from './infrastructure/infrastructure';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { OurStoryModule } from './our-story/our-story.module';
import { PurposesModule } from './purposes/purposes.module';
import { MemberReachModule } from './member-reach/member-reach.module';
import { RecordsModule } from './records/records.module';
import { SectionCatalogueModule } from './section-catalogue/section-catalogue.module';

/** The committed schema; regenerated on each development start so a change shows in review. */
export const SCHEMA_FILE = join(process.cwd(), 'apps/gateway/schema.gql');

@Module({})
export class GatewayModule {
  /** The gateway over an already-started infrastructure (database open, keys loaded). */
  static forRoot(infrastructure: Infrastructure): DynamicModule {
    const { config, logger } = infrastructure;
    const production = config.mode === 'production';
    return {
      module: GatewayModule,
      imports: [
        InfrastructureModule.forRoot(infrastructure),
        IdentityModule,
        AccessLogModule,
        FamiliesModule,
        RecordsModule,
        ErasureModule,
        ConsentsModule,
        BreakGlassModule,
        CircleModule,
        FamilyPlanModule,
        OurStoryModule,
        MessagesModule,
        LiveModule,
        EscalationModule,
        SocialMapModule,
        DirectoryModule,
        PurposesModule,
        SectionCatalogueModule,
        MemberReachModule,
        HealthModule,
        // The development issuer's routes do not exist in production mode.
        ...(production ? [] : [DevIssuerModule]),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.mode === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          // Every `Date` of the API is the strict RFC 3339 scalar (named DateTime, as Nest's lenient one was).
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          playground: false,
          introspection: !production,
          // No "Did you mean ...?" in production: suggestions spell out the schema to anyone who guesses.
          hideSchemaDetailsFromClientErrors: production,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          // Query limits (docs/security.md): bytes and tokens are refused before parsing (bootstrap.ts); Apollo
          // counts selections with each fragment counted once and reused, then graphql-armor's rules run.
          maxRecursiveSelections: QUERY_LIMITS.maxSelections,
          validationRules: queryLimitRules(QUERY_LIMITS),
          // Nest's driver is typed against @apollo/server's ESM declarations, we compile against its CommonJS
          // ones; the plugins are plain objects, so the cast only bridges the two copies of the same types.
          plugins: [
            // Kring answers are never cached by HTTP caches (they are personal and logged per read), so the
            // cache-control plugin would only cost a hook on every field of every answer.
            ApolloServerPluginCacheControlDisabled(),
            // The sandbox is a development aid; production serves no landing page at all.
            production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
          ] as unknown as ApolloDriverConfig['plugins'],
          formatError: createErrorFormatter(logger),
          // Apollo indents every answer by default; compact JSON is a third smaller for a family file
          // and quicker to write, and clients parse both alike.
          stringifyResult: (result: unknown) => JSON.stringify(result),
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
      providers: [
        // Global guards run in this order: the input boundary after AuthGuard, so a refused read is logged for its caller.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: InputBoundaryGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionPassThrough },
      ],
    };
  }
}
