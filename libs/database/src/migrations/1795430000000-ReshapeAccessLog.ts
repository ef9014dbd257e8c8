import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log's shape of DESIGN.md §10 (issue 15): one entry per operation and data subject,
 * its decisions in a jsonb list, in a table partitioned by month.
 *
 * - `decisions jsonb`: the decisions of a v3 entry; NULL on the v1 and v2 entries, which
 *   keep their one group of decisions in the scalar columns and verify as they were hashed.
 * - `facets text[]`: the words o:<outcome>, s:<source organisation>, c:<category>,
 *   r:<reason>, b:<basis> of an entry's decisions, under one GIN index. The officers'
 *   decision-level filters (outcome, source organisation, category, reason, basis) are
 *   containment tests on it, and PostgreSQL keeps statistics per element of an array, which
 *   it does not for jsonb (docs/access-log.md, *Indexes*). The writer computes them for new
 *   entries (`facetsOf` in libs/audit) and the walk checks they follow from what is hashed;
 *   for the entries copied here, `kring_log_facets` computes the same words. A generated
 *   column was measured first and lost: PostgreSQL calling the function per row took about
 *   0.45 ms of each read's append (docs/performance.md, *Issue 15*).
 * - Partitions by month of `occurred_at` (UTC), created ahead by `kring_log_ensure_partitions`
 *   (this migration, then the gateway at start and daily), with a DEFAULT partition so an
 *   entry of an unforeseen time (a clock far off) is still written rather than refused.
 *   A partitioned table's unique indexes must contain the partition key, so the primary
 *   key is (id, occurred_at) and (chain_key, sequence) is a plain index: the chain head's
 *   lock keeps sequences unique, and verification reports a duplicate as a broken chain.
 *
 * `access_log_decision`, a view, gives the log one line per decision across both shapes.
 *
 * The existing entries are copied as they are (every column, so every hash still holds)
 * into the new table in one statement: a rewrite of the log, minutes per ten million
 * entries. The append-only triggers and grants are made again on the new table.
 */
/**
 * The log one line per decision, for either shape: an entry of the present shape gives a
 * line per element of its decisions (decision_index from 1), an entry of the shapes before
 * it one line from its columns. For privacy officers' and operators' SQL, and the shape
 * the Logius standard and spreadsheets expect. A view: nothing is stored twice.
 */
const DECISION_VIEW = `
  CREATE VIEW access_log_decision AS
  SELECT e.id AS entry_id, e.chain_key, e.sequence, e.occurred_at, e.trace_id, e.actor_kind, e.actor_id, e.actor_organisation_id, e.actor_role, e.activity, e.purpose,
    e.family_id, e.subject_member_ids, e.decision AS entry_outcome, e.break_glass, 1::bigint AS decision_index,
    e.target_kind, COALESCE(e.target_ids, CASE WHEN e.target_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[e.target_id] END) AS target_ids,
    e.source_organisation_id, e.category, e.fields, e.decision AS outcome, e.basis, e.basis_refs, e.reason
  FROM access_log_entry e WHERE e.decisions IS NULL
  UNION ALL
  SELECT e.id, e.chain_key, e.sequence, e.occurred_at, e.trace_id, e.actor_kind, e.actor_id, e.actor_organisation_id, e.actor_role, e.activity, e.purpose,
    e.family_id, e.subject_member_ids, e.decision, e.break_glass, d.i,
    d.v ->> 'targetKind', ARRAY(SELECT jsonb_array_elements_text(d.v -> 'targetIds'))::uuid[],
    (d.v ->> 'sourceOrganisationId')::uuid, d.v ->> 'category', ARRAY(SELECT jsonb_array_elements_text(d.v -> 'fields')), d.v ->> 'outcome', d.v ->> 'basis',
    ARRAY(SELECT jsonb_array_elements_text(d.v -> 'basisRefs')), d.v ->> 'reason'
  FROM access_log_entry e, jsonb_array_elements(e.decisions) WITH ORDINALITY AS d(v, i) WHERE e.decisions IS NOT NULL`;

