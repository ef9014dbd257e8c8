import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Our story (DESIGN.md §9): a record whose source is the family. The data category OWN_WORDS;
 * a record names either its source organisation or the member who wrote it, never both or
 * neither; a story written again is a new version that names the one it replaces.
 */
export class AddOurStory1795470000000 implements MigrationInterface {
  // Drafted from the entities' pending changes and reviewed: the draft added the enum value once
  // per column that uses it and rebuilt the type per column on the way down; written out by hand.
  name = 'AddOurStory1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nothing in this migration uses the new value, so it may be added inside its transaction (PostgreSQL 12+).
    await queryRunner.query(`ALTER TYPE "public"."data_category" ADD VALUE 'OWN_WORDS'`);
    await queryRunner.query('ALTER TABLE "record" ADD "author_member_id" uuid');
    await queryRunner.query('ALTER TABLE "record" ADD "supersedes_record_id" uuid');
    await queryRunner.query('ALTER TABLE "record" ALTER COLUMN "source_organisation_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "record" ADD CONSTRAINT "record_one_source_check" CHECK ((source_organisation_id IS NULL) <> (author_member_id IS NULL))');
    await queryRunner.query('CREATE UNIQUE INDEX "record_supersedes_idx" ON "record"  ("supersedes_record_id") WHERE supersedes_record_id IS NOT NULL');
    await queryRunner.query('ALTER TABLE "record" ADD CONSTRAINT "record_author_member_fk" FOREIGN KEY ("author_member_id") REFERENCES "family_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "record" ADD CONSTRAINT "record_supersedes_fk" FOREIGN KEY ("supersedes_record_id") REFERENCES "record"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    // No new table: kring_app's grants on record (CreateAccessLog) are table-wide and cover the new columns.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Stories cannot be kept without their columns, nor OWN_WORDS in a consent without the value.
    await queryRunner.query('DELETE FROM "record" WHERE "source_organisation_id" IS NULL');
    await queryRunner.query(`UPDATE "consent" SET "categories" = array_remove("categories", 'OWN_WORDS') WHERE 'OWN_WORDS' = ANY("categories")`);
    await queryRunner.query('ALTER TABLE "record" DROP CONSTRAINT "record_supersedes_fk"');
    await queryRunner.query('ALTER TABLE "record" DROP CONSTRAINT "record_author_member_fk"');
    await queryRunner.query('DROP INDEX "public"."record_supersedes_idx"');
    await queryRunner.query('ALTER TABLE "record" DROP CONSTRAINT "record_one_source_check"');
    await queryRunner.query('ALTER TABLE "record" ALTER COLUMN "source_organisation_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "record" DROP COLUMN "supersedes_record_id"');
    await queryRunner.query('ALTER TABLE "record" DROP COLUMN "author_member_id"');
    // PostgreSQL cannot drop an enum value: the type is made again without it, for both columns that use it.
    await queryRunner.query(
      `CREATE TYPE "public"."data_category_old" AS ENUM('PERSONAL_IDENTITY', 'NATIONAL_ID', 'CONTACT', 'HOUSEHOLD', 'INVOLVEMENT', 'CARE_TRAJECTORY', 'HEALTH', 'FINANCES', 'WORK_PARTICIPATION', 'SAFETY', 'SHARED_PLAN')`,
    );
    await queryRunner.query('ALTER TABLE "consent" ALTER COLUMN "categories" TYPE "public"."data_category_old"[] USING "categories"::"text"::"public"."data_category_old"[]');
    await queryRunner.query('ALTER TABLE "break_glass_grant" ALTER COLUMN "categories" TYPE "public"."data_category_old"[] USING "categories"::"text"::"public"."data_category_old"[]');
    await queryRunner.query('DROP TYPE "public"."data_category"');
    await queryRunner.query('ALTER TYPE "public"."data_category_old" RENAME TO "data_category"');
  }
}
