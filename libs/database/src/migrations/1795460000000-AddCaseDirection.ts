import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Case direction (DESIGN.md §9): handovers with a note, and members' requests for another case director. */
export class AddCaseDirection1795460000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the grants to kring_app are written by hand.
  name = 'AddCaseDirection1795460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "case_direction_handover" ("id" uuid NOT NULL, "family_id" uuid NOT NULL, "from_involvement_id" uuid NOT NULL, "to_involvement_id" uuid NOT NULL, "handed_over_by_professional_id" uuid NOT NULL, "to_professional_id" uuid NOT NULL, "note_ciphertext" bytea NOT NULL, "handed_over_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4460fc4b87db86bfd9ebdab58fc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "case_direction_handover_family_idx" ON "case_direction_handover"  ("family_id", "handed_over_at") ');
    await queryRunner.query(
      'CREATE TABLE "case_director_request" ("id" uuid NOT NULL, "family_id" uuid NOT NULL, "member_id" uuid NOT NULL, "reason_ciphertext" bytea NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ae3bb18579783cc4cfb7becd2f7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "case_director_request_family_idx" ON "case_director_request"  ("family_id", "requested_at") ');
    await queryRunner.query('ALTER TABLE "case_direction_handover" ADD CONSTRAINT "case_direction_handover_family_fk" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "case_direction_handover" ADD CONSTRAINT "case_direction_handover_from_fk" FOREIGN KEY ("from_involvement_id") REFERENCES "involvement"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "case_direction_handover" ADD CONSTRAINT "case_direction_handover_to_fk" FOREIGN KEY ("to_involvement_id") REFERENCES "involvement"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "case_direction_handover" ADD CONSTRAINT "case_direction_handover_by_fk" FOREIGN KEY ("handed_over_by_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "case_direction_handover" ADD CONSTRAINT "case_direction_handover_to_professional_fk" FOREIGN KEY ("to_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "case_director_request" ADD CONSTRAINT "case_director_request_family_fk" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "case_director_request" ADD CONSTRAINT "case_director_request_member_fk" FOREIGN KEY ("member_id") REFERENCES "family_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    // Both are appended, never changed by the application.
    await queryRunner.query('GRANT SELECT, INSERT ON case_direction_handover, case_director_request TO kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE ALL ON case_direction_handover, case_director_request FROM kring_app');
    await queryRunner.query('DROP TABLE "case_director_request"');
    await queryRunner.query('DROP TABLE "case_direction_handover"');
  }
}
