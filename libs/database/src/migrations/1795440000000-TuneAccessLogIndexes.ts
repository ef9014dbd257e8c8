import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log's indexes as measured (docs/log-indexes.md, docs/performance.md *Issue 15*),
 * and one numbering of decisions across the log's outputs.
 *
 * - **No GIN index on `facets`.** At 5 million entries the planner never chose it: the
 *   common decision-level filters walk the time index backward and stop at a page's rows,
 *   and even the rare category (0.2% of entries) was planned along the time index with the
 *   index present, so it served no query while every read's append paid for it (the words
 *   of five entries, 25 to 50 index items per read). The column stays: a filter is still a
 *   containment test on it, evaluated on the rows the time index gives.
 * - **A partial index on emergency entries** (`break_glass`), the officers' review of
 *   break-glass access: first page 7.2 / 25.1 ms (p50 / p95) against 14.9 / 31.1 ms without,
 *   at a cost near nothing on the append, since few entries are emergency ones.
 * - **`access_log_decision.decision_index` counts from 0**, as the CSV and Logius exports and
 *   the JSON lines' list do, so a decision has one number wherever it is read.
 */
export class TuneAccessLogIndexes1795440000000 implements MigrationInterface {
  name = 'TuneAccessLogIndexes1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX access_log_facets_idx`);
    await queryRunner.query(`CREATE INDEX access_log_break_glass_time_idx ON access_log_entry (occurred_at, id) WHERE break_glass`);
    await queryRunner.query(decisionView('0::bigint', 'd.i - 1'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(decisionView('1::bigint', 'd.i'));
    await queryRunner.query(`DROP INDEX access_log_break_glass_time_idx`);
    await queryRunner.query(`CREATE INDEX access_log_facets_idx ON access_log_entry USING gin (facets)`);
  }
}

/**
 * The view of ReshapeAccessLog, one line per decision, with the given numbering: the
 * index of an old entry's one decision, and of a present entry's decision from its
 * ordinality `d.i` (which counts from 1).
 */
function decisionView(oldIndex: string, presentIndex: string): string {
  return `
  CREATE OR REPLACE VIEW access_log_decision AS
  SELECT e.id AS entry_id, e.chain_key, e.sequence, e.occurred_at, e.trace_id, e.actor_kind, e.actor_id, e.actor_organisation_id, e.actor_role, e.activity, e.purpose,
    e.family_id, e.subject_member_ids, e.decision AS entry_outcome, e.break_glass, ${oldIndex} AS decision_index,
    e.target_kind, COALESCE(e.target_ids, CASE WHEN e.target_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[e.target_id] END) AS target_ids,
    e.source_organisation_id, e.category, e.fields, e.decision AS outcome, e.basis, e.basis_refs, e.reason
  FROM access_log_entry e WHERE e.decisions IS NULL
  UNION ALL
  SELECT e.id, e.chain_key, e.sequence, e.occurred_at, e.trace_id, e.actor_kind, e.actor_id, e.actor_organisation_id, e.actor_role, e.activity, e.purpose,
    e.family_id, e.subject_member_ids, e.decision, e.break_glass, ${presentIndex},
    d.v ->> 'targetKind', ARRAY(SELECT jsonb_array_elements_text(d.v -> 'targetIds'))::uuid[],
    (d.v ->> 'sourceOrganisationId')::uuid, d.v ->> 'category', ARRAY(SELECT jsonb_array_elements_text(d.v -> 'fields')), d.v ->> 'outcome', d.v ->> 'basis',
    ARRAY(SELECT jsonb_array_elements_text(d.v -> 'basisRefs')), d.v ->> 'reason'
  FROM access_log_entry e, jsonb_array_elements(e.decisions) WITH ORDINALITY AS d(v, i) WHERE e.decisions IS NOT NULL`;
}
