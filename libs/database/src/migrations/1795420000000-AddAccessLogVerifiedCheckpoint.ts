import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccessLogVerifiedCheckpoint1795420000000 implements MigrationInterface {
  // In the shape `npm run migration:generate` gives (the schema test checks it), with the grant written by hand.
  name = 'AddAccessLogVerifiedCheckpoint1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE \"access_log_verified_checkpoint\" (\"chain_key\" text NOT NULL, \"sequence\" bigint NOT NULL, \"entry_hash\" bytea NOT NULL, \"verified_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_6054717f059287be0bbec7b86e3\" PRIMARY KEY (\"chain_key\", \"sequence\"))",
    );
    // A record is written once; removing one only makes the next verification read more.
    await queryRunner.query(`GRANT SELECT, INSERT ON access_log_verified_checkpoint TO kring_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON access_log_verified_checkpoint FROM kring_app`);
    await queryRunner.query("DROP TABLE \"access_log_verified_checkpoint\"");
  }
}
