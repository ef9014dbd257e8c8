import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFamilyErasure1795399331613 implements MigrationInterface {
  // Drafted by `npm run migration:generate`, reviewed; the grant to kring_app is written by hand.
  name = 'AddFamilyErasure1795399331613';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"family_erasure\" (\"family_id\" uuid NOT NULL, \"erased_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"professional_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"reason_ciphertext\" bytea NOT NULL, \"members\" integer NOT NULL, \"records\" integer NOT NULL, \"consents\" integer NOT NULL, \"break_glass_grants\" integer NOT NULL, CONSTRAINT \"PK_1f387f2680cced23bab201333e7\" PRIMARY KEY (\"family_id\"))");
    await queryRunner.query("ALTER TABLE \"family_member\" ALTER COLUMN \"bsn_blind_index\" DROP NOT NULL");
    // A receipt is written once and kept: the application may not change or remove it.
    await queryRunner.query(`GRANT SELECT, INSERT ON family_erasure TO kring_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON family_erasure FROM kring_app`);
    await queryRunner.query("ALTER TABLE \"family_member\" ALTER COLUMN \"bsn_blind_index\" SET NOT NULL");
    await queryRunner.query("DROP TABLE \"family_erasure\"");
  }
}
