import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral (DESIGN.md §9, *verwijzing*; docs/referral.md): a professional refers a member to a
 * service on the social map. The referral row is the proposed involvement; acceptance makes the
 * involvement. A consent may now be proposed by a professional (no grantor, no signature: PENDING
 * until those the capacity rule names sign it): exactly one of granted_by_member_id and
 * proposed_by_professional_id is set. The referral's note and decline reason are sealed.
 */
export class AddReferrals1795540000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the grants to kring_app are written by hand.
  name = 'AddReferrals1795540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"referral_status\" AS ENUM('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')");
    await queryRunner.query("CREATE TABLE \"referral\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"subject_member_id\" uuid NOT NULL, \"service_id\" uuid NOT NULL, \"receiving_organisation_id\" uuid NOT NULL, \"referring_organisation_id\" uuid NOT NULL, \"referred_by_professional_id\" uuid NOT NULL, \"consent_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"status\" \"public\".\"referral_status\" NOT NULL, \"referred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"waiting_weeks\" smallint, \"waiting_stated_on\" date, \"note_ciphertext\" bytea, \"answered_at\" TIMESTAMP WITH TIME ZONE, \"answered_by_professional_id\" uuid, \"decline_reason_ciphertext\" bytea, \"involvement_id\" uuid, CONSTRAINT \"referral_not_to_itself\" CHECK (receiving_organisation_id <> referring_organisation_id), CONSTRAINT \"referral_waiting_time_dated\" CHECK ((waiting_weeks IS NULL) = (waiting_stated_on IS NULL)), CONSTRAINT \"referral_involvement_on_acceptance\" CHECK ((status = 'ACCEPTED') = (involvement_id IS NOT NULL)), CONSTRAINT \"referral_answered\" CHECK ((status = 'PROPOSED') = (answered_at IS NULL)), CONSTRAINT \"PK_a2d3e935a6591168066defec5ad\" PRIMARY KEY (\"id\"))");
    await queryRunner.query('CREATE UNIQUE INDEX "referral_consent_idx" ON "referral"  ("consent_id")');
    await queryRunner.query('CREATE INDEX "referral_receiving_idx" ON "referral"  ("receiving_organisation_id", "referred_at")');
    await queryRunner.query('CREATE INDEX "referral_family_idx" ON "referral"  ("family_id", "referred_at")');
    await queryRunner.query('ALTER TABLE "consent" ADD "proposed_by_professional_id" uuid');
    await queryRunner.query('ALTER TABLE "consent" ALTER COLUMN "granted_by_member_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "consent" ADD CONSTRAINT "consent_one_author_check" CHECK ((granted_by_member_id IS NULL) <> (proposed_by_professional_id IS NULL))');
    await queryRunner.query('ALTER TABLE "consent" ADD CONSTRAINT "consent_proposed_by_professional_fk" FOREIGN KEY ("proposed_by_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_family_fk" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_subject_member_fk" FOREIGN KEY ("subject_member_id") REFERENCES "family_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_service_fk" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_receiving_organisation_fk" FOREIGN KEY ("receiving_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_referring_organisation_fk" FOREIGN KEY ("referring_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_referred_by_professional_fk" FOREIGN KEY ("referred_by_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_consent_fk" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_answered_by_professional_fk" FOREIGN KEY ("answered_by_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "referral" ADD CONSTRAINT "referral_involvement_fk" FOREIGN KEY ("involvement_id") REFERENCES "involvement"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    // Referrals are made and answered, never deleted (family erasure destroys their texts: set to NULL).
    await queryRunner.query('GRANT SELECT, INSERT ON referral TO kring_app');
    await queryRunner.query('GRANT UPDATE (status, answered_at, answered_by_professional_id, decline_reason_ciphertext, involvement_id, note_ciphertext) ON referral TO kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A consent a professional proposed has no grantor, which the schema before this one cannot
    // hold: such consents go, with their signatures and (by the cascade) their referrals.
    await queryRunner.query('DELETE FROM consent_signature WHERE consent_id IN (SELECT id FROM consent WHERE proposed_by_professional_id IS NOT NULL)');
    await queryRunner.query('DELETE FROM consent WHERE proposed_by_professional_id IS NOT NULL');
    await queryRunner.query('REVOKE ALL ON referral FROM kring_app');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_involvement_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_answered_by_professional_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_consent_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_referred_by_professional_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_referring_organisation_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_receiving_organisation_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_service_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_subject_member_fk"');
    await queryRunner.query('ALTER TABLE "referral" DROP CONSTRAINT "referral_family_fk"');
    await queryRunner.query('ALTER TABLE "consent" DROP CONSTRAINT "consent_proposed_by_professional_fk"');
    await queryRunner.query('ALTER TABLE "consent" DROP CONSTRAINT "consent_one_author_check"');
    await queryRunner.query('ALTER TABLE "consent" ALTER COLUMN "granted_by_member_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "consent" DROP COLUMN "proposed_by_professional_id"');
    await queryRunner.query('DROP INDEX "public"."referral_family_idx"');
    await queryRunner.query('DROP INDEX "public"."referral_receiving_idx"');
    await queryRunner.query('DROP INDEX "public"."referral_consent_idx"');
    await queryRunner.query('DROP TABLE "referral"');
    await queryRunner.query('DROP TYPE "public"."referral_status"');
  }
}
