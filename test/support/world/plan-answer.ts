import type { DataSource } from 'typeorm';
import { decisionLine, type ExpectedPlan } from '../reference/reference-plan';

/** Every field of a plan, for a comparison with a reference. */
export const PLAN_SELECTION = `
    familyId version latestVersion agreed
    items { id kind subjectMemberIds category text status dueOn actor { kind organisation { id } memberId name } source { id } shownToFamily agreed caseDirectorAgreed waitingForMemberIds }
    redactions { itemId kind category reason subjectMemberIds }
    versions { version change itemId byMemberId byOrganisation { id } }
    agreements { memberId version }`;

type Organisation = { id: string } | null;

/** A plan as the gateway answers it (PLAN_SELECTION). */
export interface PlanAnswer {
  familyId: string;
  version: number;
  latestVersion: number;
  agreed: boolean;
  items: (Omit<ExpectedPlan['items'][number], 'actor' | 'sourceOrganisationId'> & {
    actor: { kind: string; organisation: Organisation; memberId: string | null; name: string | null } | null;
    source: Organisation;
  })[];
  redactions: ExpectedPlan['redactions'];
  versions: (Omit<ExpectedPlan['versions'][number], 'byOrganisationId'> & { byOrganisation: Organisation })[];
  agreements: ExpectedPlan['agreements'];
}

/** The gateway's answer in the reference's shape (lists in the order served: the order is part of the answer). */
export function planOfAnswer(answer: PlanAnswer): ExpectedPlan {
  return {
    version: answer.version,
    latestVersion: answer.latestVersion,
    items: answer.items.map(({ actor, source, ...rest }) => ({
      ...rest,
      actor: actor === null ? null : { kind: actor.kind, organisationId: actor.organisation?.id ?? null, memberId: actor.memberId, name: actor.name },
      sourceOrganisationId: source?.id ?? null,
    })),
    redactions: answer.redactions,
    versions: answer.versions.map(({ byOrganisation, ...rest }) => ({ ...rest, byOrganisationId: byOrganisation?.id ?? null })),
    agreed: answer.agreed,
    agreements: answer.agreements,
  };
}

/** JSON with every object's keys sorted, so equal values read the same whatever order their keys were set in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** The lines where two plans differ: one line per item, redaction and version, and the plan's own fields. */
export function diffPlans(expected: ExpectedPlan, actual: ExpectedPlan): string[] {
  const lines = (plan: ExpectedPlan) =>
    new Map<string, string>([
      ['plan', canonical({ version: plan.version, latestVersion: plan.latestVersion, agreed: plan.agreed, agreements: plan.agreements })],
      ['item order', plan.items.map((i) => i.id).join(',')],
      ...plan.items.map((i): [string, string] => [`item ${i.id}`, canonical(i)]),
      ...plan.redactions.map((r): [string, string] => [`redaction ${r.itemId}`, canonical(r)]),
      ...plan.versions.map((v, n): [string, string] => [`versions[${n}]`, canonical(v)]),
    ]);
  const e = lines(expected);
  const a = lines(actual);
  const keys = [...new Set([...e.keys(), ...a.keys()])].sort();
  return keys.filter((k) => e.get(k) !== a.get(k)).map((k) => `plan ${k}: expected ${e.get(k) ?? '(absent)'}, gateway ${a.get(k) ?? '(absent)'}`);
}

/** Decisions expected and not logged, and logged and not expected (each counted: a decision logged twice is one too many). */
export function diffDecisions(expected: readonly string[], logged: readonly string[]): string[] {
  const minus = (a: readonly string[], b: readonly string[]) => {
    const rest = [...b];
    return a.filter((d) => {
      const at = rest.indexOf(d);
      if (at < 0) return true;
      rest.splice(at, 1);
      return false;
    });
  };
  return [...minus(expected, logged).map((d) => `  expected ${d}`), ...minus(logged, expected).map((d) => `  logged ${d}`)];
}

/** The decisions of a family's READ_FAMILY_PLAN entries about plan items (by one actor, when named), one line per subject, item and category, sorted. */
export async function loggedPlanDecisions(dataSource: DataSource, familyId: string, actorId?: string): Promise<string[]> {
  const rows = await dataSource.query<{ subjects: string[]; target_ids: string[]; category: string; outcome: string; basis: string | null; reason: string | null }[]>(
    `SELECT subject_member_ids::text[] AS subjects, target_ids::text[] AS target_ids, category, outcome, basis, reason
       FROM access_log_decision WHERE family_id = $1 AND activity = 'READ_FAMILY_PLAN' AND target_kind = 'PLAN_ITEM'${actorId === undefined ? '' : ' AND actor_id = $2'}`,
    actorId === undefined ? [familyId] : [familyId, actorId],
  );
  return rows
    .flatMap((r) => (r.subjects.length === 0 ? ['(nobody)'] : r.subjects).flatMap((s) => r.target_ids.map((t) => decisionLine(s, t, r.category, `${r.outcome} ${r.basis ?? r.reason ?? ''}`))))
    .sort();
}
