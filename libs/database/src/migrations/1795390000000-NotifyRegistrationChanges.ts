import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to the registration of professionals or organisations notifies channel
 * `kring_registrations`, after it commits (PostgreSQL delivers notifications at commit, and
 * drops those of a rolled-back transaction). Gateways remember the professional behind a
 * token between requests, and forget everything they remembered when this channel speaks
 * (apps/gateway/src/identity/registration-cache.ts): DESIGN.md §8's "caches invalidated through
 * LISTEN/NOTIFY". One notification per statement, with the table's name; what changed is
 * not said, since every gateway forgets all of it anyway.
 */
export class NotifyRegistrationChanges1795390000000 implements MigrationInterface {
  name = 'NotifyRegistrationChanges1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION kring_notify_registration_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kring_registrations', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of ['professional', 'organisation']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_notify_registration_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION kring_notify_registration_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['professional', 'organisation']) await queryRunner.query(`DROP TRIGGER ${table}_notify_registration_change ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION kring_notify_registration_change()`);
  }
}
