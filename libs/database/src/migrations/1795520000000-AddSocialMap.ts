import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social map (DESIGN.md §9, *sociale kaart*; docs/social-map.md): services organisations
 * publish, readable without signing in. No personal data, nothing sealed. Full-text search in
 * Dutch: a stored generated tsvector of the name (weight A) and description (weight B) with a
 * GIN index. TypeORM keeps a generated column's expression in its `typeorm_metadata` table (it
 * compares the entity with it): its migration runner creates that table once an entity has a
 * generated column, and this migration records the expression there.
 */
export class AddSocialMap1795520000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the GIN index, the metadata table and the grants to kring_app are written by hand.
  name = 'AddSocialMap1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The search document, as the entity declares it (SERVICE_SEARCH_DOCUMENT); written out here so this migration never changes.
    const searchDocument = "setweight(to_tsvector('dutch'::regconfig, name), 'A') || setweight(to_tsvector('dutch'::regconfig, description), 'B')";
    await queryRunner.query("CREATE TYPE \"public\".\"service_problem\" AS ENUM('SCHULDEN', 'GELDZAKEN', 'OPVOEDING', 'HUISHOUDEN', 'WERK', 'WONEN', 'HUISELIJK_GEWELD', 'SCHOOL', 'GEZONDHEID', 'PSYCHISCH', 'VERSLAVING', 'EENZAAMHEID', 'MANTELZORG', 'ADMINISTRATIE')");
    await queryRunner.query("CREATE TYPE \"public\".\"service_access_route\" AS ENUM('WALK_IN', 'REFERRAL', 'DECISION')");
    await queryRunner.query(
      `CREATE TABLE "service" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL, "domain" "public"."organisation_domain" NOT NULL, "age_from" smallint, "age_to" smallint, "problems" "public"."service_problem" array NOT NULL, "municipality_codes" text array NOT NULL, "access_route" "public"."service_access_route" NOT NULL, "waiting_weeks" smallint, "waiting_stated_on" date, "phone" text, "email" text, "website" text, "address" text, "published_by_professional_id" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "search" tsvector GENERATED ALWAYS AS (${searchDocument}) STORED NOT NULL, CONSTRAINT "service_waiting_time_dated" CHECK ((waiting_weeks IS NULL) = (waiting_stated_on IS NULL)), CONSTRAINT "service_ages_in_order" CHECK (age_from IS NULL OR age_to IS NULL OR age_from <= age_to), CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query("CREATE INDEX \"service_organisation_idx\" ON \"service\"  (\"organisation_id\") ");
    await queryRunner.query('CREATE INDEX "service_search_idx" ON "service" USING GIN ("search")');
    await queryRunner.query("ALTER TABLE \"service\" ADD CONSTRAINT \"service_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"service\" ADD CONSTRAINT \"service_published_by_professional_fk\" FOREIGN KEY (\"published_by_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // TypeORM's own table, in the shape its runner creates it (so also when it did not); the application never reads it.
    await queryRunner.query('CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text)');
    await queryRunner.query('INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, $2, $3, $4)', ['service', 'GENERATED_COLUMN', 'search', searchDocument]);
    // Services are published, changed and withdrawn, never deleted (a referral will name one).
    await queryRunner.query('GRANT SELECT, INSERT ON service TO kring_app');
    await queryRunner.query(
      'GRANT UPDATE (name, description, domain, age_from, age_to, problems, municipality_codes, access_route, waiting_weeks, waiting_stated_on, phone, email, website, address, updated_at, withdrawn_at) ON service TO kring_app',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE ALL ON service FROM kring_app');
    // The table itself is TypeORM's: its runner made it, and keeps it.
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'service' AND "name" = 'search'`);
    await queryRunner.query("ALTER TABLE \"service\" DROP CONSTRAINT \"service_published_by_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"service\" DROP CONSTRAINT \"service_organisation_fk\"");
    await queryRunner.query('DROP INDEX "public"."service_search_idx"');
    await queryRunner.query("DROP INDEX \"public\".\"service_organisation_idx\"");
    await queryRunner.query("DROP TABLE \"service\"");
    await queryRunner.query("DROP TYPE \"public\".\"service_access_route\"");
    await queryRunner.query("DROP TYPE \"public\".\"service_problem\"");
  }
}
