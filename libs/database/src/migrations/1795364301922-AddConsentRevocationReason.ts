import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConsentRevocationReason1795364301922 implements MigrationInterface {
  name = 'AddConsentRevocationReason1795364301922';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consent\" ADD \"revocation_reason_ciphertext\" bytea");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consent\" DROP COLUMN \"revocation_reason_ciphertext\"");
  }
}
