import { ManualClock } from '@kring/config';
import { Domain, ProfessionalRole } from '@kring/identity';
import { asking } from './support/asking';
import { householdOfFive, newWorld, type MadeFamily, type MadeProfessional, type Partner, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const REFERRAL = `id familyId subjectMemberId service { id name } referringOrganisation { id } receivingOrganisation { id } status referredAt answeredAt waitingWeeks waitingTimeStatedOn purpose consentId consentStatus awaitingSignatureFrom note declineReason`;
const INCOMING = `id service { id name } referringOrganisation { id name } status referredAt answeredAt waitingWeeks waitingTimeStatedOn purpose categories consentActive member { id name } note familyId declineReason`;
const REFER = `mutation($input: ReferToServiceInput!) { referToService(input: $input) { ${REFERRAL} } }`;
const FAMILY_REFERRALS = `query($familyId: ID!) { referrals(familyId: $familyId) { ${REFERRAL} } }`;
const OUR_REFERRALS = `{ ourReferrals { ${REFERRAL} } }`;
const INCOMING_REFERRALS = `{ incomingReferrals { ${INCOMING} } }`;
const ACCEPT = `mutation($id: ID!) { acceptReferral(id: $id) { ${INCOMING} } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { ${INCOMING} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawReferral(id: $id) { ${REFERRAL} } }`;
const SIGN = `mutation($id: ID!) { signConsent(id: $id) { id status awaitingSignatureFrom referralId grantedByMemberId } }`;
const PUBLISH = `mutation($input: PublishServiceInput!) { publishService(input: $input) { id waitingWeeks waitingTimeStatedOn } }`;
const WITHDRAW_SERVICE = `mutation($id: ID!) { withdrawService(id: $id) }`;
const READ_FILE = `query($id: ID!, $purpose: String!) {
  family(id: $id, purpose: $purpose) {
    id members { id name }
    records { id subjectMemberIds section { ... on CareTrajectory { goals diagnosis } ... on ContactDetails { phone } } }
    redactions { field category reason memberId recordId }
  }
}`;
const ERASE = `mutation($id: ID!, $reason: String!) { eraseFamily(id: $id, reason: $reason) { familyId } }`;

interface Referral {
  id: string;
  familyId: string;
  subjectMemberId: string;
  service: { id: string; name: string };
  referringOrganisation: { id: string };
  receivingOrganisation: { id: string };
  status: string;
  waitingWeeks: number | null;
  waitingTimeStatedOn: string | null;
  consentId: string;
  consentStatus: string;
  awaitingSignatureFrom: string[];
  note: string | null;
  declineReason: string | null;
}
interface Incoming {
  id: string;
  status: string;
  consentActive: boolean;
  member: { id: string; name: string | null } | null;
  note: string | null;
  familyId: string | null;
  declineReason: string | null;
  categories: string[];
  waitingWeeks: number | null;
}
interface FileAnswer {
  id: string;
  members: { id: string; name: string | null }[];
  records: { id: string; subjectMemberIds: string[]; section: { goals?: string[] | null; diagnosis?: string | null; phone?: string | null } }[];
  redactions: { field: string; category: string; reason: string; memberId: string | null; recordId: string | null }[];
}

const NOTE = 'Daan loopt vast op school; graag een gesprek met de schoolmaatschappelijk werker.';

/**
 * Referral (DESIGN.md §9, verwijzing; docs/referral.md): an involved professional refers a member
 * to a service of the social map, in one step with the consent it needs; the family signs it by
 * the capacity rule; the service's organisation is involved, and reads, only once it accepts and
 * the consent is active. Declining has a reason; every act and read is in the access log; the
 * texts are erased with the family.
 */
describe('referral (verwijzing)', () => {
  const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
  let sut: TestGateway;
  let world: World;
  let youth: Partner;
  let school: Partner;
  let schoolLead: MadeProfessional;
  let debt: Partner;
  let chainOfficer: MadeProfessional;
  let serviceId: string;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];

  const refusalOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.['refusal'];

  /** A household of five, involved with youth care, which wrote Daan's (the teen's) care trajectory with a diagnosis and his phone number. */
  const household = async (): Promise<MadeFamily> => {
    const family = await householdOfFive(world, youth);
    await world.involve(family, youth);
    await world.record(family, { source: youth, sectionType: 'CareTrajectory', subjects: [family.member('teen')], values: { provider: 'Jeugdhulp', goals: ['Weer naar school'], diagnosis: 'ADHD' } });
    await world.record(family, { source: youth, sectionType: 'ContactDetails', subjects: [family.member('teen')], values: { phone: '06-11112222' } });
    return family;
  };
  const refer = async (family: MadeFamily, over: Record<string, unknown> = {}) =>
    (
      await ok<{ referToService: Referral }>(youth, REFER, {
        input: { familyId: family.id, memberId: family.member('teen').id, serviceId, purpose: 'SUPPORT_PLANNING', categories: ['PERSONAL_IDENTITY', 'CARE_TRAJECTORY'], note: NOTE, ...over },
      })
    ).referToService;
  const incoming = async (id: string) => (await ok<{ incomingReferrals: Incoming[] }>(school, INCOMING_REFERRALS)).incomingReferrals.find((r) => r.id === id);
  const readFile = (family: MadeFamily) => ask<{ family: FileAnswer | null }>(school, READ_FILE, { id: family.id, purpose: 'SUPPORT_PLANNING' });
  const sign = (family: MadeFamily, label: string, consentId: string) => ok<{ signConsent: { status: string; referralId: string | null; grantedByMemberId: string | null } }>(family.member(label), SIGN, { id: consentId });
  const logged = (activity: string, referralId: string) =>
    sut.dataSource.query<{ subjects: string[]; outcome: string; basis: string | null; fields: string[]; actor_organisation_id: string | null }[]>(
      `SELECT subject_member_ids::text[] AS subjects, outcome, basis, fields, actor_organisation_id FROM access_log_decision WHERE activity = $1 AND target_kind = 'REFERRAL' AND $2 = ANY(target_ids::text[]) ORDER BY fields`,
      [activity, referralId],
    );

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'referral', seedDemoWorld: false, clock });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    youth = await world.partner(Domain.YOUTH_CARE, { organisationName: 'Jeugdhulp Zuidoost' });
    school = await world.partner(Domain.EDUCATION, { organisationName: 'Schoolmaatschappelijk Werk Zuidoost' });
    schoolLead = await world.professional(school.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    debt = await world.partner(Domain.DEBT_ASSISTANCE, { organisationName: 'Schuldhulp Zuidoost' });
    chainOfficer = await world.professional(debt.organisation, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
    serviceId = (
      await ok<{ publishService: { id: string } }>(school, PUBLISH, {
        input: { name: 'Schoolmaatschappelijk werk', description: 'Voor leerlingen die niet lekker in hun vel zitten, en hun ouders.', domain: 'EDUCATION', problems: ['SCHOOL'], municipalityCodes: ['GM0074'], accessRoute: 'REFERRAL', phone: '0513 000000', waitingWeeks: 3 },
      })
    ).publishService.id;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('the receiving organisation reads nothing until the family signed and it accepted, then exactly what the consent covers', async () => {
    const family = await household();
    const teen = family.member('teen');
    const referral = await refer(family);
    expect(referral).toMatchObject({ status: 'PROPOSED', subjectMemberId: teen.id, waitingWeeks: 3, waitingTimeStatedOn: '2026-12-07', consentStatus: 'PENDING', note: NOTE, receivingOrganisation: { id: school.organisation.id } });
    // Daan is 14: he and a parent sign (either parent suffices; both are awaited until one does).
    expect(referral.awaitingSignatureFrom).toEqual([teen.id, family.member('father').id, family.member('mother').id].sort((a, b) => (a === teen.id ? -1 : b === teen.id ? 1 : a.localeCompare(b))));

    // Proposed: not involved, so the file does not exist for it; the incoming list has no personal data.
    expect(codeOf(await readFile(family))).toBe('NOT_FOUND');
    const before = await ask<{ incomingReferrals: Incoming[] }>(school, INCOMING_REFERRALS);
    // The raw JSON of this referral as the organisation receives it (others in the list are other tests' families).
    const raw = JSON.stringify(before.data?.incomingReferrals.find((r) => r.id === referral.id));
    expect(raw).toContain(referral.id);
    for (const secret of [family.id, teen.id, teen.name, NOTE, 'ADHD']) expect(raw).not.toContain(secret);
    expect(await incoming(referral.id)).toMatchObject({ status: 'PROPOSED', consentActive: false, member: null, note: null, familyId: null, categories: ['PERSONAL_IDENTITY', 'CARE_TRAJECTORY'] });
    expect(refusalOf(await ask(school, ACCEPT, { id: referral.id }))).toBe('CONSENT_NOT_ACTIVE');

    // Daan signs: still pending (a parent must too); the consent names the referral, and no member granted it.
    expect((await sign(family, 'teen', referral.consentId)).signConsent).toMatchObject({ status: 'PENDING', referralId: referral.id, grantedByMemberId: null });
    expect(refusalOf(await ask(schoolLead, ACCEPT, { id: referral.id }))).toBe('CONSENT_NOT_ACTIVE');
    expect(codeOf(await readFile(family))).toBe('NOT_FOUND');
    // His mother signs: the consent is active, but the organisation is still not involved until it accepts.
    expect((await sign(family, 'mother', referral.consentId)).signConsent.status).toBe('ACTIVE');
    expect(codeOf(await readFile(family))).toBe('NOT_FOUND');
    expect(await incoming(referral.id)).toMatchObject({ consentActive: true, member: { id: teen.id, name: teen.name }, note: NOTE, familyId: null });

    const accepted = (await ok<{ acceptReferral: Incoming }>(schoolLead, ACCEPT, { id: referral.id })).acceptReferral;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', familyId: family.id });
    const file = (await readFile(family)).data?.family as FileAnswer;
    // Daan's name and his care trajectory's goals; not his diagnosis (HEALTH), his phone (CONTACT), nor anyone else's name.
    expect(file.members.filter((m) => m.name !== null).map((m) => m.id)).toEqual([teen.id]);
    const trajectory = file.records.find((r) => r.section.goals !== undefined);
    expect(trajectory?.section).toEqual({ goals: ['Weer naar school'], diagnosis: null });
    // Who wrote it (INVOLVEMENT) is not in the consent either.
    expect(file.redactions.filter((r) => r.recordId === trajectory?.id).map((r) => `${r.category} ${r.reason}`).sort()).toEqual(['HEALTH NO_CONSENT', 'INVOLVEMENT NO_CONSENT']);
    expect(file.redactions.some((r) => r.category === 'CONTACT' && r.reason === 'NO_CONSENT')).toBe(true);
    // The involvement starts today, with the accepting team lead as its contact; a second answer is refused.
    expect(await sut.dataSource.query(`SELECT starts_on::text AS starts_on, ends_on, contact_professional_id FROM involvement WHERE family_id = $1 AND organisation_id = $2`, [family.id, school.organisation.id])).toEqual([
      { starts_on: '2026-12-07', ends_on: null, contact_professional_id: schoolLead.id },
    ]);
    expect(refusalOf(await ask(school, DECLINE, { id: referral.id, reason: 'Toch geen plek voor hem.' }))).toBe('NOT_PROPOSED');
    // The referrer sees it accepted.
    const seen = (await ok<{ referrals: Referral[] }>(youth, FAMILY_REFERRALS, { familyId: family.id })).referrals;
    expect(seen.map((r) => [r.id, r.status, r.consentStatus, r.note])).toEqual([[referral.id, 'ACCEPTED', 'ACTIVE', NOTE]]);
  });

  it('a consent proposed with a referral never counts before its signatures, even for an organisation involved otherwise', async () => {
    const family = await household();
    const referral = await refer(family);
    // The school becomes involved by another way (registered today): the proposal alone still lets it read nothing of Daan's.
    await world.involve(family, school);
    const file = (await readFile(family)).data?.family as FileAnswer;
    expect(file.members.every((m) => m.name === null)).toBe(true);
    expect(file.redactions.filter((r) => r.memberId === family.member('teen').id && r.category === 'PERSONAL_IDENTITY').map((r) => r.reason)).toContain('CONSENT_PENDING');
    expect(referral.consentStatus).toBe('PENDING');
  });

  it('the receiving organisation declines with a reason the family and the referrer read; the consent ends and nothing becomes readable', async () => {
    const family = await household();
    const referral = await refer(family);
    await sign(family, 'teen', referral.consentId);
    await sign(family, 'father', referral.consentId);
    expect(refusalOf(await ask(school, DECLINE, { id: referral.id, reason: 'Kort.' }))).toBe('REASON_LENGTH');
    const declined = (await ok<{ declineReferral: Incoming }>(school, DECLINE, { id: referral.id, reason: 'Wij hebben deze maand geen plek; bel over vier weken.' })).declineReferral;
    expect(declined).toMatchObject({ status: 'DECLINED', familyId: null, declineReason: 'Wij hebben deze maand geen plek; bel over vier weken.' });
    expect(codeOf(await readFile(family))).toBe('NOT_FOUND');
    expect(refusalOf(await ask(school, ACCEPT, { id: referral.id }))).toBe('NOT_PROPOSED');
    const byReferrer = (await ok<{ referrals: Referral[] }>(youth, FAMILY_REFERRALS, { familyId: family.id })).referrals[0];
    expect(byReferrer).toMatchObject({ status: 'DECLINED', consentStatus: 'REVOKED', declineReason: 'Wij hebben deze maand geen plek; bel over vier weken.' });
    const byMother = (await ok<{ ourReferrals: Referral[] }>(family.member('mother'), OUR_REFERRALS)).ourReferrals;
    expect(byMother.map((r) => [r.id, r.status, r.declineReason])).toEqual([[referral.id, 'DECLINED', 'Wij hebben deze maand geen plek; bel over vier weken.']]);
  });

  it('the referrer withdraws a proposed referral; its consent ends, and it can no longer be accepted', async () => {
    const family = await household();
    const referral = await refer(family);
    expect(codeOf(await ask(debt, WITHDRAW, { id: referral.id }))).toBe('NOT_FOUND');
    const withdrawn = (await ok<{ withdrawReferral: Referral }>(youth, WITHDRAW, { id: referral.id })).withdrawReferral;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', consentStatus: 'REVOKED' });
    expect(refusalOf(await ask(school, ACCEPT, { id: referral.id }))).toBe('NOT_PROPOSED');
  });

  it('refuses what cannot be referred, each with its field and refusal', async () => {
    const family = await household();
    const other = await household();
    const input = (over: Record<string, unknown>) => ({ input: { familyId: family.id, memberId: family.member('teen').id, serviceId, purpose: 'SUPPORT_PLANNING', categories: ['CARE_TRAJECTORY'], ...over } });
    const refusal = async (bearer: Partner | MadeProfessional, over: Record<string, unknown>) => {
      const answer = await ask(bearer, REFER, input(over));
      return [codeOf(answer), answer.errors?.[0]?.extensions?.['field'] ?? null, refusalOf(answer) ?? null];
    };
    const own = (await ok<{ publishService: { id: string } }>(youth, PUBLISH, { input: { name: 'Gezinscoaching', description: 'Een coach thuis als opvoeden even niet lukt.', domain: 'YOUTH_CARE', problems: ['OPVOEDING'], municipalityCodes: ['GM0074'], accessRoute: 'REFERRAL', phone: '0513 000001' } })).publishService.id;
    const gone = (await ok<{ publishService: { id: string } }>(school, PUBLISH, { input: { name: 'Huiswerkklas', description: 'Huiswerk maken na school, met hulp van een student.', domain: 'EDUCATION', problems: ['SCHOOL'], municipalityCodes: ['GM0074'], accessRoute: 'WALK_IN', phone: '0513 000002' } })).publishService.id;
    await ok(school, WITHDRAW_SERVICE, { id: gone });
    expect(await refusal(youth, { serviceId: own })).toEqual(['BAD_USER_INPUT', 'serviceId', 'OWN_ORGANISATION']);
    expect(await refusal(youth, { serviceId: gone })).toEqual(['BAD_USER_INPUT', 'serviceId', 'SERVICE_WITHDRAWN']);
    expect(await refusal(youth, { serviceId: '00000000-0000-4000-8000-000000000000' })).toEqual(['BAD_USER_INPUT', 'serviceId', 'UNKNOWN_SERVICE']);
    expect(await refusal(youth, { memberId: other.member('teen').id })).toEqual(['BAD_USER_INPUT', 'memberId', 'NOT_A_MEMBER']);
    expect(await refusal(youth, { purpose: 'DEBT_RESOLUTION' })).toEqual(['BAD_USER_INPUT', 'purpose', 'PURPOSE_NOT_FOR_RECIPIENT']);
    expect(await refusal(youth, { purpose: 'MARKETING' })).toEqual(['UNKNOWN_PURPOSE', 'purpose', 'UNKNOWN_PURPOSE']);
    expect(await refusal(youth, { categories: [] })).toEqual(['BAD_USER_INPUT', 'categories', 'NO_CATEGORIES']);
    expect(await refusal(youth, { note: 'x'.repeat(2001) })).toEqual(['BAD_USER_INPUT', 'note', 'NOTE_LENGTH']);
    // Not involved: the family does not exist for the caller.
    expect(await refusal(debt, {})).toEqual(['NOT_FOUND', null, null]);
    // An organisation involved today needs no referral.
    await world.involve(other, school);
    expect(await refusal(youth, { familyId: other.id, memberId: other.member('teen').id })).toEqual(['BAD_USER_INPUT', 'serviceId', 'ALREADY_INVOLVED']);
    // A second proposed referral of the same member to the same service.
    await refer(family);
    expect(await refusal(youth, {})).toEqual(['BAD_USER_INPUT', 'serviceId', 'ALREADY_PROPOSED']);
    // Members and officers do not refer (the guard); another organisation's professional does not accept.
    expect(codeOf(await ask(family.member('mother'), REFER, input({})))).toBe('FORBIDDEN');
    expect(codeOf(await ask(chainOfficer, REFER, input({})))).toBe('FORBIDDEN');
    const referral = (await ok<{ referrals: Referral[] }>(youth, FAMILY_REFERRALS, { familyId: family.id })).referrals[0] as Referral;
    expect(codeOf(await ask(debt, ACCEPT, { id: referral.id }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(youth, ACCEPT, { id: referral.id }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(debt, FAMILY_REFERRALS, { familyId: family.id }))).toBe('NOT_FOUND');
  });

  it('a member sees the referrals of their reach and nothing of another member\'s: Sanne (17) sees none of Daan\'s', async () => {
    const family = await household();
    const referral = await refer(family);
    const ofTeen = (await ok<{ ourReferrals: Referral[] }>(family.member('teen'), OUR_REFERRALS)).ourReferrals;
    expect(ofTeen.map((r) => [r.id, r.note, r.awaitingSignatureFrom.includes(family.member('teen').id)])).toEqual([[referral.id, NOTE, true]]);
    expect((await ok<{ ourReferrals: Referral[] }>(family.member('mother'), OUR_REFERRALS)).ourReferrals.map((r) => r.id)).toEqual([referral.id]);
    const older = await ask<{ ourReferrals: Referral[] }>(family.member('older'), OUR_REFERRALS);
    expect(older.data?.ourReferrals).toEqual([]);
    const raw = JSON.stringify(older);
    for (const secret of [referral.id, referral.consentId, 'Schoolmaatschappelijk', school.organisation.id, NOTE]) expect(raw).not.toContain(secret);
    // And she cannot sign his consent.
    expect(codeOf(await ask(family.member('older'), SIGN, { id: referral.consentId }))).toBe('CONSENT_CAPACITY');
  });

  it('every act and read is in the access log, about the member referred', async () => {
    const family = await household();
    const teen = family.member('teen').id;
    const referral = await refer(family);
    await ok(youth, FAMILY_REFERRALS, { familyId: family.id });
    await ok(family.member('teen'), OUR_REFERRALS);
    await incoming(referral.id);
    await sign(family, 'teen', referral.consentId);
    await sign(family, 'mother', referral.consentId);
    await ok(school, ACCEPT, { id: referral.id });
    expect(await logged('REFER_TO_SERVICE', referral.id)).toEqual([{ subjects: [teen], outcome: 'ALLOWED', basis: 'OWN_RECORD', fields: ['service', 'note'], actor_organisation_id: youth.organisation.id }]);
    const reads = await logged('READ_REFERRALS', referral.id);
    expect(reads.map((r) => [r.basis, r.actor_organisation_id])).toEqual(
      expect.arrayContaining([
        ['OWN_RECORD', youth.organisation.id],
        ['DATA_SUBJECT', null],
        ['OWN_RECORD', school.organisation.id],
      ]),
    );
    expect(reads.every((r) => r.subjects.length === 1 && r.subjects[0] === teen)).toBe(true);
    expect((await logged('ACCEPT_REFERRAL', referral.id)).map((r) => [r.subjects, r.fields, r.actor_organisation_id])).toEqual([[[teen], ['status', 'involvement'], school.organisation.id]]);
    // A refused attempt by an organisation it is not for is logged as a refusal.
    const other = await refer(await household());
    await ask(debt, DECLINE, { id: other.id, reason: 'Dit is niet voor ons bedoeld.' });
    expect(await sut.dataSource.query(`SELECT outcome, reason FROM access_log_decision WHERE activity = 'DECLINE_REFERRAL' AND $1 = ANY(target_ids::text[])`, [other.id])).toEqual([{ outcome: 'DENIED', reason: 'NOT_INVOLVED' }]);
  });

  it('erasing the family destroys the referral\'s note and decline reason', async () => {
    const family = await household();
    const referral = await refer(family);
    await ok(school, DECLINE, { id: referral.id, reason: 'Wij hebben deze maand geen plek meer.' });
    const texts = () => sut.dataSource.query<{ note: boolean; reason: boolean }[]>(`SELECT note_ciphertext IS NOT NULL AS note, decline_reason_ciphertext IS NOT NULL AS reason FROM referral WHERE id = $1`, [referral.id]);
    expect(await texts()).toEqual([{ note: true, reason: true }]);
    await ok(chainOfficer, ERASE, { id: family.id, reason: 'Verzoek AVG-2026-0201, art. 17 lid 1 sub a' });
    expect(await texts()).toEqual([{ note: false, reason: false }]);
    expect((await ok<{ incomingReferrals: Incoming[] }>(school, INCOMING_REFERRALS)).incomingReferrals.map((r) => r.id)).not.toContain(referral.id);
  });
});
