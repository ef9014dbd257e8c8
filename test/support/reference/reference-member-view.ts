import { SECTION_TYPES } from '@kring/family-file';
import { amsterdamDate, wholeYearsOn } from './reference-calendar';
import type { ExpectedFile, ExpectedRecord } from './reference-access-rule';
import type { ReferenceWorld } from './reference-world';

/**
 * An independent reference of a family member's own view (`myFamily`), written from
 * DESIGN.md §5.7 and §9 and docs/decisions.md, sharing no logic with @kring/policy:
 *
 * - Reach: the member, and the children under 16 (on the Amsterdam calendar day of the
 *   read) over whom they hold authority.
 * - A member is in the view when in reach; a record when every one of its subjects is;
 *   the involvements only when every member of the family is (all of them, or none).
 * - What is in the view is the member's own or their young children's data, so every
 *   recorded value shows; `holdsAuthorityOver` lists the children in the viewer's reach.
 * - A story (our story) is in the view, every version of it, when the member it is about is in
 *   reach; who wrote it is named only when they are in reach too (docs/our-story.md).
 * - Nothing else appears: no redaction either.
 * - An involvement shielded from the viewer does not exist for them (docs/circle.md): not in
 *   the file, not in their circle. A lifted shielding hides nothing. Their circle (`myCircle`) holds the involvements that run
 *   on the day of the read (from `startsOn`, before `endsOn`), oldest first.
 */
export interface ExpectedMemberView {
  readonly reach: readonly string[];
  readonly file: ExpectedFile;
  /** The ids of the involvements in the viewer's circle, in order. */
  readonly circle: readonly string[];
  /** What the world offered, so a run can prove its worlds reach every case. */
  readonly trace: readonly string[];
}

/** A member's reach on `today` (DESIGN.md §9): themselves, and the children under 16 over whom they hold authority. */
export function reachOf(world: Pick<ReferenceWorld, 'members' | 'authority'>, viewerId: string, today: string): Set<string> {
  const reach = new Set<string>([viewerId]);
  for (const a of world.authority) {
    const child = world.members.find((m) => m.id === a.childId);
    if (a.adultId === viewerId && child !== undefined && wholeYearsOn(child.birthDate, today) < 16) reach.add(child.id);
  }
  return reach;
}

export function expectedMemberView(world: ReferenceWorld, viewerId: string, at: Date): ExpectedMemberView {
  const today = amsterdamDate(at);
  const reach = reachOf(world, viewerId, today);
  const sorted = (ids: readonly string[]) => [...ids].sort();
  const everyoneInReach = world.members.every((m) => reach.has(m.id));

  const members = world.members
    .filter((m) => reach.has(m.id))
    .map((m) => ({
      id: m.id,
      name: m.name,
      birthDate: m.birthDate,
      bsn: m.bsn,
      relation: m.relation,
      holdsAuthorityOver: sorted(world.authority.filter((a) => a.adultId === m.id && reach.has(a.childId)).map((a) => a.childId)),
    }));

  const shieldedFromViewer = new Set((world.shieldings ?? []).filter((x) => x.memberId === viewerId && x.lifted !== true).map((x) => x.involvementId));
  const liftedForViewer = (world.shieldings ?? []).filter((x) => x.memberId === viewerId && x.lifted === true && !shieldedFromViewer.has(x.involvementId));
  const unshielded = world.involvements.filter((i) => !shieldedFromViewer.has(i.id));
  const circle = unshielded
    .filter((i) => i.startsOn <= today && (i.endsOn === null || today < i.endsOn))
    .sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn < b.startsOn ? -1 : 1))
    .map((i) => i.id);
  const involvements = everyoneInReach
    ? unshielded.map((i) => ({ id: i.id, organisationId: i.organisationId, startsOn: i.startsOn, endsOn: i.endsOn, caseDirection: i.caseDirection }))
    : [];

  const replaced = new Set(world.records.map((r) => r.supersedesId));
  const records = world.records
    .filter((r) => r.subjectIds.every((s) => reach.has(s)))
    .map((r): ExpectedRecord => {
      const type = SECTION_TYPES.find((t) => t.name === r.sectionType);
      if (type === undefined) throw new Error(`the world holds a record of unknown section type ${r.sectionType}`);
      const section: Record<string, unknown> = { __typename: type.name };
      for (const f of type.fields) section[f.name] = r.values[f.name] === undefined ? null : (JSON.parse(JSON.stringify(r.values[f.name])) as unknown);
      // A story's writer is named only when in reach; every version is the member's to read.
      const author = r.authorId !== null && reach.has(r.authorId) ? r.authorId : null;
      return { id: r.id, sectionType: r.sectionType, sourceOrganisationId: r.sourceOrganisationId, authorMemberId: author, superseded: replaced.has(r.id), subjectMemberIds: sorted(r.subjectIds), section };
    });

  const trace: string[] = [];
  const outside = world.members.filter((m) => !reach.has(m.id));
  trace.push(outside.length === 0 ? 'everyone in reach' : 'someone outside reach');
  if (reach.size > 1) trace.push('a child in reach');
  for (const a of world.authority) {
    const child = world.members.find((m) => m.id === a.childId);
    if (a.adultId === viewerId && child !== undefined && !reach.has(child.id)) trace.push('a child of 16 or 17 under authority, outside reach');
  }
  if (world.records.some((r) => r.subjectIds.includes(viewerId) && !r.subjectIds.every((s) => reach.has(s)))) trace.push('a joint record with someone outside reach');
  if (records.length > 0) trace.push('a record in view');
  if (world.records.length > records.length) trace.push('a record out of view');
  if (involvements.length > 0) trace.push('involvements in view');
  if (!everyoneInReach && world.involvements.length > 0) trace.push('involvements out of view');
  if (shieldedFromViewer.size > 0) trace.push('an involvement shielded from the viewer');
  const stories = records.filter((r) => world.records.some((w) => w.id === r.id && w.authorId !== null));
  if (stories.length > 0) trace.push('a story in view');
  if (stories.some((r) => r.superseded)) trace.push('a replaced version of a story in view');
  if (world.records.some((r) => r.authorId !== null && !reach.has(r.authorId) && r.subjectIds.every((x) => reach.has(x)))) trace.push('a story in view by a writer outside reach');
  if (world.records.some((r) => r.authorId !== null && !r.subjectIds.every((x) => reach.has(x)))) trace.push('a story out of view');
  if (everyoneInReach && shieldedFromViewer.size > 0) trace.push('a shielded involvement left out of a file with involvements');
  if (liftedForViewer.some((x) => circle.includes(x.involvementId))) trace.push('a lifted shielding: the involvement in the circle again');
  if (circle.length > 0) trace.push('a circle with someone in it');

  return { reach: sorted([...reach]), file: { members, involvements, records, redactions: [] }, circle, trace };
}
