import { ProfessionalRole } from '@kring/identity';
import { permissionsFor, type PermissionActor } from './permissions';

/**
 * The permission table in words, for docs/permissions.md: one row per rule of permissions.ts
 * for each kind of caller, its conditions written with placeholders (‹own organisation›).
 * Generated, never hand-edited: a test renders it and compares it with the committed page.
 */

const OWN = {
  professionalId: '‹themselves›',
  organisationId: '‹own organisation›',
  domain: '‹own domain›',
  memberId: '‹themselves›',
  familyId: '‹own family›',
  reach: '‹their reach›',
} as const;

const CALLERS: readonly [string, PermissionActor][] = [
  ...Object.values(ProfessionalRole).map(
    (role): [string, PermissionActor] => [
      role,
      { kind: 'professional', professionalId: OWN.professionalId, organisationId: OWN.organisationId, domain: OWN.domain as never, roles: [role] },
    ],
  ),
  ['Family member', { kind: 'member', memberId: OWN.memberId, familyId: OWN.familyId, reach: [OWN.reach] }],
  ['Anyone, signed in or not', { kind: 'anyone' }],
];

/** The table as markdown rows: who, may, on, when. */
export function permissionRows(): string[] {
  const rows: string[] = [];
  for (const [who, actor] of CALLERS) {
    // CASL keeps rules in the order given; later ones win, so a prohibition is listed (and read) last.
    for (const rule of permissionsFor(actor).rules) {
      const actions = ([] as string[]).concat(rule.action as string | string[]).join(', ');
      const subjects = ([] as string[]).concat(rule.subject).join(', ');
      const when = rule.conditions === undefined ? 'always' : describe(rule.conditions);
      const may = rule.inverted ? `**never** ${actions}` : actions;
      const reason = rule.reason === undefined ? '' : ` (${rule.reason})`;
      rows.push(`| ${who} | ${may} | ${subjects} | ${when}${reason} |`);
    }
  }
  return rows;
}

/** docs/permissions.md as it should read. */
export function permissionPage(): string {
  return [
    '# Who may do what',
    '',
    'Kring\'s permission table (`libs/policy/src/permissions.ts`), in words. Generated: `KRING_WRITE_DOCS=1 npm run test:jest -- libs/policy/src/permission-table.spec.ts`',
    'rewrites this page, and `npm test` fails while it differs from the table.',
    '',
    'A caller with several roles has the rows of each. Anything not listed is refused. Which *fields* of a',
    'family file a professional then sees is not this table\'s work but the access rule\'s (DESIGN.md §4,',
    '`decideFieldAccess`): purpose, involvement and the family\'s consents, per field.',
    'Lists (families, consents, the access log, emergency grants) are filtered in SQL by these same rows (`permission-sql.ts`).',
    '',
    '| Who | May | On | When |',
    '| --- | --- | --- | --- |',
    ...permissionRows(),
    '',
  ].join('\n');
}

function describe(conditions: Record<string, unknown>): string {
  return Object.entries(conditions)
    .map(([fact, value]) => {
      if (typeof value === 'object' && value !== null && '$in' in value) {
        const list = (value as { $in: unknown[] }).$in.join(', ');
        return fact.endsWith('Ids') ? `some of ${fact} in ${list}` : `${fact} in ${list}`;
      }
      return `${fact} ${fact.endsWith('Ids') ? 'include' : '='} ${String(value)}`;
    })
    .join(' and ');
}
