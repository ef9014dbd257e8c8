import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation (DESIGN.md §9, *doorbraak*; docs/escalation.md): a stuck situation raised by a
 * professional or a member, taken on and decided by a team lead. What the raiser wrote is never
 * changed, a take-on is made once, and a decision is final: the grants and a trigger hold the
 * application to that; the texts can only be destroyed (erasure). Members' requests for another
 * case director are escalations from now on: the old table stays, read-only, for the requests
 * made before (docs/escalation.md, "Requests for another case director").
 */
export class AddEscalations1795510000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the grants to kring_app and the trigger are written by hand.
  name = 'AddEscalations1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"escalation_kind\" AS ENUM('STUCK', 'OTHER_CASE_DIRECTOR')");
    await queryRunner.query("CREATE TYPE \"public\".\"escalation_blocking_kind\" AS ENUM('RULE', 'SCHEME', 'ORGANISATION', 'OTHER')");
    await queryRunner.query("CREATE TABLE \"escalation\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"kind\" \"public\".\"escalation_kind\" NOT NULL, \"subject_member_ids\" uuid array NOT NULL, \"category\" \"public\".\"data_category\" NOT NULL, \"purpose\" text NOT NULL, \"blocking_kind\" \"public\".\"escalation_blocking_kind\" NOT NULL, \"blocking_organisation_id\" uuid, \"blocks_ciphertext\" bytea, \"tried_ciphertext\" bytea, \"raised_by_member_id\" uuid, \"raised_by_professional_id\" uuid, \"raised_by_organisation_id\" uuid, \"raised_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"due_on\" date NOT NULL, \"taken_on_by_professional_id\" uuid, \"taken_on_by_organisation_id\" uuid, \"taken_on_at\" TIMESTAMP WITH TIME ZONE, \"decided_by_professional_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decision_ciphertext\" bytea, \"set_aside_ciphertext\" bytea, \"authority_ciphertext\" bytea, \"budget_ciphertext\" bytea, CONSTRAINT \"escalation_decided_after_taken_on\" CHECK (decided_at IS NULL OR taken_on_at IS NOT NULL), CONSTRAINT \"escalation_one_raiser\" CHECK ((raised_by_member_id IS NULL) <> (raised_by_professional_id IS NULL)), CONSTRAINT \"PK_2c9a4d9277ed8620a8a72813864\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"escalation_undecided_idx\" ON \"escalation\"  (\"raised_at\") WHERE decided_at IS NULL");
    await queryRunner.query("CREATE INDEX \"escalation_family_idx\" ON \"escalation\"  (\"family_id\", \"raised_at\") ");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_blocking_organisation_fk\" FOREIGN KEY (\"blocking_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_raised_by_member_fk\" FOREIGN KEY (\"raised_by_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_raised_by_professional_fk\" FOREIGN KEY (\"raised_by_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_raised_by_organisation_fk\" FOREIGN KEY (\"raised_by_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_taken_on_by_professional_fk\" FOREIGN KEY (\"taken_on_by_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_taken_on_by_organisation_fk\" FOREIGN KEY (\"taken_on_by_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"escalation\" ADD CONSTRAINT \"escalation_decided_by_professional_fk\" FOREIGN KEY (\"decided_by_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // Never changed: the raiser's texts can only be destroyed; a take-on is made once; a decision is final (its texts only destroyed).
    await queryRunner.query(`CREATE FUNCTION kring_refuse_escalation_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.blocks_ciphertext IS NOT NULL AND NEW.blocks_ciphertext IS DISTINCT FROM OLD.blocks_ciphertext)
           OR (NEW.tried_ciphertext IS NOT NULL AND NEW.tried_ciphertext IS DISTINCT FROM OLD.tried_ciphertext)
           OR (OLD.taken_on_at IS NOT NULL AND (NEW.taken_on_at, NEW.taken_on_by_professional_id, NEW.taken_on_by_organisation_id)
                 IS DISTINCT FROM (OLD.taken_on_at, OLD.taken_on_by_professional_id, OLD.taken_on_by_organisation_id))
           OR (OLD.decided_at IS NOT NULL AND (
                 (NEW.decided_at, NEW.decided_by_professional_id) IS DISTINCT FROM (OLD.decided_at, OLD.decided_by_professional_id)
                 OR (NEW.decision_ciphertext IS NOT NULL AND NEW.decision_ciphertext IS DISTINCT FROM OLD.decision_ciphertext)
                 OR (NEW.set_aside_ciphertext IS NOT NULL AND NEW.set_aside_ciphertext IS DISTINCT FROM OLD.set_aside_ciphertext)
                 OR (NEW.authority_ciphertext IS NOT NULL AND NEW.authority_ciphertext IS DISTINCT FROM OLD.authority_ciphertext)
                 OR (NEW.budget_ciphertext IS NOT NULL AND NEW.budget_ciphertext IS DISTINCT FROM OLD.budget_ciphertext))) THEN
          RAISE EXCEPTION 'an escalation is never edited: it is taken on once, decided once, and its texts can only be destroyed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER escalation_never_edited BEFORE UPDATE ON escalation FOR EACH ROW EXECUTE FUNCTION kring_refuse_escalation_edit()');
    // Escalations are appended, taken on, decided, and their texts destroyed with the family; nothing is deleted but with the family.
    await queryRunner.query('GRANT SELECT, INSERT ON escalation TO kring_app');
    await queryRunner.query(
      'GRANT UPDATE (blocks_ciphertext, tried_ciphertext, taken_on_by_professional_id, taken_on_by_organisation_id, taken_on_at, decided_by_professional_id, decided_at, decision_ciphertext, set_aside_ciphertext, authority_ciphertext, budget_ciphertext) ON escalation TO kring_app',
    );
    // New requests for another case director are escalations: the old table is read-only from now on.
    await queryRunner.query('REVOKE INSERT ON case_director_request FROM kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('GRANT INSERT ON case_director_request TO kring_app');
    await queryRunner.query('REVOKE ALL ON escalation FROM kring_app');
    await queryRunner.query('DROP TRIGGER escalation_never_edited ON escalation');
    await queryRunner.query('DROP FUNCTION kring_refuse_escalation_edit()');
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_decided_by_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_taken_on_by_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_taken_on_by_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_raised_by_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_raised_by_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_raised_by_member_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_blocking_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"escalation\" DROP CONSTRAINT \"escalation_family_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"escalation_family_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"escalation_undecided_idx\"");
    await queryRunner.query("DROP TABLE \"escalation\"");
    await queryRunner.query("DROP TYPE \"public\".\"escalation_blocking_kind\"");
    await queryRunner.query("DROP TYPE \"public\".\"escalation_kind\"");
  }
}
