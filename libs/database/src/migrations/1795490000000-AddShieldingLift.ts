import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lifting a shielding (docs/circle.md): when, by whom, and why (sealed with the family key), on
 * the shielding's own row, which stays as its history. A member may be shielded from an
 * involvement again after a lift, so the unique index covers the shieldings in force only.
 */
export class AddShieldingLift1795490000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the partial index (TypeORM does not
  // compare an index's condition), the trigger and the grant to kring_app are written by hand.
  name = 'AddShieldingLift1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD "lifted_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD "lifted_by_professional_id" uuid');
    await queryRunner.query('ALTER TABLE "involvement_shielding" ADD "lift_reason_ciphertext" bytea');
    await queryRunner.query(
      'ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_lift_check" CHECK ((lifted_at IS NULL) = (lifted_by_professional_id IS NULL) AND (lifted_at IS NULL) = (lift_reason_ciphertext IS NULL))',
    );
    await queryRunner.query(
      'ALTER TABLE "involvement_shielding" ADD CONSTRAINT "involvement_shielding_lifted_by_fk" FOREIGN KEY ("lifted_by_professional_id") REFERENCES "professional"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query('DROP INDEX "involvement_shielding_member_key"');
    await queryRunner.query('CREATE UNIQUE INDEX "involvement_shielding_member_key" ON "involvement_shielding" ("involvement_id", "member_id") WHERE lifted_at IS NULL');
    // A lift is written once: the application may set the three lift columns of a shielding in
    // force and nothing else (the grant), and a lifted shielding stays as it is (the trigger).
    await queryRunner.query(`
      CREATE FUNCTION kring_refuse_shielding_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'involvement_shielding %: a lifted shielding is not changed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query('CREATE TRIGGER involvement_shielding_lifted_once BEFORE UPDATE ON "involvement_shielding" FOR EACH ROW WHEN (OLD.lifted_at IS NOT NULL) EXECUTE FUNCTION kring_refuse_shielding_change()');
    await queryRunner.query('GRANT UPDATE (lifted_at, lifted_by_professional_id, lift_reason_ciphertext) ON involvement_shielding TO kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE UPDATE (lifted_at, lifted_by_professional_id, lift_reason_ciphertext) ON involvement_shielding FROM kring_app');
    await queryRunner.query('DROP TRIGGER involvement_shielding_lifted_once ON "involvement_shielding"');
    await queryRunner.query('DROP FUNCTION kring_refuse_shielding_change()');
    // Lifted shieldings cannot be kept under the old unique index, which had no lifts.
    await queryRunner.query('DELETE FROM "involvement_shielding" WHERE lifted_at IS NOT NULL');
    await queryRunner.query('DROP INDEX "involvement_shielding_member_key"');
    await queryRunner.query('CREATE UNIQUE INDEX "involvement_shielding_member_key" ON "involvement_shielding" ("involvement_id", "member_id") ');
    await queryRunner.query('ALTER TABLE "involvement_shielding" DROP CONSTRAINT "involvement_shielding_lifted_by_fk"');
    await queryRunner.query('ALTER TABLE "involvement_shielding" DROP CONSTRAINT "involvement_shielding_lift_check"');
    await queryRunner.query('ALTER TABLE "involvement_shielding" DROP COLUMN "lift_reason_ciphertext"');
    await queryRunner.query('ALTER TABLE "involvement_shielding" DROP COLUMN "lifted_by_professional_id"');
    await queryRunner.query('ALTER TABLE "involvement_shielding" DROP COLUMN "lifted_at"');
  }
}
