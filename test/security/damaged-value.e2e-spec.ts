import { circleOfCare, newWorld, type Bearer, type Circle, type World } from '../support/factories';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/*
 * Issue 13, point 8: one stored value that fails to authenticate must not hide the whole
 * family file. Just that field is withheld, with the reason DATA_INTEGRITY, in the
 * redactions and in the access log, and the privacy officer counts it as an integrity
 * alarm. Never a wrong value. A family data key that does not unwrap still fails the
 * whole file. Each test damages one value behind the gateway's back and restores it.
 */
const FILE = `
  members { id name birthDate }
  involvements { id organisation { id } }
  records { id sectionType subjectMemberIds section { ... on CareTrajectory { provider diagnosis medication } } }
  redactions { path field category reason memberId recordId involvementId }`;
const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { ${FILE} } }`;
const MINE = `{ myFamily { ${FILE} } }`;
const ALARMS = `query($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day integrityAlarms } }`;
const LOG = `query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 200) { edges { node { id activity decision decisions { outcome reason category fields targetKind targetIds } actor { kind } } } } }`;

interface File {
  members: { id: string; name: string | null; birthDate: string | null }[];
  involvements: { id: string; organisation: { id: string } | null }[];
  records: { id: string; sectionType: string; subjectMemberIds: string[]; section: Record<string, unknown> }[];
  redactions: { path: string; field: string; category: string; reason: string; memberId: string | null; recordId: string | null; involvementId: string | null }[];
}
interface LogNode {
  id: string;
  activity: string;
  decision: string;
  decisions: { outcome: string; reason: string | null; category: string | null; fields: string[]; targetKind: string | null; targetIds: string[] }[];
}
/** One decision, with the activity of its entry. */
type LoggedDecision = LogNode['decisions'][number] & { activity: string };

describe('a damaged value is withheld alone, as DATA_INTEGRITY, and counted as an integrity alarm', () => {
  let sut: TestGateway;
  let world: World;
  // Each test damages a circle of its own, so one test's alarms and log entries are never another's.
  let c: Circle;
  let daansCare: string;

  const professional = async (who: Bearer, purpose: string): Promise<File> => {
    const answer = await sut.graphql<{ family: File }>(READ, { token: await world.tokenFor(who), variables: { id: c.family.id, purpose } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.family as File;
  };
  const member = async (who: Bearer): Promise<File> => {
    const answer = await sut.graphql<{ myFamily: File }>(MINE, { token: await world.tokenFor(who) });
    expect(answer.errors).toBeUndefined();
    return answer.data?.myFamily as File;
  };
  /** An officer's count of integrity alarms over the last 30 days (the chain privacy officer's by default). */
  const alarms = async (who: Bearer = c.chainOfficer): Promise<number> => {
    const answer = await sut.graphql<{ accessLogDays: { integrityAlarms: number }[] }>(ALARMS, { token: await world.tokenFor(who), variables: { filter: {} } });
    expect(answer.errors).toBeUndefined();
    return (answer.data?.accessLogDays ?? []).reduce((sum, d) => sum + d.integrityAlarms, 0);
  };
  /** The decisions denied DATA_INTEGRITY in the entries the chain privacy officer finds with the filter reason DATA_INTEGRITY. */
  const integrityEntries = async (): Promise<LoggedDecision[]> => {
    const answer = await sut.graphql<{ accessLog: { edges: { node: LogNode }[] } }>(LOG, { token: await world.tokenFor(c.chainOfficer), variables: { filter: { reason: 'DATA_INTEGRITY' } } });
    expect(answer.errors).toBeUndefined();
    const entries = answer.data?.accessLog.edges.map((e) => e.node) ?? [];
    // The filter finds entries with such a decision, and only those.
    expect(entries.every((e) => e.decisions.some((d) => d.reason === 'DATA_INTEGRITY'))).toBe(true);
    return entries.flatMap((e) => e.decisions.filter((d) => d.reason === 'DATA_INTEGRITY').map((d) => ({ ...d, activity: e.activity })));
  };
  const redaction = (file: File, where: Partial<File['redactions'][number]>) => file.redactions.filter((r) => Object.entries(where).every(([k, v]) => r[k as keyof typeof r] === v));

  /** Flips one bit of a member's sealed value, runs `check`, and puts the value back. */
  const withDamagedMember = async (memberId: string, column: 'name_ciphertext' | 'birth_date_ciphertext', check: () => Promise<void>) => {
    const [row] = await sut.dataSource.query<{ sealed: Buffer }[]>(`SELECT ${column} AS sealed FROM family_member WHERE id = $1`, [memberId]);
    await sut.dataSource.query(`UPDATE family_member SET ${column} = set_byte(${column}, 30, get_byte(${column}, 30) # 1) WHERE id = $1`, [memberId]);
    try {
      await check();
    } finally {
      await sut.dataSource.query(`UPDATE family_member SET ${column} = $2 WHERE id = $1`, [memberId, row?.sealed]);
    }
  };
  const withDamagedRecordField = async (recordId: string, field: string, check: () => Promise<void>) => {
    const [row] = await sut.dataSource.query<{ fields: Record<string, string> }[]>(`SELECT encrypted_fields AS fields FROM record WHERE id = $1`, [recordId]);
    const original = row?.fields as Record<string, string>;
    const sealed = Buffer.from(original[field] as string, 'base64');
    sealed[30] = (sealed[30] as number) ^ 1;
    await sut.dataSource.query(`UPDATE record SET encrypted_fields = $2 WHERE id = $1`, [recordId, JSON.stringify({ ...original, [field]: sealed.toString('base64') })]);
    try {
      await check();
    } finally {
      await sut.dataSource.query(`UPDATE record SET encrypted_fields = $2 WHERE id = $1`, [recordId, JSON.stringify(original)]);
    }
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'damaged_value', seedDemoWorld: false });
    world = newWorld(sut);
  });
  beforeEach(async () => {
    c = await circleOfCare(world);
    daansCare = c.records.teenCare;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a damaged diagnosis: youth care (its own record) and the mother get the rest of the file, the diagnosis withheld as DATA_INTEGRITY, logged and counted', async () => {
    await withDamagedRecordField(daansCare, 'diagnosis', async () => {
      const before = await alarms();
      const file = await professional(c.youthCare, 'SUPPORT_PLANNING');
      const care = file.records.find((r) => r.id === daansCare);
      expect(care?.section).toMatchObject({ provider: 'Jeugdhulp Friesland, ambulante gezinsbegeleiding', diagnosis: null, medication: 'Methylfenidaat 10 mg, twee keer per dag' });
      expect(file.records).toHaveLength(7);
      expect(file.records.find((r) => r.sectionType === 'CareTrajectory' && r.subjectMemberIds.includes(c.young.id))?.section['diagnosis']).toBe('Aanpassingsstoornis met angstklachten');
      expect(redaction(file, { recordId: daansCare, field: 'diagnosis' })).toEqual([
        { path: `records.${daansCare}.diagnosis`, field: 'diagnosis', category: 'HEALTH', reason: 'DATA_INTEGRITY', memberId: null, recordId: daansCare, involvementId: null },
      ]);
      expect(redaction(file, { reason: 'DATA_INTEGRITY' })).toHaveLength(1);

      const mine = await member(c.mother);
      expect(mine.records.find((r) => r.id === daansCare)?.section).toMatchObject({ diagnosis: null, medication: 'Methylfenidaat 10 mg, twee keer per dag' });
      expect(redaction(mine, { recordId: daansCare, field: 'diagnosis', reason: 'DATA_INTEGRITY' })).toHaveLength(1);

      // Each read wrote one DENIED entry for the damaged field, found with the filter and counted for the officer.
      const logged = (await integrityEntries()).filter((e) => e.targetIds.includes(daansCare));
      expect(logged.map((e) => ({ activity: e.activity, decision: e.outcome, category: e.category, fields: e.fields })).sort((a, b) => a.activity.localeCompare(b.activity))).toEqual([
        { activity: 'READ_FAMILY_FILE', decision: 'DENIED', category: 'HEALTH', fields: ['diagnosis'] },
        { activity: 'READ_OWN_FILE', decision: 'DENIED', category: 'HEALTH', fields: ['diagnosis'] },
      ]);
      expect(await alarms()).toBe(before + 2);
    });
    // Restored: served again, nothing withheld for integrity.
    const file = await professional(c.youthCare, 'SUPPORT_PLANNING');
    expect(file.records.find((r) => r.id === daansCare)?.section['diagnosis']).toBe('ADHD, gecombineerd beeld');
    expect(redaction(file, { reason: 'DATA_INTEGRITY' })).toEqual([]);
  });

  it('a damaged member name: the team that registered the family and the mother herself get everything else', async () => {
    await withDamagedMember(c.mother.id, 'name_ciphertext', async () => {
      const before = await alarms();
      const file = await professional(c.wmo, 'CASE_COORDINATION');
      const marieke = file.members.find((m) => m.id === c.mother.id);
      expect(marieke?.name).toBeNull();
      expect(marieke?.birthDate).not.toBeNull();
      expect(file.members.find((m) => m.id === c.father.id)?.name).toBe(c.father.name);
      expect(redaction(file, { memberId: c.mother.id, field: 'name' })).toEqual([
        { path: `members.${c.mother.id}.name`, field: 'name', category: 'PERSONAL_IDENTITY', reason: 'DATA_INTEGRITY', memberId: c.mother.id, recordId: null, involvementId: null },
      ]);

      const mine = await member(c.mother);
      expect(mine.members.find((m) => m.id === c.mother.id)?.name).toBeNull();
      expect(mine.members.find((m) => m.id === c.teen.id)?.name).toBe(c.teen.name);
      expect(redaction(mine, { memberId: c.mother.id, field: 'name', reason: 'DATA_INTEGRITY' })).toHaveLength(1);

      const logged = (await integrityEntries()).filter((e) => e.targetKind === 'MEMBER' && e.targetIds.includes(c.mother.id));
      expect(logged.map((e) => `${e.activity} ${e.outcome} ${e.category} ${e.fields.join(',')}`).sort()).toEqual([
        'READ_FAMILY_FILE DENIED PERSONAL_IDENTITY name',
        'READ_OWN_FILE DENIED PERSONAL_IDENTITY name',
      ]);
      expect(await alarms()).toBe(before + 2);
    });
  });

  it('a damaged birth date: the read goes on, capacity cannot be established, so consents that need it do not count (deny by default, said so)', async () => {
    // Undamaged, the case director sees youth care's involvement: every member consented to the overview (the 14-year-old with his mother).
    const healthy = await professional(c.wmo, 'CASE_COORDINATION');
    expect(healthy.involvements.some((i) => i.organisation?.id === c.youthCare.id)).toBe(true);

    await withDamagedMember(c.teen.id, 'birth_date_ciphertext', async () => {
      const before = await alarms();
      const file = await professional(c.wmo, 'CASE_COORDINATION');
      const daan = file.members.find((m) => m.id === c.teen.id);
      expect(daan).toMatchObject({ name: c.teen.name, birthDate: null });
      expect(redaction(file, { memberId: c.teen.id, field: 'birthDate' })).toEqual([expect.objectContaining({ reason: 'DATA_INTEGRITY', category: 'PERSONAL_IDENTITY' })]);
      // Daan's consent to the overview cannot be judged without his age: it does not count, and the redaction says why.
      expect(file.involvements.some((i) => i.organisation?.id === c.youthCare.id)).toBe(false);
      const hidden = file.involvements.filter((i) => i.organisation === null).map((i) => redaction(file, { involvementId: i.id })[0]?.reason);
      expect(hidden.length).toBeGreaterThan(0);
      expect(new Set(hidden)).toEqual(new Set(['DATA_INTEGRITY']));
      // The team's own involvement and the other members' values are unaffected.
      expect(file.involvements.some((i) => i.organisation?.id === c.wmo.id)).toBe(true);
      expect(file.members.find((m) => m.id === c.mother.id)?.birthDate).not.toBeNull();

      // Daan sees himself; his birth date withheld as DATA_INTEGRITY.
      const his = await member(c.teen);
      expect(his.members.map((m) => m.id)).toEqual([c.teen.id]);
      expect(redaction(his, { memberId: c.teen.id, field: 'birthDate', reason: 'DATA_INTEGRITY' })).toHaveLength(1);
      expect(his.records.map((r) => r.id)).toEqual([daansCare]);

      // Whether the 14-year-old is under 16, so in his mother's reach, cannot be established: he is not in her view (deny by default).
      const hers = await member(c.mother);
      expect(hers.members.map((m) => m.id).sort()).toEqual([c.mother.id, c.young.id].sort());
      expect(JSON.stringify(hers)).not.toContain(c.teen.id);

      const logged = (await integrityEntries()).filter((e) => e.targetKind === 'MEMBER' && e.targetIds.includes(c.teen.id) && e.fields.includes('birthDate'));
      expect(new Set(logged.map((e) => e.activity))).toEqual(new Set(['READ_FAMILY_FILE', 'READ_OWN_FILE']));
      expect(await alarms()).toBeGreaterThan(before);
    });
  });

  it('a family data key that does not unwrap still fails the whole file: no data for anyone', async () => {
    const [row] = await sut.dataSource.query<{ key: Buffer }[]>(`SELECT wrapped_data_key AS key FROM family WHERE id = $1`, [c.family.id]);
    await sut.dataSource.query(`UPDATE family SET wrapped_data_key = set_byte(wrapped_data_key, 30, get_byte(wrapped_data_key, 30) # 1) WHERE id = $1`, [c.family.id]);
    try {
      const answer = await sut.graphql<{ family: File | null }>(READ, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id, purpose: 'CASE_COORDINATION' } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('DATA_INTEGRITY');
      expect(answer.data?.family ?? null).toBeNull();
      const mine = await sut.graphql<{ myFamily: File | null }>(MINE, { token: await world.tokenFor(c.mother) });
      expect(mine.errors?.[0]?.extensions?.code).toBe('DATA_INTEGRITY');
      expect(JSON.stringify(mine)).not.toContain(c.mother.name);
    } finally {
      await sut.dataSource.query(`UPDATE family SET wrapped_data_key = $2 WHERE id = $1`, [c.family.id, row?.key]);
    }
  });

  it('the count is the officer\'s scope: the WMO team\'s privacy officer does not count youth care\'s alarm, the chain\'s officer does', async () => {
    const before = { team: await alarms(c.officer), chain: await alarms() };
    await withDamagedRecordField(daansCare, 'medication', async () => {
      await professional(c.youthCare, 'SUPPORT_PLANNING');
    });
    expect({ team: await alarms(c.officer), chain: await alarms() }).toEqual({ team: before.team, chain: before.chain + 1 });
  });
});
