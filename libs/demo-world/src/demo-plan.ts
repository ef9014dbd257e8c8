import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { DataCategory as C } from '@kring/family-file';
import { FamilyPlanWriter, writePlanItem, type PlanAuthor, type PlanItemKind, type PlanItemRequest } from '@kring/family-plan';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from './demo-ids';

const DAY = 24 * 3600 * 1000;
const FAMILY = Object.values(M);
const INVOLVED = [O.teamToegang, O.jeugdhulp, O.schuldhulp, O.participatie];

/**
 * The De Vries family's plan (*gezinsplan*, docs/family-plan.md), written as its authors would
 * have written it over the last weeks: the family's own words, a goal for every member, actions
 * by three organisations, by Marieke and by grandmother Riek, the review date the case director
 * set, and one goal Sanne (17) keeps to herself. Every item passes `writePlanItem` and is stored
 * by the `FamilyPlanWriter`, as through the API. Marieke and the case director agreed with the
 * plan before Daan's goal changed, so Daan and a parent are asked again; Sanne, Daan and Marieke
 * chose to show their items to the whole family.
 */
export async function writeDemoPlan(manager: EntityManager, crypto: KringCrypto, key: DataKey, today: Date): Promise<void> {
  const writer = new FamilyPlanWriter(crypto);
  let version = 0;
  const ids = new Map<string, { id: string; itemId: string }>();
  const write = async (name: string, daysAgo: number, author: PlanAuthor, request: PlanItemRequest & { itemId?: string | null }) => {
    const writerFacts = 'memberId' in author ? ({ kind: 'member', memberId: author.memberId } as const) : ({ kind: 'professional', organisationId: author.organisationId } as const);
    const current = request.itemId === undefined || request.itemId === null ? null : (ids.get(name) ?? null);
    const decision = writePlanItem(request, { writer: writerFacts, familyMemberIds: FAMILY, involvedOrganisationIds: INVOLVED, current: current === null ? null : { kind: request.kind as PlanItemKind, sourceOrganisationId: 'organisationId' in author ? author.organisationId : null }, mayWrite: true, whyNot: 'NOT_FOR_WRITER' });
    if (!decision.ok) throw new Error(`the demo plan's item "${name}" is refused: ${decision.refusal}`);
    const row = await writer.writeItem(manager, { familyId: DEMO_FAMILY_ID, key, latestVersion: version, current, draft: decision.draft, author, at: new Date(today.getTime() - daysAgo * DAY) });
    version = row.fromVersion;
    ids.set(name, { id: row.id, itemId: row.itemId });
    return row.itemId;
  };
  const marieke = { memberId: M.marieke };
  const wmo = { professionalId: P.wmo, organisationId: O.teamToegang };

  const words = await write('words', 40, marieke, {
    kind: 'WORDS',
    subjectMemberIds: [M.marieke, M.daan, M.lotte],
    text: 'Wij willen weer rust in huis. Dat de kinderen elke dag naar school gaan, dat we de post weer durven open te maken en dat er geen nieuwe schulden bijkomen.',
  });
  await write('goal-marieke', 40, marieke, { kind: 'GOAL', subjectMemberIds: [M.marieke], category: C.FINANCES, text: 'Over een jaar hebben we geen achterstanden meer bij de woningcorporatie en de energie.' });
  await write('goal-johan', 38, { memberId: M.johan }, { kind: 'GOAL', subjectMemberIds: [M.johan], category: C.WORK_PARTICIPATION, text: 'Ik wil weer werken, het liefst in de logistiek, minstens twintig uur per week.' });
  const daansGoal = await write('goal-daan', 35, { memberId: M.daan }, { kind: 'GOAL', subjectMemberIds: [M.daan], text: 'Ik ga weer elke dag naar school.' });
  await write('goal-lotte', 35, marieke, { kind: 'GOAL', subjectMemberIds: [M.lotte], text: 'Lotte slaapt weer goed en durft te vertellen wat haar dwarszit.' });
  const sannesGoal = await write('goal-sanne', 33, { memberId: M.sanne }, { kind: 'GOAL', subjectMemberIds: [M.sanne], text: 'Ik haal mijn mbo-diploma Zorg en Welzijn.' });
  // Sanne's own: she has not shown it to anyone in the family.
  await write('goal-sanne-private', 30, { memberId: M.sanne }, { kind: 'GOAL', subjectMemberIds: [M.sanne], text: 'Ik wil volgend jaar op kamers in Leeuwarden. Dat weten mijn ouders nog niet.' });

  await write('action-wmo', 32, wmo, { kind: 'ACTION', subjectMemberIds: [M.marieke], text: 'Huishoudelijke ondersteuning vier uur per week; na drie maanden samen bekijken of het genoeg is.', actor: { kind: 'ORGANISATION' }, dueOn: isoDate(today, 14) });
  await write('action-debt', 30, { professionalId: P.schuldhulp, organisationId: O.schuldhulp }, {
    kind: 'ACTION',
    subjectMemberIds: [M.marieke],
    category: C.FINANCES,
    text: 'Budgetcoach elke twee weken aan huis bij Marieke; de minnelijke schuldregeling aanvragen.',
    actor: { kind: 'ORGANISATION' },
    dueOn: isoDate(today, 21),
  });
  await write('action-youth', 28, { professionalId: P.jeugdhulp, organisationId: O.jeugdhulp }, {
    kind: 'ACTION',
    subjectMemberIds: [M.daan],
    category: C.CARE_TRAJECTORY,
    text: 'Elke dinsdag een gesprek met Daan; samen met de mentor een plan voor de ochtenden.',
    actor: { kind: 'ORGANISATION' },
    dueOn: isoDate(today, 30),
  });
  await write('action-marieke', 27, marieke, { kind: 'ACTION', subjectMemberIds: [M.marieke], text: 'Elke maandag de post openmaken, en wat ik niet begrijp meenemen naar de budgetcoach.', actor: { kind: 'MEMBER', memberId: M.marieke } });
  await write('action-oma', 27, marieke, { kind: 'ACTION', subjectMemberIds: [M.lotte], text: 'Lotte op woensdag uit school halen en bij haar laten eten.', actor: { kind: 'NETWORK', name: 'Oma Riek' } });
  await write('review', 26, wmo, { kind: 'REVIEW', subjectMemberIds: [], text: 'Evaluatie met het hele gezin, bij de familie thuis.', dueOn: isoDate(today, 60) });

  // Marieke and the case director agreed; then Daan sharpened his goal, so he and a parent are asked again.
  await writer.agree(manager, DEMO_FAMILY_ID, version, { memberId: M.marieke }, new Date(today.getTime() - 25 * DAY));
  await writer.agree(manager, DEMO_FAMILY_ID, version, { professionalId: P.wmo }, new Date(today.getTime() - 25 * DAY));
  await write('goal-daan', 20, { memberId: M.daan }, { kind: 'GOAL', itemId: daansGoal, subjectMemberIds: [M.daan], text: 'Ik ga weer elke dag naar school, en ik ben op tijd voor het eerste uur.' });

  // Shown to the whole family by those whose say counts: the family's words (Marieke for herself and Lotte, Daan with her for him), Sanne's diploma goal.
  const shown = (itemId: string, memberId: string) => writer.chooseShown(manager, DEMO_FAMILY_ID, itemId, memberId, true, new Date(today.getTime() - 19 * DAY));
  await shown(words, M.marieke);
  await shown(words, M.daan);
  await shown(sannesGoal, M.sanne);
}

function isoDate(today: Date, offsetDays: number): string {
  return new Date(today.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
}
