import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The family's messages (DESIGN.md §9, *kringberichten*; docs/messages.md): threads, who takes
 * part in them (with their read marker), and their messages. A message is never edited: the
 * application may only destroy its text (a withdrawal, an erasure), which the grants and a
 * trigger hold it to; a thread's topic likewise.
 */
export class AddMessages1795500000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the grants to kring_app and the triggers are written by hand.
  name = 'AddMessages1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"thread\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"subject_member_ids\" uuid array NOT NULL, \"category\" \"public\".\"data_category\" NOT NULL, \"purpose\" text NOT NULL, \"started_by_professional_id\" uuid NOT NULL, \"started_by_organisation_id\" uuid NOT NULL, \"topic_ciphertext\" bytea, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_cabc0f3f27d7b1c70cf64623e02\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"thread_family_idx\" ON \"thread\"  (\"family_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"thread_participant\" (\"id\" uuid NOT NULL, \"thread_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"member_id\" uuid, \"professional_id\" uuid, \"organisation_id\" uuid, \"joined_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"read_up_to\" integer NOT NULL DEFAULT '0', CONSTRAINT \"thread_participant_member_key\" UNIQUE (\"thread_id\", \"member_id\"), CONSTRAINT \"thread_participant_professional_key\" UNIQUE (\"thread_id\", \"professional_id\"), CONSTRAINT \"thread_participant_one_party\" CHECK ((member_id IS NULL) <> (professional_id IS NULL)), CONSTRAINT \"PK_426e68920b790bfb3fa3544cf7b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"thread_participant_family_idx\" ON \"thread_participant\"  (\"family_id\") ");
    await queryRunner.query("CREATE TABLE \"thread_message\" (\"id\" uuid NOT NULL, \"thread_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"sequence\" integer NOT NULL, \"author_member_id\" uuid, \"author_professional_id\" uuid, \"author_organisation_id\" uuid, \"body_ciphertext\" bytea, \"sent_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"thread_message_sequence_key\" UNIQUE (\"thread_id\", \"sequence\"), CONSTRAINT \"thread_message_withdrawn_holds_nothing\" CHECK (withdrawn_at IS NULL OR body_ciphertext IS NULL), CONSTRAINT \"thread_message_one_author\" CHECK ((author_member_id IS NULL) <> (author_professional_id IS NULL)), CONSTRAINT \"PK_93b930acb465111c491d8476563\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"thread_message_family_idx\" ON \"thread_message\"  (\"family_id\") ");
    await queryRunner.query("ALTER TABLE \"thread\" ADD CONSTRAINT \"thread_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread\" ADD CONSTRAINT \"thread_started_by_professional_fk\" FOREIGN KEY (\"started_by_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread\" ADD CONSTRAINT \"thread_started_by_organisation_fk\" FOREIGN KEY (\"started_by_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_participant\" ADD CONSTRAINT \"thread_participant_thread_fk\" FOREIGN KEY (\"thread_id\") REFERENCES \"thread\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_participant\" ADD CONSTRAINT \"thread_participant_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_participant\" ADD CONSTRAINT \"thread_participant_member_fk\" FOREIGN KEY (\"member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_participant\" ADD CONSTRAINT \"thread_participant_professional_fk\" FOREIGN KEY (\"professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_participant\" ADD CONSTRAINT \"thread_participant_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_message\" ADD CONSTRAINT \"thread_message_thread_fk\" FOREIGN KEY (\"thread_id\") REFERENCES \"thread\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_message\" ADD CONSTRAINT \"thread_message_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_message\" ADD CONSTRAINT \"thread_message_author_member_fk\" FOREIGN KEY (\"author_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_message\" ADD CONSTRAINT \"thread_message_author_professional_fk\" FOREIGN KEY (\"author_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"thread_message\" ADD CONSTRAINT \"thread_message_author_organisation_fk\" FOREIGN KEY (\"author_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // Never edited: an update may destroy a text (set it to NULL) and say when a message was withdrawn, once; nothing else.
    await queryRunner.query(`CREATE FUNCTION kring_refuse_message_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.body_ciphertext IS NOT NULL AND NEW.body_ciphertext IS DISTINCT FROM OLD.body_ciphertext)
           OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at) THEN
          RAISE EXCEPTION 'a message is never edited: its text can only be destroyed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER thread_message_never_edited BEFORE UPDATE ON thread_message FOR EACH ROW EXECUTE FUNCTION kring_refuse_message_edit()');
    await queryRunner.query(`CREATE FUNCTION kring_refuse_topic_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.topic_ciphertext IS NOT NULL AND NEW.topic_ciphertext IS DISTINCT FROM OLD.topic_ciphertext THEN
          RAISE EXCEPTION 'a thread''s topic is never edited: it can only be destroyed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER thread_topic_never_edited BEFORE UPDATE ON thread FOR EACH ROW EXECUTE FUNCTION kring_refuse_topic_edit()');
    // Threads, participants and messages are appended. A thread's topic and a message's text are only destroyed
    // (erasure, withdrawal); a participant's read marker moves on. Nothing is deleted but with the family.
    await queryRunner.query('GRANT SELECT, INSERT ON thread, thread_participant, thread_message TO kring_app');
    await queryRunner.query('GRANT UPDATE (topic_ciphertext) ON thread TO kring_app');
    await queryRunner.query('GRANT UPDATE (body_ciphertext, withdrawn_at) ON thread_message TO kring_app');
    await queryRunner.query('GRANT UPDATE (read_up_to) ON thread_participant TO kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE ALL ON thread, thread_participant, thread_message FROM kring_app');
    await queryRunner.query('DROP TRIGGER thread_topic_never_edited ON thread');
    await queryRunner.query('DROP FUNCTION kring_refuse_topic_edit()');
    await queryRunner.query('DROP TRIGGER thread_message_never_edited ON thread_message');
    await queryRunner.query('DROP FUNCTION kring_refuse_message_edit()');
    await queryRunner.query("ALTER TABLE \"thread_message\" DROP CONSTRAINT \"thread_message_author_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_message\" DROP CONSTRAINT \"thread_message_author_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_message\" DROP CONSTRAINT \"thread_message_author_member_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_message\" DROP CONSTRAINT \"thread_message_family_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_message\" DROP CONSTRAINT \"thread_message_thread_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_participant\" DROP CONSTRAINT \"thread_participant_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_participant\" DROP CONSTRAINT \"thread_participant_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_participant\" DROP CONSTRAINT \"thread_participant_member_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_participant\" DROP CONSTRAINT \"thread_participant_family_fk\"");
    await queryRunner.query("ALTER TABLE \"thread_participant\" DROP CONSTRAINT \"thread_participant_thread_fk\"");
    await queryRunner.query("ALTER TABLE \"thread\" DROP CONSTRAINT \"thread_started_by_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"thread\" DROP CONSTRAINT \"thread_started_by_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"thread\" DROP CONSTRAINT \"thread_family_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"thread_message_family_idx\"");
    await queryRunner.query("DROP TABLE \"thread_message\"");
    await queryRunner.query("DROP INDEX \"public\".\"thread_participant_family_idx\"");
    await queryRunner.query("DROP TABLE \"thread_participant\"");
    await queryRunner.query("DROP INDEX \"public\".\"thread_family_idx\"");
    await queryRunner.query("DROP TABLE \"thread\"");
  }
}
