import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Break-glass, complete (issue 19, docs/break-glass.md): the colleague consulted before opening
 * a grant, the members it concerns, and an officer's deferral of the family's notice. Every
 * new column is nullable or has a default, so grants opened before keep their rows.
 */
export class AddBreakGlassColleagueAndNotice1795560000000 implements MigrationInterface {
  name = 'AddBreakGlassColleagueAndNotice1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "break_glass_grant" ADD "consulted_professional_id" uuid, ADD "concerned_member_ids" uuid array NOT NULL DEFAULT '{}', ADD "notice_deferred_until" TIMESTAMP WITH TIME ZONE, ADD "notice_deferral_reason_ciphertext" bytea, ADD "notice_deferred_by_professional_id" uuid, ADD "notice_deferred_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_consulted_fk" FOREIGN KEY ("consulted_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_consulted_check" CHECK (consulted_professional_id IS NULL OR consulted_professional_id <> professional_id)`);
    await queryRunner.query(
      `ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_deferral_check" CHECK ((notice_deferred_until IS NULL) = (notice_deferral_reason_ciphertext IS NULL) AND (notice_deferred_until IS NULL) = (notice_deferred_by_professional_id IS NULL) AND (notice_deferred_until IS NULL) = (notice_deferred_at IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The earlier schema holds every grant still: only the colleague, the members concerned and the deferral are dropped.
    await queryRunner.query(`ALTER TABLE "break_glass_grant" DROP CONSTRAINT "break_glass_deferral_check"`);
    await queryRunner.query(`ALTER TABLE "break_glass_grant" DROP CONSTRAINT "break_glass_consulted_check"`);
    await queryRunner.query(`ALTER TABLE "break_glass_grant" DROP CONSTRAINT "break_glass_consulted_fk"`);
    await queryRunner.query(
      `ALTER TABLE "break_glass_grant" DROP COLUMN "notice_deferred_at", DROP COLUMN "notice_deferred_by_professional_id", DROP COLUMN "notice_deferral_reason_ciphertext", DROP COLUMN "notice_deferred_until", DROP COLUMN "concerned_member_ids", DROP COLUMN "consulted_professional_id"`,
    );
  }
}
