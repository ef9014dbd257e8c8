import type { DataSource } from 'typeorm';
import { threadDecisionLine } from '../reference/reference-threads';

/**
 * The decisions of a family's READ_THREAD entries by one actor (a professional's organisation,
 * or a member), one line per subject (or nobody) and target (`threadDecisionLine`), sorted: what
 * `expectedThreadLog` and `expectedMemberThreads` say the reads must have logged.
 */
export async function loggedThreadDecisions(dataSource: DataSource, familyId: string, actor: { readonly organisationId: string } | { readonly memberId: string }): Promise<string[]> {
  const byOrganisation = 'organisationId' in actor;
  const rows = await dataSource.query<{ subjects: string[]; target_kind: string | null; target_ids: string[]; category: string | null; source: string | null; outcome: string; basis: string | null; reason: string | null; purpose: string | null }[]>(
    `SELECT subject_member_ids::text[] AS subjects, target_kind, target_ids::text[] AS target_ids, category, source_organisation_id::text AS source, outcome, basis, reason, purpose
       FROM access_log_decision WHERE family_id = $1 AND activity = 'READ_THREAD' AND ${byOrganisation ? "actor_kind = 'PROFESSIONAL' AND actor_organisation_id = $2" : 'actor_id = $2'}`,
    [familyId, byOrganisation ? actor.organisationId : actor.memberId],
  );
  return rows
    .flatMap((r) =>
      (r.subjects.length === 0 ? [null] : r.subjects).flatMap((subject) =>
        r.target_ids.map((targetId) =>
          threadDecisionLine({ subject, targetKind: r.target_kind ?? '-', targetId, category: r.category, source: r.source, outcome: `${r.outcome} ${r.basis ?? r.reason ?? ''}`, purpose: r.purpose }),
        ),
      ),
    )
    .sort();
}
