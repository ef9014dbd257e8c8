import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccessLog1795365566769 implements MigrationInterface {
  // Drafted by `npm run migration:generate`, reviewed; the role, grants, trigger and the GIN
  // index (which TypeORM does not model) are written by hand below.
  name = 'CreateAccessLog1795365566769';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"access_log_entry\" (\"id\" uuid NOT NULL, \"chain_key\" text NOT NULL, \"sequence\" bigint NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"trace_id\" text NOT NULL, \"actor_kind\" text NOT NULL, \"actor_id\" uuid, \"actor_organisation_id\" uuid, \"actor_role\" text, \"activity\" text NOT NULL, \"purpose\" text, \"family_id\" uuid, \"subject_member_ids\" uuid array NOT NULL, \"target_kind\" text, \"target_id\" uuid, \"source_organisation_id\" uuid, \"category\" text, \"fields\" text array NOT NULL, \"decision\" text NOT NULL, \"basis\" text, \"basis_refs\" text array NOT NULL, \"reason\" text, \"break_glass\" boolean NOT NULL, \"previous_hash\" bytea NOT NULL, \"entry_hash\" bytea NOT NULL, CONSTRAINT \"PK_74f816949105fc3145ad45ca8cd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"access_log_actor_time_idx\" ON \"access_log_entry\"  (\"actor_id\", \"occurred_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"access_log_source_org_time_idx\" ON \"access_log_entry\"  (\"source_organisation_id\", \"occurred_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"access_log_actor_org_time_idx\" ON \"access_log_entry\"  (\"actor_organisation_id\", \"occurred_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"access_log_family_time_idx\" ON \"access_log_entry\"  (\"family_id\", \"occurred_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"access_log_time_idx\" ON \"access_log_entry\"  (\"occurred_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"access_log_chain_sequence_key\" ON \"access_log_entry\"  (\"chain_key\", \"sequence\") ");
    await queryRunner.query("CREATE TABLE \"access_log_chain_head\" (\"chain_key\" text NOT NULL, \"sequence\" bigint NOT NULL, \"entry_hash\" bytea NOT NULL, CONSTRAINT \"PK_49e947d04f6007977fafa7fc745\" PRIMARY KEY (\"chain_key\"))");
    await queryRunner.query("CREATE TABLE \"access_log_checkpoint\" (\"chain_key\" text NOT NULL, \"sequence\" bigint NOT NULL, \"entry_hash\" bytea NOT NULL, \"signed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"key_id\" text NOT NULL, \"signature\" bytea NOT NULL, CONSTRAINT \"PK_5c52683a64e41caea4338b8ff6e\" PRIMARY KEY (\"chain_key\", \"sequence\"))");

    // Entries about a member are found through the subject array (a member's own view).
    await queryRunner.query(`CREATE INDEX "access_log_subjects_idx" ON "access_log_entry" USING gin ("subject_member_ids")`);

    // Append-only, for everyone: no UPDATE, DELETE or TRUNCATE of entries or checkpoints.
    await queryRunner.query(`
      CREATE FUNCTION kring_refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the access log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['access_log_entry', 'access_log_checkpoint']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION kring_refuse_log_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION kring_refuse_log_change()`);
    }

    // The role the gateway's statements run as: everything it needs on the family file,
    // only INSERT and SELECT on the log. Roles are cluster-wide, so it may exist already, or
    // be created this very moment by a migration of another database on the same server (the
    // migration lock is per database): a check-then-create lost that race once in CI, so the
    // creation itself is tried and a duplicate accepted.
    await queryRunner.query(`DO $$ BEGIN
      CREATE ROLE kring_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    await queryRunner.query(`DO $$ BEGIN
      GRANT kring_app TO CURRENT_USER;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO kring_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON organisation, professional, family, family_member, parental_authority, involvement, record, record_subject, consent, consent_signature, access_log_chain_head TO kring_app`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT ON access_log_entry, access_log_checkpoint TO kring_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The role stays: other databases of the cluster may use it.
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kring_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM kring_app`);
    await queryRunner.query(`DROP INDEX "access_log_subjects_idx"`);
    await queryRunner.query("DROP TABLE \"access_log_checkpoint\"");
    await queryRunner.query("DROP TABLE \"access_log_chain_head\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_log_chain_sequence_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_log_time_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_log_family_time_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_log_actor_org_time_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_log_source_org_time_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"access_log_actor_time_idx\"");
    await queryRunner.query("DROP TABLE \"access_log_entry\"");
    await queryRunner.query(`DROP FUNCTION kring_refuse_log_change()`);
  }
}
