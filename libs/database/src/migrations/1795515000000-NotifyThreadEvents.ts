import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose changes can open or close a thread to someone, and how a row names its family. */
const ACCESS_TABLES: readonly (readonly [table: string, family: string])[] = [
  ['consent', 'NEW.family_id'],
  ['consent_signature', '(SELECT c.family_id FROM consent c WHERE c.id = NEW.consent_id)'],
  ['involvement', 'NEW.family_id'],
  ['involvement_shielding', 'NEW.family_id'],
  ['break_glass_grant', 'NEW.family_id'],
  ['family', 'NEW.id'],
];

/**
 * Live delivery of a family's messages (docs/messages.md, "Live"): every message posted or
 * withdrawn notifies channel `kring_thread_events`, and so does every change that can open or
 * close a thread to someone (a consent granted, signed or revoked, an involvement, a shielding,
 * an emergency grant, an erasure). PostgreSQL delivers notifications when the transaction
 * commits, in commit order, and drops those of one that rolled back: every gateway process
 * hears each committed change once, in order, whichever process wrote it. The payload is ids
 * only (`kind`, `familyId`, `threadId`, `messageId`), never a text; the gateway reads the rest
 * from the database after the commit, through the access rule.
 */
export class NotifyThreadEvents1795515000000 implements MigrationInterface {
  name = 'NotifyThreadEvents1795515000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION kring_notify_thread_message() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kring_thread_events', json_build_object(
          'kind', CASE WHEN TG_OP = 'INSERT' THEN 'POSTED' ELSE 'WITHDRAWN' END,
          'familyId', NEW.family_id, 'threadId', NEW.thread_id, 'messageId', NEW.id)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER thread_message_notify_posted AFTER INSERT ON thread_message FOR EACH ROW EXECUTE FUNCTION kring_notify_thread_message()`);
    await queryRunner.query(
      `CREATE TRIGGER thread_message_notify_withdrawn AFTER UPDATE OF withdrawn_at ON thread_message FOR EACH ROW
         WHEN (OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL) EXECUTE FUNCTION kring_notify_thread_message()`,
    );
    for (const [table, family] of ACCESS_TABLES) {
      // Identical notifications of one transaction are delivered once: a grant with its signatures is one event.
      await queryRunner.query(`
        CREATE FUNCTION kring_notify_access_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('kring_thread_events', json_build_object('kind', 'ACCESS', 'familyId', ${family})::text);
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER ${table}_notify_thread_access AFTER INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION kring_notify_access_${table}()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of ACCESS_TABLES) {
      await queryRunner.query(`DROP TRIGGER ${table}_notify_thread_access ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION kring_notify_access_${table}()`);
    }
    await queryRunner.query(`DROP TRIGGER thread_message_notify_withdrawn ON thread_message`);
    await queryRunner.query(`DROP TRIGGER thread_message_notify_posted ON thread_message`);
    await queryRunner.query(`DROP FUNCTION kring_notify_thread_message()`);
  }
}
