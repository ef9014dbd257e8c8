import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The family plan (DESIGN.md §9, docs/family-plan.md): its items (one row per version of an
 * item), its versions, agreements with it, and members' choices to show an item to the family.
 */
export class AddFamilyPlan1795480000000 implements MigrationInterface {
  // Drafted from the entities' pending changes, reviewed; the grants to kring_app are written by hand.
  name = 'AddFamilyPlan1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"family_plan_item\" (\"id\" uuid NOT NULL, \"item_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"from_version\" integer NOT NULL, \"until_version\" integer, \"subject_member_ids\" uuid array NOT NULL, \"category\" \"public\".\"data_category\" NOT NULL, \"source_organisation_id\" uuid, \"author_member_id\" uuid, \"author_professional_id\" uuid, \"actor_kind\" text, \"actor_organisation_id\" uuid, \"actor_member_id\" uuid, \"content_ciphertext\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2b3a3a10f4d1ba837fc30e91ef3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"family_plan_item_item_idx\" ON \"family_plan_item\"  (\"item_id\", \"from_version\") ");
    await queryRunner.query("CREATE INDEX \"family_plan_item_family_idx\" ON \"family_plan_item\"  (\"family_id\", \"from_version\") ");
    await queryRunner.query("CREATE TABLE \"family_plan_version\" (\"family_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"change\" text NOT NULL, \"item_id\" uuid NOT NULL, \"author_member_id\" uuid, \"author_professional_id\" uuid, \"author_organisation_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_21378c4925ee0e3a8700babeb12\" PRIMARY KEY (\"family_id\", \"version\"))");
    await queryRunner.query("CREATE TABLE \"family_plan_agreement\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"member_id\" uuid, \"professional_id\" uuid, \"agreed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_d1929fb008b55f0a6c9596fa8a0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"family_plan_agreement_family_idx\" ON \"family_plan_agreement\"  (\"family_id\", \"agreed_at\") ");
    await queryRunner.query("CREATE TABLE \"family_plan_item_showing\" (\"item_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"chosen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_664b2500c16a09093d9bedadb2d\" PRIMARY KEY (\"item_id\", \"member_id\"))");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" ADD CONSTRAINT \"family_plan_item_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" ADD CONSTRAINT \"family_plan_item_source_fk\" FOREIGN KEY (\"source_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" ADD CONSTRAINT \"family_plan_item_author_member_fk\" FOREIGN KEY (\"author_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" ADD CONSTRAINT \"family_plan_item_author_professional_fk\" FOREIGN KEY (\"author_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" ADD CONSTRAINT \"family_plan_item_actor_organisation_fk\" FOREIGN KEY (\"actor_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" ADD CONSTRAINT \"family_plan_item_actor_member_fk\" FOREIGN KEY (\"actor_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_version\" ADD CONSTRAINT \"family_plan_version_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_agreement\" ADD CONSTRAINT \"family_plan_agreement_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_agreement\" ADD CONSTRAINT \"family_plan_agreement_member_fk\" FOREIGN KEY (\"member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_agreement\" ADD CONSTRAINT \"family_plan_agreement_professional_fk\" FOREIGN KEY (\"professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item_showing\" ADD CONSTRAINT \"family_plan_item_showing_member_fk\" FOREIGN KEY (\"member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"family_plan_item_showing\" ADD CONSTRAINT \"family_plan_item_showing_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Items and versions are appended; a change only closes an item's current row (until_version).
    await queryRunner.query('GRANT SELECT, INSERT ON family_plan_item, family_plan_version TO kring_app');
    await queryRunner.query('GRANT UPDATE (until_version) ON family_plan_item TO kring_app');
    // An agreement is withdrawn on its row; a choice to show an item is taken back by deleting it.
    await queryRunner.query('GRANT SELECT, INSERT ON family_plan_agreement TO kring_app');
    await queryRunner.query('GRANT UPDATE (withdrawn_at) ON family_plan_agreement TO kring_app');
    await queryRunner.query('GRANT SELECT, INSERT, DELETE ON family_plan_item_showing TO kring_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE ALL ON family_plan_item, family_plan_version, family_plan_agreement, family_plan_item_showing FROM kring_app');
    await queryRunner.query("ALTER TABLE \"family_plan_item_showing\" DROP CONSTRAINT \"family_plan_item_showing_family_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item_showing\" DROP CONSTRAINT \"family_plan_item_showing_member_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_agreement\" DROP CONSTRAINT \"family_plan_agreement_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_agreement\" DROP CONSTRAINT \"family_plan_agreement_member_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_agreement\" DROP CONSTRAINT \"family_plan_agreement_family_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_version\" DROP CONSTRAINT \"family_plan_version_family_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" DROP CONSTRAINT \"family_plan_item_actor_member_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" DROP CONSTRAINT \"family_plan_item_actor_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" DROP CONSTRAINT \"family_plan_item_author_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" DROP CONSTRAINT \"family_plan_item_author_member_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" DROP CONSTRAINT \"family_plan_item_source_fk\"");
    await queryRunner.query("ALTER TABLE \"family_plan_item\" DROP CONSTRAINT \"family_plan_item_family_fk\"");
    await queryRunner.query("DROP TABLE \"family_plan_item_showing\"");
    await queryRunner.query("DROP INDEX \"public\".\"family_plan_agreement_family_idx\"");
    await queryRunner.query("DROP TABLE \"family_plan_agreement\"");
    await queryRunner.query("DROP TABLE \"family_plan_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"family_plan_item_family_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"family_plan_item_item_idx\"");
    await queryRunner.query("DROP TABLE \"family_plan_item\"");
  }
}
