import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from '@kring/demo-world';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

const REGISTER_ORGANISATION = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name domain oin kvkNumber } }`;
const REGISTER_PROFESSIONAL = `mutation($input: RegisterProfessionalInput!) {
  registerProfessional(input: $input) { id name roles contact subject deactivatedAt organisation { id name } } }`;
const CHANGE_ROLES = `mutation($id: ID!, $roles: [ProfessionalRole!]!) { changeProfessionalRoles(professionalId: $id, roles: $roles) { id roles } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateProfessional(professionalId: $id) { id deactivatedAt } }`;
const DIRECTORY = `query($organisationId: ID) { directoryProfessionals(organisationId: $organisationId) { id name roles contact subject deactivatedAt organisation { id } } }`;
const ME = `{ me { professional { id roles organisation { id } } } }`;

type LoggedEntry = { activity: string; family_id: string | null; subject_member_ids: string[]; decisions: { targetKind: string; targetIds: string[]; sourceOrganisationId: string | null; outcome: string; reason: string | null; fields: string[] }[] };

/** A KvK number no other test of this suite uses (8 digits). */
let nextKvk = 60_000_000;
const kvk = () => String(nextKvk++);

/**
 * Administration (docs/administration.md): Kring's administrator registers organisations and
 * professionals, changes roles and deactivates professionals, through the API, each act in the
 * access log; a deactivated professional's token is refused on the next request of every gateway.
 */
describe('administration of the chain directory', () => {
  let sut: TestGateway;
  let database: pg.Client;
  let admin: string;

  const code = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.code;
  const refusal = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.['refusal'];
  const field = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.['field'];
  const entries = async (activity: string, targetId: string): Promise<LoggedEntry[]> =>
    (
      await database.query<LoggedEntry>(
        `SELECT activity, family_id, subject_member_ids, decisions FROM access_log_entry WHERE activity = $1 AND decisions @> $2::jsonb ORDER BY occurred_at`,
        [activity, JSON.stringify([{ targetIds: [targetId] }])],
      )
    ).rows;
  const count = async (table: 'organisation' | 'professional') => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;
  const register = async (input: Record<string, unknown>) => {
    const answer = await sut.graphql<{ registerProfessional: { id: string; subject: string } }>(REGISTER_PROFESSIONAL, {
      token: admin,
      variables: { input: { organisationId: O.schuldhulp, name: 'Noor Wijnsma', roles: ['PROFESSIONAL'], ...input } },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data?.registerProfessional as { id: string; subject: string };
  };
  /** A token as the identity broker would sign it for this subject. */
  const tokenOf = (subject: string) => sut.issuer.sign({ kind: 'professional', professionalId: subject });

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'administration' });
    database = new pg.Client({ connectionString: sut.database.url });
    await database.connect();
    admin = await sut.tokenFor('admin');
  });
  afterAll(async () => {
    await database.end();
    await sut.close();
  });

  it('registers an organisation with its KvK number; it is in `organisations`, and the act is logged about no member', async () => {
    const number = kvk();
    const answer = await sut.graphql<{ registerOrganisation: { id: string; name: string; domain: string; oin: string | null; kvkNumber: string } }>(REGISTER_ORGANISATION, {
      token: admin,
      variables: { input: { name: '  Stichting Budgetmaatjes Heerenveen ', domain: 'DEBT_ASSISTANCE', kvkNumber: number } },
    });

    expect(answer.errors).toBeUndefined();
    const registered = answer.data?.registerOrganisation;
    expect(registered).toEqual({ id: expect.any(String), name: 'Stichting Budgetmaatjes Heerenveen', domain: 'DEBT_ASSISTANCE', oin: null, kvkNumber: number });
    const listed = await sut.graphql<{ organisations: { id: string; kvkNumber: string | null }[] }>(`{ organisations { id kvkNumber } }`, { token: await sut.tokenFor('wmo') });
    expect(listed.data?.organisations).toContainEqual({ id: registered?.id, kvkNumber: number });
    const logged = await entries('REGISTER_ORGANISATION', registered?.id as string);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ family_id: null, subject_member_ids: [] });
    expect(logged[0]?.decisions).toEqual([expect.objectContaining({ targetKind: 'ORGANISATION', outcome: 'ALLOWED', sourceOrganisationId: registered?.id, fields: ['name', 'domain', 'kvkNumber'] })]);
  });

  it.each([
    ['no number at all', { name: 'Buurtteam Oost', domain: 'WMO' }, 'REGISTRATION_NUMBER_REQUIRED', 'oin'],
    ['an OIN of 19 digits', { name: 'Buurtteam Oost', domain: 'WMO', oin: '0000000100123456700' }, 'OIN_FORMAT', 'oin'],
    ['an OIN of zeros', { name: 'Buurtteam Oost', domain: 'WMO', oin: '00000000000000000000' }, 'OIN_FORMAT', 'oin'],
    ['a KvK number with letters', { name: 'Buurtteam Oost', domain: 'WMO', kvkNumber: '1234567a' }, 'KVK_FORMAT', 'kvkNumber'],
    ['a name of one character', { name: 'B', domain: 'WMO', kvkNumber: '12345678' }, 'NAME_LENGTH', 'name'],
    ['a name over two lines', { name: 'Buurtteam\nOost', domain: 'WMO', kvkNumber: '12345678' }, 'NAME_LENGTH', 'name'],
    ['a name of 201 characters', { name: 'B'.repeat(201), domain: 'WMO', kvkNumber: '12345678' }, 'NAME_LENGTH', 'name'],
    ['the KvK number of a registered organisation', { name: 'Buurtteam Oost', domain: 'WMO', kvkNumber: '90000003' }, 'KVK_NUMBER_TAKEN', 'kvkNumber'],
    ['the OIN of a registered organisation', { name: 'Buurtteam Oost', domain: 'WMO', oin: '00000001001234567000' }, 'OIN_TAKEN', 'oin'],
  ])('refuses an organisation with %s as BAD_USER_INPUT, and stores nothing', async (_, input, expected, expectedField) => {
    const before = await count('organisation');

    const answer = await sut.graphql(REGISTER_ORGANISATION, { token: admin, variables: { input } });

    expect({ code: code(answer), refusal: refusal(answer), field: field(answer) }).toEqual({ code: 'BAD_USER_INPUT', refusal: expected, field: expectedField });
    expect(await count('organisation')).toBe(before);
  });

  it('refuses a NUL character in a name at the boundary, naming the argument', async () => {
    const answer = await sut.graphql(REGISTER_ORGANISATION, { token: admin, variables: { input: { name: 'Buurt\u0000team', domain: 'WMO', kvkNumber: kvk() } } });

    expect(code(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).not.toContain('\u0000');
  });

  it.each(['wmo', 'teamleider', 'fg-gemeente', 'keten-fg', 'marieke'])('refuses %s every administrative act (the permission table), and stores nothing', async (persona) => {
    const token = await sut.tokenFor(persona);
    const organisations = await count('organisation');
    const professionals = await count('professional');

    const answers = [
      await sut.graphql(REGISTER_ORGANISATION, { token, variables: { input: { name: 'Buurtteam Oost', domain: 'WMO', kvkNumber: kvk() } } }),
      await sut.graphql(REGISTER_PROFESSIONAL, { token, variables: { input: { organisationId: O.schuldhulp, name: 'Noor Wijnsma', roles: ['PROFESSIONAL'] } } }),
      await sut.graphql(CHANGE_ROLES, { token, variables: { id: P.schuldhulp, roles: ['TEAM_LEAD'] } }),
      await sut.graphql(DEACTIVATE, { token, variables: { id: P.schuldhulp } }),
      await sut.graphql(DIRECTORY, { token }),
    ];

    expect(answers.map(code)).toEqual(Array(5).fill('FORBIDDEN'));
    expect([await count('organisation'), await count('professional')]).toEqual([organisations, professionals]);
  });

  it('registers a professional who then signs in with the broker\'s subject, with the roles given; the act is logged for their organisation', async () => {
    const subject = `broker|${Date.now()}-noor`;
    const registered = await register({ subject, contact: '0513 61 7701, n.wijnsma@schuldhulpheerenveen.example' });
    expect(registered.subject).toBe(subject);

    const me = await sut.graphql<{ me: { professional: { id: string; roles: string[]; organisation: { id: string } } } }>(ME, { token: await tokenOf(subject) });

    expect(me.errors).toBeUndefined();
    expect(me.data?.me.professional).toEqual({ id: registered.id, roles: ['PROFESSIONAL'], organisation: { id: O.schuldhulp } });
    const logged = await entries('REGISTER_PROFESSIONAL', registered.id);
    expect(logged[0]?.decisions).toEqual([expect.objectContaining({ targetKind: 'PROFESSIONAL', sourceOrganisationId: O.schuldhulp, fields: ['name', 'roles', 'subject', 'contact'] })]);
    // Staff data stays sealed: the name is not in the table in plain text, nor in the log.
    expect(JSON.stringify((await database.query(`SELECT * FROM professional WHERE id = $1`, [registered.id])).rows)).not.toContain('Wijnsma');
    expect(JSON.stringify(logged)).not.toContain('Wijnsma');
  });

  it.each([
    ['no roles', { roles: [] }, 'NO_ROLES', 'roles'],
    ['a subject with a space', { subject: 'broker noor' }, 'SUBJECT_FORMAT', 'subject'],
    ['a subject of 256 characters', { subject: 's'.repeat(256) }, 'SUBJECT_FORMAT', 'subject'],
    ['the subject another professional signs in with', { subject: P.wmo }, 'SUBJECT_TAKEN', 'subject'],
    ['a contact of 301 characters', { contact: 'c'.repeat(301) }, 'CONTACT_LENGTH', 'contact'],
  ])('refuses a professional with %s as BAD_USER_INPUT, and stores nothing', async (_, input, expected, expectedField) => {
    const before = await count('professional');

    const answer = await sut.graphql(REGISTER_PROFESSIONAL, { token: admin, variables: { input: { organisationId: O.schuldhulp, name: 'Noor Wijnsma', roles: ['PROFESSIONAL'], ...input } } });

    expect({ code: code(answer), refusal: refusal(answer), field: field(answer) }).toEqual({ code: 'BAD_USER_INPUT', refusal: expected, field: expectedField });
    expect(await count('professional')).toBe(before);
  });

  it('answers NOT_FOUND for a professional of an organisation that does not exist', async () => {
    const answers = [
      await sut.graphql(REGISTER_PROFESSIONAL, { token: admin, variables: { input: { organisationId: '0b6f3c1e-0001-4c8a-9a51-0000000000ff', name: 'Noor Wijnsma', roles: ['PROFESSIONAL'] } } }),
      await sut.graphql(REGISTER_PROFESSIONAL, { token: admin, variables: { input: { organisationId: 'not-an-id', name: 'Noor Wijnsma', roles: ['PROFESSIONAL'] } } }),
      await sut.graphql(DEACTIVATE, { token: admin, variables: { id: '0b6f3c1e-0004-4c8a-9a51-0000000000ff' } }),
    ];

    expect(answers.map(code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });

  it('changes a professional\'s roles from their next request, and logs it', async () => {
    const { id, subject } = await register({ subject: `broker|${Date.now()}-roles` });
    const token = await tokenOf(subject);
    expect((await sut.graphql<{ me: { professional: { roles: string[] } } }>(ME, { token })).data?.me.professional.roles).toEqual(['PROFESSIONAL']);

    const changed = await sut.graphql<{ changeProfessionalRoles: { roles: string[] } }>(CHANGE_ROLES, { token: admin, variables: { id, roles: ['TEAM_LEAD', 'PROFESSIONAL', 'TEAM_LEAD'] } });

    expect(changed.data?.changeProfessionalRoles.roles).toEqual(['PROFESSIONAL', 'TEAM_LEAD']);
    expect((await sut.graphql<{ me: { professional: { roles: string[] } } }>(ME, { token })).data?.me.professional.roles).toEqual(['PROFESSIONAL', 'TEAM_LEAD']);
    expect((await entries('CHANGE_PROFESSIONAL_ROLES', id))[0]?.decisions[0]).toMatchObject({ outcome: 'ALLOWED', fields: ['roles'] });
  });

  it('refuses an administrator their own roles and their own deactivation (another administrator does it), logged DENIED', async () => {
    const roles = await sut.graphql(CHANGE_ROLES, { token: admin, variables: { id: P.admin, roles: ['ADMIN', 'CHAIN_PRIVACY_OFFICER'] } });
    const deactivated = await sut.graphql(DEACTIVATE, { token: admin, variables: { id: P.admin } });

    expect([code(roles), refusal(roles), code(deactivated), refusal(deactivated)]).toEqual(['FORBIDDEN', 'OWN_REGISTRATION', 'FORBIDDEN', 'OWN_REGISTRATION']);
    expect((await sut.graphql<{ me: { professional: { roles: string[] } } }>(ME, { token: admin })).data?.me.professional.roles).toEqual(['ADMIN']);
    const denied = [...(await entries('CHANGE_PROFESSIONAL_ROLES', P.admin)), ...(await entries('DEACTIVATE_PROFESSIONAL', P.admin))].map((e) => e.decisions[0]);
    expect(denied).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'OWN_REGISTRATION' }), expect.objectContaining({ outcome: 'DENIED', reason: 'OWN_REGISTRATION' })]);
  });

  it('refuses to deactivate a case director until case direction is handed over, logged DENIED; they keep signing in', async () => {
    const answer = await sut.graphql(DEACTIVATE, { token: admin, variables: { id: P.wmo } });

    expect([code(answer), refusal(answer), answer.errors?.[0]?.extensions?.['families']]).toEqual(['FORBIDDEN', 'HOLDS_CASE_DIRECTION', 1]);
    expect((await sut.graphql(ME, { token: await sut.tokenFor('wmo') })).errors).toBeUndefined();
    expect((await entries('DEACTIVATE_PROFESSIONAL', P.wmo)).map((e) => e.decisions[0]?.reason)).toEqual(['HOLDS_CASE_DIRECTION']);
  });

  it('a deactivated professional\'s token is refused on the next request, on this gateway and on a second one that remembered them', async () => {
    const { id, subject } = await register({ subject: `broker|${Date.now()}-leaving` });
    const token = await tokenOf(subject);
    const second = await startTestGateway({ label: 'administration_second', shareDatabaseWith: sut });
    // Each gateway trusts its own test issuer; both are the broker signing for this subject.
    const onSecond = await second.issuer.sign({ kind: 'professional', professionalId: subject });
    try {
      // Both gateways have served (and so remember) this professional's registration.
      expect((await sut.graphql(ME, { token })).errors).toBeUndefined();
      expect((await second.graphql(ME, { token: onSecond })).errors).toBeUndefined();
      expect(second.registrations.isListening).toBe(true);

      const answer = await sut.graphql<{ deactivateProfessional: { deactivatedAt: string } }>(DEACTIVATE, { token: admin, variables: { id } });
      expect(answer.data?.deactivateProfessional.deactivatedAt).toEqual(expect.any(String));

      expect(code(await sut.graphql(ME, { token }))).toBe('UNAUTHENTICATED');
      // The second gateway hears of it through PostgreSQL; the notification arrives after the commit.
      const deadline = Date.now() + 2_000;
      let refused = code(await second.graphql(ME, { token: onSecond }));
      while (refused !== 'UNAUTHENTICATED' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        refused = code(await second.graphql(ME, { token: onSecond }));
      }
      expect(refused).toBe('UNAUTHENTICATED');
      expect((await entries('DEACTIVATE_PROFESSIONAL', id))[0]?.decisions[0]).toMatchObject({ outcome: 'ALLOWED', fields: ['deactivatedAt'] });
      const again = await sut.graphql(DEACTIVATE, { token: admin, variables: { id } });
      expect([code(again), refusal(again)]).toEqual(['BAD_USER_INPUT', 'ALREADY_DEACTIVATED']);
    } finally {
      await second.close();
    }
  });

  it('a deactivated professional cannot be given case direction', async () => {
    const { id } = await register({ organisationId: O.jeugdhulp });
    expect((await sut.graphql(DEACTIVATE, { token: admin, variables: { id } })).errors).toBeUndefined();

    const answer = await sut.graphql(`mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id } }`, {
      token: await sut.tokenFor('wmo'),
      variables: { input: { familyId: DEMO_FAMILY_ID, toProfessionalId: id, note: 'Jeugdhulp neemt de regie over nu de zorg om Daan het zwaarst weegt.' } },
    });

    expect([code(answer), refusal(answer)]).toEqual(['BAD_USER_INPUT', 'TARGET_NOT_INVOLVED']);
  });

  it('lists the directory for the administrator, deactivated professionals included, and logs the read per organisation', async () => {
    const { id } = await register({ organisationId: O.participatie, name: 'Jelle Zijlstra' });
    await sut.graphql(DEACTIVATE, { token: admin, variables: { id } });

    const answer = await sut.graphql<{ directoryProfessionals: { id: string; name: string; roles: string[]; deactivatedAt: string | null; organisation: { id: string } }[] }>(DIRECTORY, {
      token: admin,
      variables: { organisationId: O.participatie },
    });

    expect(answer.errors).toBeUndefined();
    const listed = answer.data?.directoryProfessionals ?? [];
    expect(listed.map((p) => p.name)).toEqual(['Jelle Zijlstra', 'Sander Mulder']);
    expect(listed.find((p) => p.id === id)?.deactivatedAt).toEqual(expect.any(String));
    expect(listed.every((p) => p.organisation.id === O.participatie)).toBe(true);
    const logged = await entries('READ_DIRECTORY', id);
    expect(logged.at(-1)?.decisions).toEqual([expect.objectContaining({ targetKind: 'PROFESSIONAL', sourceOrganisationId: O.participatie, outcome: 'ALLOWED' })]);
  });
});
