import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The circle (DESIGN.md §9): a professional's work contact, sealed with the organisation's key
 * like their name, and the shielding of an involvement from named members.
 */
export class AddInvolvementShielding1795450000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the grant to kring_app is written by hand.
  name = 'AddInvolvementShielding1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "professional" ADD "contact_ciphertext" bytea');
    await queryRunner.query(
      'CREATE TABLE "involvement_shielding" ("id" uuid NOT NULL, "family_id" uuid NOT NULL, "involvement_id" uuid NOT NULL, "member_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "shielded_by_professional_id" uuid NOT NULL, "reason_ciphertext" bytea NOT NULL, "shielded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_685f443f18c99e3405c1cc754ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "involvement_shielding_family_idx" ON "involvement_shielding"  ("family_id") ');
    await queryRunner.query('CREATE INDEX "involvement_shielding_organisation_idx" ON "involvement_shielding"  ("organisation_id", "shielded_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "involvement_shielding_member_key" ON "involvement_shielding"  ("involvement_id", "member_id") ');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_family_fk" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_involvement_fk" FOREIGN KEY ("involvement_id") REFERENCES "involvement"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_member_fk" FOREIGN KEY ("member_id") REFERENCES "family_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_professional_fk" FOREIGN KEY ("shielded_by_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    // Shieldings are added, never changed or lifted by the application (lifting is a later decision, with its own log entry).
    await queryRunner.query('GRANT SELECT, INSERT ON involvement_shielding TO kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE ALL ON involvement_shielding FROM kring_app');
    await queryRunner.query('DROP TABLE "involvement_shielding"');
    await queryRunner.query('ALTER TABLE "professional" DROP COLUMN "contact_ciphertext"');
  }
}
