import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration (DESIGN.md §9, docs/administration.md): an organisation's number in the Dutch
 * registers (OIN or KvK number, public, each unique), and the moment a professional was
 * deactivated. Organisations registered before keep null numbers; the administration asks one
 * of new ones. The registration triggers (NotifyRegistrationChanges) already announce both
 * tables' changes, so a deactivation reaches every gateway's remembered registrations.
 */
export class AddAdministration1795530000000 implements MigrationInterface {
  name = 'AddAdministration1795530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organisation" ADD "oin" text');
    await queryRunner.query('ALTER TABLE "organisation" ADD "kvk_number" text');
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "organisation_oin_check" CHECK (oin ~ '^[0-9]{20}$')`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "organisation_kvk_number_check" CHECK (kvk_number ~ '^[0-9]{8}$')`);
    await queryRunner.query('CREATE UNIQUE INDEX "organisation_oin_key" ON "organisation" ("oin")');
    await queryRunner.query('CREATE UNIQUE INDEX "organisation_kvk_number_key" ON "organisation" ("kvk_number")');
    await queryRunner.query('ALTER TABLE "professional" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "professional" DROP COLUMN "deactivated_at"');
    await queryRunner.query('DROP INDEX "organisation_kvk_number_key"');
    await queryRunner.query('DROP INDEX "organisation_oin_key"');
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "organisation_kvk_number_check"');
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "organisation_oin_check"');
    await queryRunner.query('ALTER TABLE "organisation" DROP COLUMN "kvk_number"');
    await queryRunner.query('ALTER TABLE "organisation" DROP COLUMN "oin"');
  }
}
