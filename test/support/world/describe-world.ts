import { amsterdamDate, wholeYearsOn } from '../reference/reference-calendar';
import type { ExpectedFile } from '../reference/reference-access-rule';
import type { ReferenceOrganisation, ReferenceRequest, ReferenceWorld } from '../reference/reference-world';

/** Short names for the ids of a world, so a failure reads as a story and not as a page of UUIDs. */
export function labelsOf(world: ReferenceWorld, organisations: readonly ReferenceOrganisation[]): Map<string, string> {
  return new Map<string, string>([
    [world.familyId, 'F'],
    ...organisations.map((o): [string, string] => [o.id, o.label]),
    ...world.members.map((m): [string, string] => [m.id, m.label]),
    ...world.involvements.map((i, n): [string, string] => [i.id, `i${n}`]),
    ...world.records.map((r, n): [string, string] => [r.id, `r${n}`]),
    ...world.consents.map((c, n): [string, string] => [c.id, `c${n}`]),
    ...world.plan.items.map((p, n): [string, string] => [p.id, `p${n}`]),
    ...(world.threads ?? []).map((t, n): [string, string] => [t.id, `t${n}`]),
  ]);
}

export function withLabels(text: string, labels: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [id, label] of labels) out = out.replaceAll(id, label);
  return out;
}

/** The world and request in a few lines. */
export function describeWorld(world: ReferenceWorld, request: ReferenceRequest, organisations: readonly ReferenceOrganisation[]): string {
  const today = amsterdamDate(request.at);
  const iso = (d: Date) => d.toISOString();
  const lines = [
    `clock ${iso(request.at)} (Amsterdam ${today}); caller ${request.caller.id} (${request.caller.domain}); purpose ${request.purpose}`,
    `organisations: ${organisations.map((o) => `${o.id}=${o.domain}`).join(' ')}`,
    `registered by ${world.registeredByOrganisationId}`,
    `members: ${world.members.map((m) => `${m.id} born ${m.birthDate} (age ${wholeYearsOn(m.birthDate, today)}) ${m.relation}`).join(' | ')}`,
    `authority: ${world.authority.map((a) => `${a.adultId}>${a.childId}`).join(' ') || '-'}`,
    `involvements: ${world.involvements.map((i) => `${i.id} ${i.organisationId} ${i.startsOn}..${i.endsOn ?? 'open'}${i.caseDirection ? ' casusregie' : ''}`).join(' | ') || '-'}`,
    ...world.records.map(
      (r) => `record ${r.id} ${r.sectionType} by ${r.sourceOrganisationId ?? r.authorId} about ${r.subjectIds.join(',')}${r.supersedesId === null ? '' : ` replacing ${r.supersedesId}`}: ${Object.keys(r.values).join(',')}`,
    ),
    ...world.consents.map(
      (c) =>
        `consent ${c.id} about ${c.subjectId} to ${c.recipientOrganisationId ?? c.recipientDomain ?? '?'} [${c.categories.join(',')}] for [${c.purposes.join(',')}] ` +
        `valid ${iso(c.validFrom)}..${iso(c.validUntil)} revoked ${c.revokedAt === null ? '-' : iso(c.revokedAt)} ` +
        `signed ${c.signatures.map((s) => `${s.memberId}@${iso(s.signedAt)}`).join(', ') || '-'}`,
    ),
    `shieldings: ${(world.shieldings ?? []).map((x) => `${x.involvementId} from ${x.memberId}`).join(' | ') || '-'}`,
    ...world.plan.items.map((p) => {
      const actor = p.actor === null ? '' : ` done by ${p.actor.kind === 'ORGANISATION' ? p.actor.organisationId : p.actor.kind === 'MEMBER' ? p.actor.memberId : 'the network'}`;
      return `plan item ${p.id} ${p.kind} by ${p.sourceOrganisationId ?? 'the family'} about ${p.subjectIds.join(',')} [${p.versions.map((v) => v.category).join(' then ')}]${actor}; shown by ${p.shownBy.join(',') || '-'}`;
    }),
    `plan versions: ${world.plan.writes.map((w, n) => `${n + 1}=${w.itemId}${w.nth === 0 ? '' : ' changed'}${w.byMemberId === null ? '' : ` by ${w.byMemberId}`}`).join(' ') || '-'}`,
    ...(world.threads ?? []).map(
      (t) =>
        `thread ${t.id} about ${t.subjectIds.join(',')} [${t.category}] for ${t.purpose}; professionals of ${t.participantOrganisationIds.join(',')}; joined by ${t.memberIds.join(',') || '-'}; ${t.messages.length} messages`,
    ),
  ];
  return withLabels(lines.join('\n'), labelsOf(world, organisations));
}

/** Every value and redaction of a file as `where → what`, for a line-by-line comparison. */
export function flattenFile(file: ExpectedFile): Map<string, string> {
  const out = new Map<string, string>();
  const put = (key: string, value: unknown) => out.set(key, JSON.stringify(value));
  for (const m of file.members) for (const [k, v] of Object.entries(m)) if (k !== 'id') put(`member ${m.id}.${k}`, v);
  for (const i of file.involvements) for (const [k, v] of Object.entries(i)) if (k !== 'id') put(`involvement ${i.id}.${k}`, v);
  for (const r of file.records) {
    put(`record ${r.id}.sectionType`, r.sectionType);
    put(`record ${r.id}.subjectMemberIds`, r.subjectMemberIds);
    put(`record ${r.id}.sourceOrganisationId`, r.sourceOrganisationId);
    put(`record ${r.id}.authorMemberId`, r.authorMemberId);
    put(`record ${r.id}.superseded`, r.superseded);
    for (const [k, v] of Object.entries(r.section)) put(`record ${r.id}.section.${k}`, v);
  }
  for (const x of file.redactions) {
    const key = `redaction ${x.path}`;
    const value = `${x.field} ${x.category} ${x.reason} member=${x.memberId ?? '-'} record=${x.recordId ?? '-'} involvement=${x.involvementId ?? '-'}`;
    put(out.has(key) ? `${key} (again)` : key, value);
  }
  return out;
}

/** The lines where two files differ. */
export function diffFiles(expected: ExpectedFile, actual: ExpectedFile): string[] {
  const e = flattenFile(expected);
  const a = flattenFile(actual);
  const keys = [...new Set([...e.keys(), ...a.keys()])].sort();
  return keys.filter((k) => e.get(k) !== a.get(k)).map((k) => `${k}: expected ${e.get(k) ?? '(absent)'}, gateway ${a.get(k) ?? '(absent)'}`);
}
