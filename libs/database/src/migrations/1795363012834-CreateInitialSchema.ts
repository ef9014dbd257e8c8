import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInitialSchema1795363012834 implements MigrationInterface {
  // Drafted by `npm run migration:generate`, reviewed: the shared enum organisation_domain
  // (organisation.domain and consent.recipient_domain) is created and dropped once.
  name = 'CreateInitialSchema1795363012834';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"family\" (\"id\" uuid NOT NULL, \"wrapped_data_key\" bytea, \"kek_version\" integer NOT NULL, \"data_key_version\" integer NOT NULL DEFAULT '1', \"registered_by_organisation_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"erased_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_ba386a5a59c3de8593cda4e5626\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"family_member\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"name_ciphertext\" bytea NOT NULL, \"birth_date_ciphertext\" bytea NOT NULL, \"bsn_ciphertext\" bytea NOT NULL, \"relation_ciphertext\" bytea NOT NULL, \"bsn_blind_index\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a391876af9dee0ed209028b0176\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"family_member_family_idx\" ON \"family_member\"  (\"family_id\") ");
    await queryRunner.query("CREATE INDEX \"family_member_bsn_blind_index_idx\" ON \"family_member\"  (\"bsn_blind_index\") ");
    await queryRunner.query("CREATE TABLE \"parental_authority\" (\"adult_member_id\" uuid NOT NULL, \"child_member_id\" uuid NOT NULL, CONSTRAINT \"PK_2d433247c16a56fc513aa2e1950\" PRIMARY KEY (\"adult_member_id\", \"child_member_id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"organisation_domain\" AS ENUM('YOUTH_CARE', 'WMO', 'DEBT_ASSISTANCE', 'PARTICIPATION', 'CHILD_SAFETY', 'EDUCATION', 'ADULT_CARE')");
    await queryRunner.query("CREATE TABLE \"organisation\" (\"id\" uuid NOT NULL, \"name\" text NOT NULL, \"domain\" \"public\".\"organisation_domain\" NOT NULL, \"wrapped_data_key\" bytea NOT NULL, \"kek_version\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c725ae234ef1b74cce43d2d00c1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"professional_role\" AS ENUM('PROFESSIONAL', 'TEAM_LEAD', 'PRIVACY_OFFICER', 'CHAIN_PRIVACY_OFFICER', 'ADMIN')");
    await queryRunner.query("CREATE TABLE \"professional\" (\"id\" uuid NOT NULL, \"subject\" text NOT NULL, \"organisation_id\" uuid NOT NULL, \"name_ciphertext\" bytea NOT NULL, \"roles\" \"public\".\"professional_role\" array NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2846b0dcaac01f9983cb719f124\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"professional_subject_key\" ON \"professional\"  (\"subject\") ");
    await queryRunner.query("CREATE TABLE \"involvement\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"contact_professional_id\" uuid, \"starts_on\" date NOT NULL, \"ends_on\" date, \"case_direction\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6ba245aa0ab9f1aca6c5e2f7b5c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"involvement_family_idx\" ON \"involvement\"  (\"family_id\") ");
    await queryRunner.query("CREATE INDEX \"involvement_organisation_family_idx\" ON \"involvement\"  (\"organisation_id\", \"family_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"involvement_one_case_director_idx\" ON \"involvement\"  (\"family_id\") WHERE case_direction AND ends_on IS NULL");
    await queryRunner.query("CREATE TABLE \"record\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"source_organisation_id\" uuid NOT NULL, \"author_professional_id\" uuid, \"section_type\" text NOT NULL, \"encrypted_fields\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5cb1f4d1aff275cf9001f4343b9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"record_family_idx\" ON \"record\"  (\"family_id\") ");
    await queryRunner.query("CREATE TABLE \"record_subject\" (\"record_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, CONSTRAINT \"PK_d952a618b080e414df1bb45bdbb\" PRIMARY KEY (\"record_id\", \"member_id\"))");
    await queryRunner.query("CREATE INDEX \"record_subject_member_idx\" ON \"record_subject\"  (\"member_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"data_category\" AS ENUM('PERSONAL_IDENTITY', 'NATIONAL_ID', 'CONTACT', 'HOUSEHOLD', 'INVOLVEMENT', 'CARE_TRAJECTORY', 'HEALTH', 'FINANCES', 'WORK_PARTICIPATION', 'SAFETY', 'SHARED_PLAN')");
    await queryRunner.query("CREATE TABLE \"consent\" (\"id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"subject_member_id\" uuid NOT NULL, \"recipient_organisation_id\" uuid, \"recipient_domain\" \"public\".\"organisation_domain\", \"categories\" \"public\".\"data_category\" array NOT NULL, \"purposes\" text array NOT NULL, \"valid_from\" TIMESTAMP WITH TIME ZONE NOT NULL, \"valid_until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"granted_by_member_id\" uuid NOT NULL, \"collection_method\" text NOT NULL, \"policy_version\" text NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_by_member_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"consent_validity_check\" CHECK (valid_until > valid_from), CONSTRAINT \"consent_one_recipient_check\" CHECK ((recipient_organisation_id IS NULL) <> (recipient_domain IS NULL)), CONSTRAINT \"PK_9115e8d6b082d4fc46d56134d29\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"consent_family_subject_idx\" ON \"consent\"  (\"family_id\", \"subject_member_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"signature_capacity\" AS ENUM('SUBJECT', 'PARENT_WITH_AUTHORITY')");
    await queryRunner.query("CREATE TABLE \"consent_signature\" (\"consent_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"capacity\" \"public\".\"signature_capacity\" NOT NULL, \"signed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_874262d71b68df0a2ad7df2995f\" PRIMARY KEY (\"consent_id\", \"member_id\"))");
    await queryRunner.query("ALTER TABLE \"family_member\" ADD CONSTRAINT \"family_member_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"parental_authority\" ADD CONSTRAINT \"parental_authority_adult_fk\" FOREIGN KEY (\"adult_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"parental_authority\" ADD CONSTRAINT \"parental_authority_child_fk\" FOREIGN KEY (\"child_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"professional\" ADD CONSTRAINT \"professional_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"involvement\" ADD CONSTRAINT \"involvement_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"involvement\" ADD CONSTRAINT \"involvement_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"involvement\" ADD CONSTRAINT \"involvement_contact_professional_fk\" FOREIGN KEY (\"contact_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"record\" ADD CONSTRAINT \"record_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"record\" ADD CONSTRAINT \"record_source_organisation_fk\" FOREIGN KEY (\"source_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"record\" ADD CONSTRAINT \"record_author_professional_fk\" FOREIGN KEY (\"author_professional_id\") REFERENCES \"professional\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"record_subject\" ADD CONSTRAINT \"record_subject_record_fk\" FOREIGN KEY (\"record_id\") REFERENCES \"record\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"record_subject\" ADD CONSTRAINT \"record_subject_member_fk\" FOREIGN KEY (\"member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consent\" ADD CONSTRAINT \"consent_family_fk\" FOREIGN KEY (\"family_id\") REFERENCES \"family\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consent\" ADD CONSTRAINT \"consent_subject_member_fk\" FOREIGN KEY (\"subject_member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consent\" ADD CONSTRAINT \"consent_recipient_organisation_fk\" FOREIGN KEY (\"recipient_organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consent_signature\" ADD CONSTRAINT \"consent_signature_consent_fk\" FOREIGN KEY (\"consent_id\") REFERENCES \"consent\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consent_signature\" ADD CONSTRAINT \"consent_signature_member_fk\" FOREIGN KEY (\"member_id\") REFERENCES \"family_member\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consent_signature\" DROP CONSTRAINT \"consent_signature_member_fk\"");
    await queryRunner.query("ALTER TABLE \"consent_signature\" DROP CONSTRAINT \"consent_signature_consent_fk\"");
    await queryRunner.query("ALTER TABLE \"consent\" DROP CONSTRAINT \"consent_recipient_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"consent\" DROP CONSTRAINT \"consent_subject_member_fk\"");
    await queryRunner.query("ALTER TABLE \"consent\" DROP CONSTRAINT \"consent_family_fk\"");
    await queryRunner.query("ALTER TABLE \"record_subject\" DROP CONSTRAINT \"record_subject_member_fk\"");
    await queryRunner.query("ALTER TABLE \"record_subject\" DROP CONSTRAINT \"record_subject_record_fk\"");
    await queryRunner.query("ALTER TABLE \"record\" DROP CONSTRAINT \"record_author_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"record\" DROP CONSTRAINT \"record_source_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"record\" DROP CONSTRAINT \"record_family_fk\"");
    await queryRunner.query("ALTER TABLE \"involvement\" DROP CONSTRAINT \"involvement_contact_professional_fk\"");
    await queryRunner.query("ALTER TABLE \"involvement\" DROP CONSTRAINT \"involvement_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"involvement\" DROP CONSTRAINT \"involvement_family_fk\"");
    await queryRunner.query("ALTER TABLE \"professional\" DROP CONSTRAINT \"professional_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"parental_authority\" DROP CONSTRAINT \"parental_authority_child_fk\"");
    await queryRunner.query("ALTER TABLE \"parental_authority\" DROP CONSTRAINT \"parental_authority_adult_fk\"");
    await queryRunner.query("ALTER TABLE \"family_member\" DROP CONSTRAINT \"family_member_family_fk\"");
    await queryRunner.query("DROP TABLE \"consent_signature\"");
    await queryRunner.query("DROP TYPE \"public\".\"signature_capacity\"");
    await queryRunner.query("DROP INDEX \"public\".\"consent_family_subject_idx\"");
    await queryRunner.query("DROP TABLE \"consent\"");
    await queryRunner.query("DROP TYPE \"public\".\"data_category\"");
    await queryRunner.query("DROP INDEX \"public\".\"record_subject_member_idx\"");
    await queryRunner.query("DROP TABLE \"record_subject\"");
    await queryRunner.query("DROP INDEX \"public\".\"record_family_idx\"");
    await queryRunner.query("DROP TABLE \"record\"");
    await queryRunner.query("DROP INDEX \"public\".\"involvement_one_case_director_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"involvement_organisation_family_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"involvement_family_idx\"");
    await queryRunner.query("DROP TABLE \"involvement\"");
    await queryRunner.query("DROP INDEX \"public\".\"professional_subject_key\"");
    await queryRunner.query("DROP TABLE \"professional\"");
    await queryRunner.query("DROP TYPE \"public\".\"professional_role\"");
    await queryRunner.query("DROP TABLE \"organisation\"");
    await queryRunner.query("DROP TYPE \"public\".\"organisation_domain\"");
    await queryRunner.query("DROP TABLE \"parental_authority\"");
    await queryRunner.query("DROP INDEX \"public\".\"family_member_bsn_blind_index_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"family_member_family_idx\"");
    await queryRunner.query("DROP TABLE \"family_member\"");
    await queryRunner.query("DROP TABLE \"family\"");
  }
}