export class ReshapeAccessLog1795430000000 implements MigrationInterface {
  name = 'ReshapeAccessLog1795430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION kring_log_facets(decisions jsonb, decision text, source_organisation_id uuid, category text, reason text, basis text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN decisions IS NULL
          THEN array_remove(ARRAY['o:' || decision, 's:' || source_organisation_id::text, 'c:' || category, 'r:' || reason, 'b:' || basis], NULL)
          ELSE ARRAY(
            SELECT DISTINCT word FROM jsonb_array_elements(decisions) AS d,
              LATERAL (VALUES ('o:' || (d ->> 'outcome')), ('s:' || (d ->> 'sourceOrganisationId')), ('c:' || (d ->> 'category')), ('r:' || (d ->> 'reason')), ('b:' || (d ->> 'basis'))) AS w(word)
            WHERE word IS NOT NULL ORDER BY word)
        END
      $$`);

    await queryRunner.query(`
      CREATE TABLE access_log_entry_reshaped (
        id uuid NOT NULL,
        chain_key text NOT NULL,
        sequence bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        trace_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        actor_organisation_id uuid,
        actor_role text,
        activity text NOT NULL,
        purpose text,
        family_id uuid,
        subject_member_ids uuid[] NOT NULL,
        target_kind text,
        target_id uuid,
        target_ids uuid[],
        source_organisation_id uuid,
        category text,
        fields text[] NOT NULL,
        decision text NOT NULL,
        basis text,
        basis_refs text[] NOT NULL,
        reason text,
        break_glass boolean NOT NULL,
        decisions jsonb,
        facets text[] NOT NULL,
        previous_hash bytea NOT NULL,
        entry_hash bytea NOT NULL,
        CONSTRAINT access_log_entry_pkey PRIMARY KEY (id, occurred_at)
      ) PARTITION BY RANGE (occurred_at)`);

    // The append-only rule, on every partition too: a TRUNCATE of one partition does not fire the parent's trigger.
    await queryRunner.query(`
      CREATE FUNCTION kring_log_ensure_partitions(first_month timestamptz, last_month timestamptz) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        -- Months counted in UTC wall time (timestamp without zone), so no session time zone moves a bound.
        month timestamp := date_trunc('month', first_month AT TIME ZONE 'UTC');
        last timestamp := date_trunc('month', last_month AT TIME ZONE 'UTC');
        parent text := CASE WHEN to_regclass('access_log_entry_reshaped') IS NOT NULL THEN 'access_log_entry_reshaped' ELSE 'access_log_entry' END;
        name text;
        made integer := 0;
      BEGIN
        WHILE month <= last LOOP
          name := 'access_log_entry_' || to_char(month, 'YYYY_MM');
          IF to_regclass(name) IS NULL THEN
            BEGIN
              EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent, month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
              EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kring_refuse_log_change()', name || '_no_truncate', name);
              made := made + 1;
            EXCEPTION
              -- Another gateway made it a moment ago; or entries of that month already sit in the
              -- default partition (a clock that ran ahead): they stay there, verified and listed alike.
              WHEN duplicate_table OR check_violation THEN NULL;
            END;
          END IF;
          month := month + interval '1 month';
        END LOOP;
        RETURN made;
      END $$`);

    await queryRunner.query(`CREATE TABLE access_log_entry_default PARTITION OF access_log_entry_reshaped DEFAULT`);
    await queryRunner.query(`CREATE TRIGGER access_log_entry_default_no_truncate BEFORE TRUNCATE ON access_log_entry_default FOR EACH STATEMENT EXECUTE FUNCTION kring_refuse_log_change()`);
    // Every month the existing entries span, and the next three.
    await queryRunner.query(`SELECT kring_log_ensure_partitions(COALESCE((SELECT min(occurred_at) FROM access_log_entry), now()), now() + interval '3 months')`);
    await queryRunner.query(`
      INSERT INTO access_log_entry_reshaped (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
        subject_member_ids, target_kind, target_id, target_ids, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass, facets, previous_hash, entry_hash)
      SELECT id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
        subject_member_ids, target_kind, target_id, target_ids, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass,
        kring_log_facets(NULL, decision, source_organisation_id, category, reason, basis), previous_hash, entry_hash
      FROM access_log_entry`);
    await queryRunner.query(`DROP TABLE access_log_entry`);
    await queryRunner.query(`ALTER TABLE access_log_entry_reshaped RENAME TO access_log_entry`);

    // Indexes on the parent, made on every partition (and on each new one as it is attached).
    await queryRunner.query(`CREATE INDEX access_log_chain_sequence_idx ON access_log_entry (chain_key, sequence)`);
    await queryRunner.query(`CREATE INDEX access_log_time_idx ON access_log_entry (occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX access_log_family_time_idx ON access_log_entry (family_id, occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX access_log_actor_org_time_idx ON access_log_entry (actor_organisation_id, occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX access_log_actor_time_idx ON access_log_entry (actor_id, occurred_at, id)`);
    await queryRunner.query(`CREATE INDEX access_log_subjects_idx ON access_log_entry USING gin (subject_member_ids)`);
    await queryRunner.query(`CREATE INDEX access_log_facets_idx ON access_log_entry USING gin (facets)`);

    await queryRunner.query(`CREATE TRIGGER access_log_entry_append_only BEFORE UPDATE OR DELETE ON access_log_entry FOR EACH ROW EXECUTE FUNCTION kring_refuse_log_change()`);
    await queryRunner.query(`CREATE TRIGGER access_log_entry_no_truncate BEFORE TRUNCATE ON access_log_entry FOR EACH STATEMENT EXECUTE FUNCTION kring_refuse_log_change()`);
    await queryRunner.query(`GRANT SELECT, INSERT ON access_log_entry TO kring_app`);
    await queryRunner.query(DECISION_VIEW);
    await queryRunner.query(`GRANT SELECT ON access_log_decision TO kring_app`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION kring_log_ensure_partitions(timestamptz, timestamptz) TO kring_app`);
    await queryRunner.query(`ANALYZE access_log_entry`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Refuses once entries of the new shape were written: the old table has no column for
    // their decisions, and dropping them would break their chains. Before that (a deploy
    // rolled back at once) it puts the log back as it was, every entry as it was stored.
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM access_log_entry WHERE decisions IS NOT NULL) THEN
        RAISE EXCEPTION 'access_log_entry holds entries with decisions; reverting would make them unverifiable';
      END IF;
    END $$`);
    await queryRunner.query(`
      CREATE TABLE access_log_entry_flat (
        id uuid NOT NULL, chain_key text NOT NULL, sequence bigint NOT NULL, occurred_at timestamptz NOT NULL, trace_id text NOT NULL, actor_kind text NOT NULL,
        actor_id uuid, actor_organisation_id uuid, actor_role text, activity text NOT NULL, purpose text, family_id uuid, subject_member_ids uuid[] NOT NULL,
        target_kind text, target_id uuid, source_organisation_id uuid, category text, fields text[] NOT NULL, decision text NOT NULL, basis text,
        basis_refs text[] NOT NULL, reason text, break_glass boolean NOT NULL, previous_hash bytea NOT NULL, entry_hash bytea NOT NULL, target_ids uuid[],
        CONSTRAINT "PK_74f816949105fc3145ad45ca8cd" PRIMARY KEY (id)
      )`);
    await queryRunner.query(`
      INSERT INTO access_log_entry_flat (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
        subject_member_ids, target_kind, target_id, target_ids, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass, previous_hash, entry_hash)
      SELECT id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
        subject_member_ids, target_kind, target_id, target_ids, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass, previous_hash, entry_hash
      FROM access_log_entry`);
    await queryRunner.query(`DROP VIEW access_log_decision`);
    await queryRunner.query(`DROP TABLE access_log_entry`);
    await queryRunner.query(`ALTER TABLE access_log_entry_flat RENAME TO access_log_entry`);
    await queryRunner.query(`DROP FUNCTION kring_log_ensure_partitions(timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION kring_log_facets(jsonb, text, uuid, text, text, text)`);
    await queryRunner.query(`CREATE INDEX "access_log_actor_time_idx" ON "access_log_entry" ("actor_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE INDEX "access_log_source_org_time_idx" ON "access_log_entry" ("source_organisation_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE INDEX "access_log_actor_org_time_idx" ON "access_log_entry" ("actor_organisation_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE INDEX "access_log_family_time_idx" ON "access_log_entry" ("family_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE INDEX "access_log_time_idx" ON "access_log_entry" ("occurred_at", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "access_log_chain_sequence_key" ON "access_log_entry" ("chain_key", "sequence")`);
    await queryRunner.query(`CREATE INDEX "access_log_subjects_idx" ON "access_log_entry" USING gin ("subject_member_ids")`);
    await queryRunner.query(`CREATE TRIGGER access_log_entry_append_only BEFORE UPDATE OR DELETE ON access_log_entry FOR EACH ROW EXECUTE FUNCTION kring_refuse_log_change()`);
    await queryRunner.query(`CREATE TRIGGER access_log_entry_no_truncate BEFORE TRUNCATE ON access_log_entry FOR EACH STATEMENT EXECUTE FUNCTION kring_refuse_log_change()`);
    await queryRunner.query(`GRANT SELECT, INSERT ON access_log_entry TO kring_app`);
  }
}
