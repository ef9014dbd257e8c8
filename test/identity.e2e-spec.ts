import { SignJWT, generateKeyPair, importJWK } from 'jose';
import { CLAIM, DevIssuer, type DevIssuerKeys } from '@kring/identity';
import { DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PROFESSIONALS } from '@kring/demo-world';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ME = '{ me { kind professional { id name roles organisation { id name domain } } member { id familyId name } } }';

describe('identity: who is calling', () => {
  let sut: TestGateway;
  let keys: DevIssuerKeys;

  beforeAll(async () => {
    keys = await DevIssuer.generateKeys();
    sut = await startTestGateway({ label: 'identity', issuerKeys: keys });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('me with the wmo token names the WMO professional and their organisation', async () => {
    const answer = await sut.graphql(ME, { token: await sut.tokenFor('wmo') });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      me: {
        kind: 'PROFESSIONAL',
        member: null,
        professional: {
          id: DEMO_PROFESSIONALS.wmo,
          name: 'Pieter de Jong',
          roles: ['PROFESSIONAL'],
          organisation: { id: DEMO_ORGANISATIONS.teamToegang, name: 'Gemeente Heerenveen Team Toegang', domain: 'WMO' },
        },
      },
    });
  });

  it('me with a family member token names that member', async () => {
    const answer = await sut.graphql(ME, { token: await sut.tokenFor('daan') });
    expect(answer.data?.['me']).toMatchObject({ kind: 'FAMILY_MEMBER', professional: null, member: { id: DEMO_MEMBERS.daan, name: 'Daan de Vries' } });
  });

  it('a privacy officer token carries the privacy officer role from the registration', async () => {
    const answer = await sut.graphql<{ me: { professional: { roles: string[] } } }>(ME, { token: await sut.tokenFor('keten-fg') });
    expect(answer.data?.me.professional.roles).toEqual(['CHAIN_PRIVACY_OFFICER']);
  });

  it('a role claim can narrow the registered roles but never add one', async () => {
    const token = await sut.issuer.sign({ kind: 'professional', professionalId: DEMO_PROFESSIONALS.wmo, roles: ['CHAIN_PRIVACY_OFFICER', 'PROFESSIONAL'] });
    const answer = await sut.graphql<{ me: { professional: { roles: string[] } } }>(ME, { token });
    expect(answer.data?.me.professional.roles).toEqual(['PROFESSIONAL']);
  });

  it('a role claim that leaves none of the registered roles grants nothing: the token is refused', async () => {
    // Before, an empty narrowing fell back to PROFESSIONAL: a privacy officer's token claiming only
    // an unregistered role would have read family files.
    const token = await sut.issuer.sign({ kind: 'professional', professionalId: DEMO_PROFESSIONALS.ketenFg, roles: ['ADMIN'] });
    const answer = await sut.graphql(ME, { token });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('--professional ID and --member ID tokens work for anyone registered', async () => {
    const pro = await sut.graphql<{ me: { professional: { name: string } } }>(ME, { token: await sut.issuer.sign({ kind: 'professional', professionalId: DEMO_PROFESSIONALS.schuldhulp }) });
    expect(pro.data?.me.professional.name).toBe('Anouk Visser');
    const member = await sut.graphql<{ me: { member: { name: string } } }>(ME, { token: await sut.issuer.sign({ kind: 'citizen', memberId: DEMO_MEMBERS.lotte }) });
    expect(member.data?.me.member.name).toBe('Lotte de Vries');
  });

  describe('every bad token gets UNAUTHENTICATED and nothing else about why', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const claims = { [CLAIM.kind]: 'professional' };

    async function signWith(privateJwk: Parameters<SignJWT['sign']>[0], header: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT): Promise<string> {
      return build(new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', ...header })).sign(privateJwk);
    }

    const cases: [string, (gateway: TestGateway) => Promise<string | undefined> | string | undefined][] = [
      ['no Authorization header', () => undefined],
      ['an empty bearer token', () => ''],
      ['a malformed token', () => 'not.a.jwt'],
      [
        'an expired token',
        async (gateway) => {
          const privateKey = await importJWK(keys.privateJwk, 'EdDSA');
          return signWith(privateKey, { kid: kidOf(gateway.issuer) }, (jwt) =>
            jwt.setIssuer(gateway.issuer.issuer).setAudience(gateway.issuer.audience).setSubject(DEMO_PROFESSIONALS.wmo).setIssuedAt(now() - 7200).setExpirationTime(now() - 3600),
          );
        },
      ],
      [
        'a forged token (signed by another key with the same kid)',
        async (gateway) => {
          const { privateKey } = await generateKeyPair('EdDSA');
          return signWith(privateKey, { kid: kidOf(gateway.issuer) }, (jwt) =>
            jwt.setIssuer(gateway.issuer.issuer).setAudience(gateway.issuer.audience).setSubject(DEMO_PROFESSIONALS.wmo).setIssuedAt(now()).setExpirationTime(now() + 600),
          );
        },
      ],
      [
        'an alg none token',
        (gateway) => {
          const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
          const payload = { ...claims, iss: gateway.issuer.issuer, aud: gateway.issuer.audience, sub: DEMO_PROFESSIONALS.wmo, iat: now(), exp: now() + 600 };
          return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
        },
      ],
      [
        'an HS256 token keyed with the public key (algorithm confusion)',
        async (gateway) => {
          const secret = new TextEncoder().encode(JSON.stringify(gateway.issuer.jwks().keys[0]));
          return new SignJWT(claims)
            .setProtectedHeader({ alg: 'HS256', kid: kidOf(gateway.issuer) })
            .setIssuer(gateway.issuer.issuer)
            .setAudience(gateway.issuer.audience)
            .setSubject(DEMO_PROFESSIONALS.wmo)
            .setIssuedAt(now())
            .setExpirationTime(now() + 600)
            .sign(secret);
        },
      ],
      [
        'a token for another audience',
        async (gateway) => {
          const other = DevIssuer.fromKeys(keys, gateway.issuer.issuer, 'some-other-service');
          return other.sign({ kind: 'professional', professionalId: DEMO_PROFESSIONALS.wmo });
        },
      ],
      [
        'a token from another issuer',
        async (gateway) => {
          const other = DevIssuer.fromKeys(keys, 'https://evil.example', gateway.issuer.audience);
          return other.sign({ kind: 'professional', professionalId: DEMO_PROFESSIONALS.wmo });
        },
      ],
      ['a valid token for a professional nobody registered', async (gateway) => gateway.issuer.sign({ kind: 'professional', professionalId: '11111111-2222-4333-8444-555555555555' })],
      ['a valid token for a member who does not exist', async (gateway) => gateway.issuer.sign({ kind: 'citizen', memberId: '11111111-2222-4333-8444-555555555555' })],
      [
        'a valid token whose organisation claim is not the registered one',
        async (gateway) => gateway.issuer.sign({ kind: 'professional', professionalId: DEMO_PROFESSIONALS.wmo, organisationId: DEMO_ORGANISATIONS.veiligThuis }),
      ],
      [
        'a token without the kring_kind claim',
        async (gateway) => {
          const privateKey = await importJWK(keys.privateJwk, 'EdDSA');
          return new SignJWT({})
            .setProtectedHeader({ alg: 'EdDSA', kid: kidOf(gateway.issuer) })
            .setIssuer(gateway.issuer.issuer)
            .setAudience(gateway.issuer.audience)
            .setSubject(DEMO_PROFESSIONALS.wmo)
            .setIssuedAt(now())
            .setExpirationTime(now() + 600)
            .sign(privateKey);
        },
      ],
    ];

    it.each(cases)('%s', async (_name, makeToken) => {
      const token = await makeToken(sut);
      const answer = await sut.graphql(ME, token === undefined ? {} : { token });
      expect(answer.data).toBeNull();
      expect(answer.errors).toEqual([expect.objectContaining({ message: 'Authentication required: send a valid bearer token.', extensions: { code: 'UNAUTHENTICATED' } })]);
    });
  });

  it('the same gateway accepts a good token right after refusing bad ones (a refusal is not cached)', async () => {
    const answer = await sut.graphql(ME, { token: await sut.tokenFor('wmo') });
    expect(answer.errors).toBeUndefined();
  });
});

function kidOf(issuer: DevIssuer): string {
  return issuer.jwks().keys[0]?.kid as string;
}
