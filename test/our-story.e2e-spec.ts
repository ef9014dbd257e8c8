import { randomUUID } from 'node:crypto';
import { DataCategory as C } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { asking } from './support/asking';
import { householdOfFive, newWorld, type MadeFamily, type MadeMember, type Partner, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const WRITE = `mutation($input: WriteOurStoryInput!) { writeOurStory(input: $input) { id sectionType authorMemberId subjectMemberIds createdAt supersededAt sourceOrganisation { id } section { __typename ... on OurStory { text } } } }`;
const RECORDS = `id sectionType authorMemberId subjectMemberIds createdAt supersededAt sourceOrganisation { id } section { __typename ... on OurStory { text } }`;
const MY_FAMILY = `{ myFamily { records { ${RECORDS} } redactions { path } } }`;
const FAMILY = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { records { ${RECORDS} } redactions { path field category reason recordId } } }`;
const MY_LOG = `query($filter: AccessLogFilter) { accessLog(first: 100, filter: $filter) { edges { node { activity subjectMemberIds actor { kind organisation { id } } decisions { targetKind targetIds category fields outcome basis basisRefs reason sourceOrganisation { id } } } } } }`;

interface StoryAnswer {
  id: string;
  sectionType: string;
  authorMemberId: string | null;
  subjectMemberIds: string[];
  createdAt: string;
  supersededAt: string | null;
  sourceOrganisation: { id: string } | null;
  section: { __typename: string; text?: string | null };
}
interface FileAnswer {
  records: StoryAnswer[];
  redactions: { path: string; field: string; category: string; reason: string; recordId: string | null }[];
}
interface LogAnswer {
  accessLog: {
    edges: {
      node: {
        activity: string;
        subjectMemberIds: string[];
        actor: { kind: string; organisation: { id: string } | null };
        decisions: { targetKind: string | null; targetIds: string[]; category: string | null; fields: string[]; outcome: string; basis: string | null; basisRefs: string[]; reason: string | null; sourceOrganisation: { id: string } | null }[];
      };
    }[];
  };
}

/**
 * Our story (DESIGN.md §9, *ons verhaal*; docs/our-story.md): a member writes, in their own
 * words, what they want professionals to know, for themselves and their reach. It is a record
 * whose source is the family, category OWN_WORDS, sealed with the family's key; a professional
 * reads it first in the file, with its date, and only by consent (never as an organisation's own
 * record or by a statutory task). Every write and read is logged about the member it is about.
 */
describe('our story: written by a member, read by a professional only with consent', () => {
  let sut: TestGateway;
  let world: World;
  let wmo: Partner;
  let debt: Partner;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];

  /** The household of five, registered by the WMO team, which is involved with it (as is debt assistance). */
  const family = async (): Promise<MadeFamily> => {
    const made = await householdOfFive(world, wmo);
    await world.involve(made, wmo, { caseDirection: true });
    await world.involve(made, debt);
    return made;
  };
  const write = (writer: MadeMember, about: MadeMember, text: string) => ask<{ writeOurStory: StoryAnswer }>(writer, WRITE, { input: { memberId: about.id, text } });
  const written = async (writer: MadeMember, about: MadeMember, text: string) => (await ok<{ writeOurStory: StoryAnswer }>(writer, WRITE, { input: { memberId: about.id, text } })).writeOurStory;
  const myFamily = async (member: MadeMember) => (await ok<{ myFamily: FileAnswer }>(member, MY_FAMILY)).myFamily;
  const read = async (by: Partner, familyId: string, purpose = 'CASE_COORDINATION') => (await ok<{ family: FileAnswer }>(by, FAMILY, { id: familyId, purpose })).family;
  const stories = (file: FileAnswer) => file.records.filter((r) => r.sectionType === 'OurStory');
  const storyConsent = (made: MadeFamily, subject: MadeMember, to: Partner, signedBy: readonly MadeMember[] = [subject]) =>
    world.consent(made, { subject, recipient: to, categories: [C.OWN_WORDS], purposes: ['CASE_COORDINATION'], signedBy });
  const logRows = (familyId: string, activity: string) =>
    sut.dataSource.query<{ subjects: string[]; actor_kind: string; actor_id: string; category: string | null; outcome: string; basis: string | null; reason: string | null; source: string | null; target_ids: string[]; fields: string[] }[]>(
      `SELECT subject_member_ids::text[] AS subjects, actor_kind, actor_id::text, category, outcome, basis, reason, source_organisation_id::text AS source, target_ids::text[] AS target_ids, fields
         FROM access_log_decision WHERE family_id = $1 AND activity = $2`,
      [familyId, activity],
    );

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'our_story', seedDemoWorld: false });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    wmo = await world.partner(Domain.WMO);
    debt = await world.partner(Domain.DEBT_ASSISTANCE);
  });
  afterAll(async () => {
    await sut?.close();
  });

  describe('writing', () => {
    it('a member writes their own story: a record whose source is the family, sealed with the family key, logged as WRITE_OUR_STORY about them', async () => {
      const made = await family();
      const mother = made.member('mother');
      const text = 'Ik wil dat jullie weten dat ik elke ochtend om zes uur opsta voor de kinderen.';

      const story = await written(mother, mother, text);

      expect(story).toEqual({
        id: expect.any(String),
        sectionType: 'OurStory',
        authorMemberId: mother.id,
        subjectMemberIds: [mother.id],
        createdAt: expect.any(String),
        supersededAt: null,
        sourceOrganisation: null,
        section: { __typename: 'OurStory', text },
      });
      const [row] = await sut.dataSource.query<{ source: string | null; author: string; text: string; subjects: string[] }[]>(
        `SELECT r.source_organisation_id AS source, r.author_member_id::text AS author, r.encrypted_fields->>'text' AS text, array_agg(s.member_id::text) AS subjects
           FROM record r JOIN record_subject s ON s.record_id = r.id WHERE r.id = $1 GROUP BY r.id`,
        [story.id],
      );
      expect(row).toEqual({ source: null, author: mother.id, text: expect.any(String), subjects: [mother.id] });
      expect(Buffer.from(row?.text ?? '', 'base64').toString('latin1')).not.toContain('zes uur');
      expect(await logRows(made.id, 'WRITE_OUR_STORY')).toEqual([
        { subjects: [mother.id], actor_kind: 'CITIZEN', actor_id: mother.id, category: 'OWN_WORDS', outcome: 'ALLOWED', basis: 'DATA_SUBJECT', reason: null, source: null, target_ids: [story.id], fields: ['text'] },
      ]);
    });

    it('writing again makes a new version: the earlier one is kept and replaced; the member reads both, with their dates', async () => {
      const made = await family();
      const mother = made.member('mother');
      const first = await written(mother, mother, 'Eerste versie van mijn verhaal.');
      const second = await written(mother, mother, 'Tweede versie: het gaat beter met ons.');

      const [link] = await sut.dataSource.query<{ supersedes: string }[]>(`SELECT supersedes_record_id::text AS supersedes FROM record WHERE id = $1`, [second.id]);
      expect(link?.supersedes).toBe(first.id);
      const mine = stories(await myFamily(mother));
      expect(mine.map((s) => [s.id, s.section.text, s.supersededAt])).toEqual([
        [first.id, 'Eerste versie van mijn verhaal.', second.createdAt],
        [second.id, 'Tweede versie: het gaat beter met ons.', null],
      ]);
      const third = await written(mother, mother, 'Derde versie.');
      const [again] = await sut.dataSource.query<{ supersedes: string }[]>(`SELECT supersedes_record_id::text AS supersedes FROM record WHERE id = $1`, [third.id]);
      expect(again?.supersedes).toBe(second.id);
      expect((await logRows(made.id, 'WRITE_OUR_STORY')).map((r) => r.target_ids[0])).toEqual(expect.arrayContaining([first.id, second.id, third.id]));
    });

    it('a parent writes for a child under 16 in their reach, and a 14-year-old writes his own: each writer\'s story stays their own', async () => {
      const made = await family();
      const [mother, father, teen, young] = ['mother', 'father', 'teen', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember, MadeMember];
      const motherAboutTeen = await written(mother, teen, 'Daan is een lieve jongen die het moeilijk heeft op school.');
      const teenOwn = await written(teen, teen, 'Ik wil zelf ook iets zeggen: ik wil naar het mbo.');
      const fatherAboutTeen = await written(father, teen, 'Ik zie mijn zoon te weinig.');
      const motherAboutYoung = await written(mother, young, 'Lotte slaapt slecht sinds de verhuizing.');
      const motherAgain = await written(mother, teen, 'Daan gaat weer elke dag naar school.');

      // A new version replaces the writer's own, never another's words.
      const links = await sut.dataSource.query<{ id: string; supersedes: string | null }[]>(`SELECT id::text, supersedes_record_id::text AS supersedes FROM record WHERE family_id = $1`, [made.id]);
      expect(Object.fromEntries(links.map((l) => [l.id, l.supersedes]))).toEqual({
        [motherAboutTeen.id]: null,
        [teenOwn.id]: null,
        [fatherAboutTeen.id]: null,
        [motherAboutYoung.id]: null,
        [motherAgain.id]: motherAboutTeen.id,
      });
      // The teen reads every story about himself; a writer outside his reach (his parents) is not named.
      const teenView = stories(await myFamily(teen));
      expect(teenView.map((s) => [s.id, s.authorMemberId]).sort()).toEqual(
        [
          [motherAboutTeen.id, null],
          [teenOwn.id, teen.id],
          [fatherAboutTeen.id, null],
          [motherAgain.id, null],
        ].sort(),
      );
      // The mother reads the stories about her reach; the father, outside it, is not named as a writer.
      const motherView = stories(await myFamily(mother));
      expect(motherView.map((s) => [s.id, s.authorMemberId]).sort()).toEqual(
        [
          [motherAboutTeen.id, mother.id],
          [teenOwn.id, teen.id],
          [fatherAboutTeen.id, null],
          [motherAboutYoung.id, mother.id],
          [motherAgain.id, mother.id],
        ].sort(),
      );
      // Each write is logged about the member the story is about, with the writer as actor.
      const writes = await logRows(made.id, 'WRITE_OUR_STORY');
      expect(writes.map((w) => [w.target_ids[0], w.subjects, w.actor_id]).sort()).toEqual(
        [
          [motherAboutTeen.id, [teen.id], mother.id],
          [teenOwn.id, [teen.id], teen.id],
          [fatherAboutTeen.id, [teen.id], father.id],
          [motherAboutYoung.id, [young.id], mother.id],
          [motherAgain.id, [teen.id], mother.id],
        ].sort(),
      );
    });

    it('a member\'s view holds nothing of a story about someone outside their reach: no record, no date, no count', async () => {
      const made = await family();
      const [mother, older, teen] = ['mother', 'older', 'teen'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember];
      await written(older, older, 'Ik ben zeventien en dit is van mij.');
      await written(mother, mother, 'Mijn eigen verhaal.');

      const motherView = await myFamily(mother);
      expect(stories(motherView).map((s) => s.subjectMemberIds)).toEqual([[mother.id]]);
      expect(motherView.redactions).toEqual([]);
      expect(stories(await myFamily(teen))).toEqual([]);
      expect(stories(await myFamily(older)).map((s) => s.subjectMemberIds)).toEqual([[older.id]]);
    });

    it('two writes at once about the same member both succeed, one after the other: one current version', async () => {
      const made = await family();
      const mother = made.member('mother');
      const answers = await Promise.all([write(mother, mother, 'Tegelijk een.'), write(mother, mother, 'Tegelijk twee.')]);

      expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
      const current = stories(await myFamily(mother)).filter((s) => s.supersededAt === null);
      expect(current).toHaveLength(1);
    });
  });

  describe('refusals', () => {
    it.each([
      ['a 17-year-old, who decides for herself', (m: MadeFamily) => [m.member('mother'), m.member('older').id] as const],
      ['a sibling, over whom a 14-year-old holds no authority', (m: MadeFamily) => [m.member('teen'), m.member('young').id] as const],
      ['the other parent', (m: MadeFamily) => [m.member('mother'), m.member('father').id] as const],
      ['nobody known (a random id)', (m: MadeFamily) => [m.member('mother'), randomUUID()] as const],
      ['no id at all', (m: MadeFamily) => [m.member('mother'), 'not-an-id'] as const],
    ])('a member outside the writer\'s reach answers like one that does not exist: %s; nothing is stored or logged', async (_case, pick) => {
      const made = await family();
      const [writer, memberId] = pick(made);

      const answer = await ask(writer, WRITE, { input: { memberId, text: 'Over iemand anders.' } });

      expect(codeOf(answer)).toBe('NOT_FOUND');
      expect(answer.data).toBeNull();
      expect(await sut.dataSource.query(`SELECT id FROM record WHERE family_id = $1`, [made.id])).toEqual([]);
      expect(await logRows(made.id, 'WRITE_OUR_STORY')).toEqual([]);
    });

    it('a member of another family answers like one that does not exist', async () => {
      const mine = await family();
      const theirs = await family();

      expect(codeOf(await write(mine.member('mother'), theirs.member('young'), 'Over een ander gezin.'))).toBe('NOT_FOUND');
      expect(await sut.dataSource.query(`SELECT id FROM record WHERE family_id IN ($1, $2)`, [mine.id, theirs.id])).toEqual([]);
    });

    it.each([
      ['empty', ''],
      ['only white space', '  \n '],
      ['longer than 4000 characters', 'x'.repeat(4001)],
    ])('a text that is %s is BAD_USER_INPUT on text; nothing is stored', async (_case, text) => {
      const made = await family();
      const mother = made.member('mother');

      const answer = await write(mother, mother, text);

      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.['field']).toBe('text');
      expect(await sut.dataSource.query(`SELECT id FROM record WHERE family_id = $1`, [made.id])).toEqual([]);
    });

    it('a professional writes no story, whatever the family: FORBIDDEN', async () => {
      const made = await family();

      const answer = await sut.graphql(WRITE, { token: await world.tokenFor(wmo), variables: { input: { memberId: made.member('mother').id, text: 'Namens de moeder.' } } });

      expect(codeOf(answer)).toBe('FORBIDDEN');
      expect(await sut.dataSource.query(`SELECT id FROM record WHERE family_id = $1`, [made.id])).toEqual([]);
    });

    it('no professional adds a record of the family\'s own section: AddRecordInput has no field for it', async () => {
      const made = await family();

      const answer = await ask(wmo, `mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
        input: { familyId: made.id, subjectMemberIds: [made.member('mother').id], ourStory: { text: 'Geschreven door de gemeente.' } },
      });

      expect(answer.errors).toBeDefined();
      expect(await sut.dataSource.query(`SELECT id FROM record WHERE family_id = $1`, [made.id])).toEqual([]);
    });
  });

  describe('reading, by a professional: shared only by consent', () => {
    it('without a consent, the story is redacted (NO_CONSENT), even for the organisation that registered the family; the denial is logged about the member', async () => {
      const made = await family();
      const mother = made.member('mother');
      const story = await written(mother, mother, 'Alleen voor wie ik het toesta.');

      const file = await read(wmo, made.id);

      const served = stories(file);
      expect(served.map((s) => [s.id, s.section.text, s.authorMemberId, s.sourceOrganisation, s.createdAt])).toEqual([[story.id, null, null, null, story.createdAt]]);
      expect(file.redactions.filter((r) => r.recordId === story.id).sort((a, b) => a.field.localeCompare(b.field))).toEqual([
        { path: `records.${story.id}.authorMemberId`, field: 'authorMemberId', category: 'OWN_WORDS', reason: 'NO_CONSENT', recordId: story.id },
        { path: `records.${story.id}.text`, field: 'text', category: 'OWN_WORDS', reason: 'NO_CONSENT', recordId: story.id },
      ]);
      const reads = (await logRows(made.id, 'READ_FAMILY_FILE')).filter((r) => r.target_ids.includes(story.id));
      expect(reads).toEqual([
        { subjects: [mother.id], actor_kind: 'PROFESSIONAL', actor_id: wmo.professional.id, category: 'OWN_WORDS', outcome: 'DENIED', basis: null, reason: 'NO_CONSENT', source: null, target_ids: [story.id], fields: ['authorMemberId', 'text'] },
      ]);
    });

    it('with a consent for OWN_WORDS, the professional reads it first in the file, with its date and who wrote it; the member reads who did in their log', async () => {
      const made = await family();
      const mother = made.member('mother');
      await world.record(made, { source: wmo, sectionType: 'SupportProvision', subjects: [mother], values: { provision: 'Huishoudelijke hulp' } });
      const story = await written(mother, mother, 'Ik wil niet steeds opnieuw mijn verhaal vertellen.');
      const consent = await storyConsent(made, mother, wmo);

      const file = await read(wmo, made.id);

      expect(file.records[0]).toEqual({ ...story, section: { __typename: 'OurStory', text: 'Ik wil niet steeds opnieuw mijn verhaal vertellen.' } });
      expect(file.redactions.filter((r) => r.recordId === story.id)).toEqual([]);
      const log = await ok<LogAnswer>(mother, MY_LOG, { filter: { activity: 'READ_FAMILY_FILE' } });
      const readsOfStory = log.accessLog.edges.flatMap((e) => e.node.decisions.filter((d) => d.targetIds.includes(story.id)).map((d) => ({ ...d, actor: e.node.actor, subjects: e.node.subjectMemberIds })));
      expect(readsOfStory).toEqual([
        {
          targetKind: 'RECORD',
          targetIds: [story.id],
          category: 'OWN_WORDS',
          fields: ['authorMemberId', 'text'],
          outcome: 'ALLOWED',
          basis: 'CONSENT',
          basisRefs: [consent.id],
          reason: null,
          sourceOrganisation: null,
          actor: { kind: 'PROFESSIONAL', organisation: { id: wmo.id } },
          subjects: [mother.id],
        },
      ]);
    });

    it('a professional reads only the current version: a replaced one is not in the file, nor named in the log', async () => {
      const made = await family();
      const mother = made.member('mother');
      const first = await written(mother, mother, 'Wat ik eerst schreef.');
      const second = await written(mother, mother, 'Wat ik nu wil zeggen.');
      await storyConsent(made, mother, wmo);

      const served = stories(await read(wmo, made.id));

      expect(served.map((s) => [s.id, s.section.text, s.supersededAt])).toEqual([[second.id, 'Wat ik nu wil zeggen.', null]]);
      expect((await logRows(made.id, 'READ_FAMILY_FILE')).flatMap((r) => r.target_ids)).not.toContain(first.id);
    });

    it('a consent to another organisation, for another purpose or another category does not count; nor does a purpose that never reaches OWN_WORDS', async () => {
      const made = await family();
      const mother = made.member('mother');
      const story = await written(mother, mother, 'Niet voor iedereen.');
      await storyConsent(made, mother, debt);
      await world.consent(made, { subject: mother, recipient: wmo, categories: [C.OWN_WORDS], purposes: ['SUPPORT_PLANNING'] });
      await world.consent(made, { subject: mother, recipient: wmo, categories: [C.PERSONAL_IDENTITY, C.CONTACT, C.HOUSEHOLD, C.INVOLVEMENT, C.FINANCES, C.SHARED_PLAN], purposes: ['CASE_COORDINATION'] });

      const reason = (file: FileAnswer) => file.redactions.find((r) => r.recordId === story.id && r.field === 'text')?.reason;
      expect(reason(await read(wmo, made.id))).toBe('NO_CONSENT');
      // Debt assistance holds a consent for case coordination, but debt resolution never reaches a member's own words.
      expect(reason(await read(debt, made.id, 'DEBT_RESOLUTION'))).toBe('PURPOSE_EXCLUDES_CATEGORY');
      // Support planning reaches it, with the consent that names that purpose.
      expect(stories(await read(wmo, made.id, 'SUPPORT_PLANNING'))[0]?.section.text).toBe('Niet voor iedereen.');
    });

    it('a 14-year-old\'s story follows his capacity: his own signature waits for a parent\'s; both together share it, and both read who did in their log', async () => {
      const made = await family();
      const [mother, teen, older] = ['mother', 'teen', 'older'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember];
      const story = await written(teen, teen, 'Ik wil dat ze naar mij luisteren.');
      const waiting = await storyConsent(made, teen, wmo, [teen]);

      const pending = await read(wmo, made.id);
      expect(pending.redactions.find((r) => r.recordId === story.id && r.field === 'text')?.reason).toBe('CONSENT_PENDING');

      await sut.dataSource.query(`INSERT INTO consent_signature (consent_id, member_id, capacity, signed_at) VALUES ($1, $2, 'PARENT_WITH_AUTHORITY', now())`, [waiting.id, mother.id]);
      expect(stories(await read(wmo, made.id))[0]).toMatchObject({ id: story.id, authorMemberId: teen.id, section: { text: 'Ik wil dat ze naar mij luisteren.' } });

      const readsIn = async (member: MadeMember) =>
        (await ok<LogAnswer>(member, MY_LOG, { filter: { activity: 'READ_FAMILY_FILE' } })).accessLog.edges.flatMap((e) => e.node.decisions.filter((d) => d.targetIds.includes(story.id)).map((d) => d.outcome)).sort();
      expect(await readsIn(teen)).toEqual(['ALLOWED', 'DENIED']);
      expect(await readsIn(mother)).toEqual(['ALLOWED', 'DENIED']);
      expect(await readsIn(older)).toEqual([]);
    });
  });
});
