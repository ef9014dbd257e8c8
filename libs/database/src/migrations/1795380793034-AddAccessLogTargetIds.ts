import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An access-log entry may cover several targets: a read writes one entry per group of
 * decisions (target kind, category, source organisation, decision, basis, reason,
 * break-glass) listing every target id of the group, instead of one entry per target.
 *
 * Entries written before keep `target_id` and have `target_ids` NULL; they are verified
 * with the encoding they were hashed in (v1). No row is updated: the log is append-only
 * and old hashes must keep verifying. A nullable column without a default is a catalogue
 * change only: no rewrite of the table, so it is quick on a log of millions of entries,
 * and gateways still writing v1 entries during a rolling deploy keep working.
 *
 * No index on `target_ids`: no query of the log filters on targets (docs/access-log.md),
 * and every index costs on the insert that every read of a family file does.
 */
export class AddAccessLogTargetIds1795380793034 implements MigrationInterface {
  name = 'AddAccessLogTargetIds1795380793034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "access_log_entry" ADD "target_ids" uuid array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Refuses once entries were written with target ids: dropping the column would take
    // their targets with it, and with them the hash chain's ability to verify them.
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM "access_log_entry" WHERE "target_ids" IS NOT NULL) THEN
        RAISE EXCEPTION 'access_log_entry holds entries with target_ids; reverting would make them unverifiable';
      END IF;
    END $$`);
    await queryRunner.query(`ALTER TABLE "access_log_entry" DROP COLUMN "target_ids"`);
  }
}
