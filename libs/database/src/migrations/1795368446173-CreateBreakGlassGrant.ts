import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBreakGlassGrant1795368446173 implements MigrationInterface {
  // Drafted by `npm run migration:generate`, reviewed; the grant to kring_app is written by hand.
  name = 'CreateBreakGlassGrant1795368446173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"break_glass_grant\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"professional_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"justification_ciphertext\" bytea NOT NULL, \"purpose\" text NOT NULL, \"categories\" \"public\".\"data_category\" array NOT NULL, \"opened_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"review_verdict\" text, \"review_note_ciphertext\" bytea, \"reviewed_by_professional_id\" uuid, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"break_glass_duration_check\" CHECK (expires_at > opened_at AND expires_at <= opened_at + interval '4 hours'), CONSTRAINT \"PK_cf1c0db121085bb49f92ef295dc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"break_glass_organisation_idx\" ON \"break_glass_grant\"  (\"organisation_id\", \"opened_at\") ");
    await queryRunner.query("CREATE INDEX \"break_glass_family_idx\" ON \"break_glass_grant\"  (\"family_id\", \"expires_at\") ");
    await queryRunner.query("ALTER TABLE \"break_glass_grant\" ADD CONSTRAINT \"break_glass_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"break_glass_grant\" ADD CONSTRAINT \"break_glass_professional_fk\" FOREIGN KEY (\"professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"break_glass_grant\" ADD CONSTRAINT \"break_glass_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // Grants are reviewed (updated), never deleted by the application.
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON break_glass_grant TO kring_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON break_glass_grant FROM kring_app`);
    await queryRunner.query("ALTER TABLE \"break_glass_grant\" DROP CONSTRAINT \"break_glass_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"break_glass_grant\" DROP CONSTRAINT \"break_glass_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"break_glass_grant\" DROP CONSTRAINT \"break_glass_family_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"break_glass_family_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"break_glass_organisation_idx\"");
    await queryRunner.query("DROP TABLE \"break_glass_grant\"");
  }
}
