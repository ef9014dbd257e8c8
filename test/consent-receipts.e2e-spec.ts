import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import pg from 'pg';
import request from 'supertest';
import { ManualClock } from '@kring/config';
import { loadSodium, verifyReceipt, type Sodium } from '@kring/crypto';
import { Domain, ProfessionalRole } from '@kring/identity';
import { newWorld, type MadeFamily, type Partner, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

interface ReceiptAnswer {
  receiptId: string;
  consentId: string;
  event: string;
  eventTime: string;
  document: string;
}
interface SignedReceipt {
  receipt: Record<string, unknown> & { event: { eventType: string; entityId: string }; piiPrincipalId: string; recordId: string };
  signature: { alg: string; kid: string; canonicalization: string; value: string };
}

const RECEIPTS = `query($id: ID!) { consentReceipts(consentId: $id) { receiptId consentId event eventTime document } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`;

/**
 * Consent receipts (docs/consent-receipts.md): one signed ISO/IEC TS 27560 receipt per event,
 * verifiable with the published key only; the FHIR R4 Consent export, valid against HL7's schema;
 * both scoped like the consents view, absent (not merely empty) outside it.
 */
describe('consent receipts and the FHIR Consent export', () => {
  // Noon in Amsterdam on 10 March 2026: the child is 13 (co-signature needed), the parents adults.
  const MARCH_2026 = new Date('2026-03-10T11:00:00Z');
  const clock = new ManualClock(MARCH_2026);
  let sut: TestGateway;
  let world: World;
  let sodium: Sodium;
  let debtAssistance: Partner;
  let officer: Partner;
  let family: MadeFamily;
  let database: pg.Client;
  let receiptSchema: ValidateFunction;
  let fhirBundle: ValidateFunction;
  /** The child's consent: granted by the parent, co-signed by the child, revoked by the parent. */
  let childConsent: string;
  /** The parent's own consent, given to the debt-assistance domain and left to expire. */
  let parentConsent: string;

  const http = () => request(sut.app.getHttpServer());
  const member = (label: string) => world.tokenFor(family.member(label));
  const receiptsOf = async (label: string, consentId: string) => {
    const answer = await sut.graphql<{ consentReceipts: ReceiptAnswer[] }>(RECEIPTS, { token: await member(label), variables: { id: consentId } });
    expect(answer.errors).toBeUndefined();
    return (answer.data?.consentReceipts ?? []).map((r) => ({ ...r, signed: JSON.parse(r.document) as SignedReceipt }));
  };
  const publishedKeys = async () => {
    const answer = await http().get('/.well-known/kring-receipt-keys').expect(200);
    return (answer.body as { keys: { kid: string; x: string; status: string; crv: string; kty: string }[] }).keys;
  };

  beforeAll(async () => {
    sodium = await loadSodium();
    sut = await startTestGateway({ label: 'consent_receipts', seedDemoWorld: false, clock });
    world = newWorld(sut);
    debtAssistance = await world.partner(Domain.DEBT_ASSISTANCE);
    officer = { ...debtAssistance, professional: await world.professional(debtAssistance.organisation, { roles: [ProfessionalRole.PRIVACY_OFFICER] }) };
    family = await world.family({
      registeredBy: debtAssistance,
      members: [
        { label: 'parent', birthDate: '1985-05-05' },
        { label: 'child', birthDate: '2012-06-01' },
        { label: 'other', birthDate: '1990-02-02' },
      ],
      authority: [['parent', 'child']],
    });
    await world.involve(family, debtAssistance, { startsOn: '2026-01-01' });
    database = new pg.Client({ connectionString: sut.database.url });
    await database.connect();

    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    receiptSchema = ajv.compile(JSON.parse(readFileSync(join(process.cwd(), 'docs', 'schemas', 'consent-receipt-27560.schema.json'), 'utf8')) as object);
    const fhirAjv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
    fhirAjv.addMetaSchema(JSON.parse(readFileSync(join(process.cwd(), 'node_modules', 'ajv', 'dist', 'refs', 'json-schema-draft-06.json'), 'utf8')) as object);
    // HL7's file names itself with draft-04's `id`, which ajv 8 refuses; it is dropped in memory (the vendored file stays as HL7 wrote it).
    const { id: _hl7Id, ...fhirSchema } = JSON.parse(readFileSync(join(process.cwd(), 'test', 'schemas', 'fhir-r4', 'fhir.schema.json'), 'utf8')) as Record<string, unknown>;
    fhirAjv.addSchema(fhirSchema, 'fhir');
    fhirBundle = fhirAjv.compile({ $ref: 'fhir#/definitions/Bundle' });

    // The events: granted (10 March), co-signed by the child (11 March), revoked (12 March); the parent's own consent expires on 1 April.
    const granted = await sut.graphql<{ grantConsent: { id: string; status: string } }>(GRANT, {
      token: await member('parent'),
      variables: { input: { subjectMemberId: family.member('child').id, categories: ['FINANCES'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id, validUntil: '2027-03-01T00:00:00Z' } },
    });
    if (granted.data?.grantConsent.status !== 'PENDING') throw new Error(`grant: ${JSON.stringify(granted)}`);
    childConsent = granted.data.grantConsent.id;
    clock.set(new Date('2026-03-11T09:00:00Z'));
    const signed = await sut.graphql(`mutation($id: ID!) { signConsent(id: $id) { status } }`, { token: await member('child'), variables: { id: childConsent } });
    if (signed.errors !== undefined) throw new Error(`sign: ${JSON.stringify(signed.errors)}`);
    clock.set(new Date('2026-03-12T09:00:00Z'));
    const revoked = await sut.graphql(`mutation($id: ID!) { revokeConsent(id: $id) { status } }`, { token: await member('parent'), variables: { id: childConsent } });
    if (revoked.errors !== undefined) throw new Error(`revoke: ${JSON.stringify(revoked.errors)}`);

    const own = await sut.graphql<{ grantConsent: { id: string } }>(GRANT, {
      token: await member('parent'),
      variables: { input: { subjectMemberId: family.member('parent').id, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientDomain: 'DEBT_ASSISTANCE', validUntil: '2026-04-01T00:00:00Z' } },
    });
    if (own.errors !== undefined) throw new Error(`grant own: ${JSON.stringify(own.errors)}`);
    parentConsent = own.data!.grantConsent.id;
    clock.set(new Date('2026-04-02T09:00:00Z'));
  }, 120_000);
  afterAll(async () => {
    await database?.end();
    await sut?.close();
  });

  it('granted, signed, revoked and expired each give a receipt, valid against the 27560 schema and signed with the published key', async () => {
    const child = await receiptsOf('parent', childConsent);
    expect(child.map((r) => r.event)).toEqual(['GRANTED', 'SIGNED', 'REVOKED']);
    expect(child.map((r) => r.signed.receipt.event.entityId)).toEqual([family.member('parent').id, family.member('child').id, family.member('parent').id]);
    const parent = await receiptsOf('parent', parentConsent);
    expect(parent.map((r) => r.event)).toEqual(['GRANTED', 'EXPIRED']);

    const keys = await publishedKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', status: 'current' });
    for (const { signed, receiptId } of [...child, ...parent]) {
      expect(receiptSchema(signed)).toBe(true);
      expect(receiptSchema.errors ?? null).toBeNull();
      expect(signed.receipt['receiptId']).toBe(receiptId);
      expect(signed.signature.kid).toBe(keys[0]!.kid);
      // Offline: only the published key set and the file.
      expect(verifyReceipt(sodium, signed, keys)).toBe(true);
    }
    // The same event gives the same receipt at the next download (and the same signature: Ed25519 is deterministic).
    expect((await receiptsOf('parent', childConsent)).map((r) => r.document)).toEqual(child.map((r) => r.document));
  });

  it('a tampered receipt, or one checked against another key, does not verify; the schema refuses a receipt with a field it does not know', async () => {
    const [first] = await receiptsOf('parent', childConsent);
    const keys = await publishedKeys();
    const tampered = JSON.parse(first!.document) as SignedReceipt;
    (tampered.receipt as unknown as { purposes: { purposeId: string }[] }).purposes[0]!.purposeId = 'SUPPORT_PLANNING';
    expect(verifyReceipt(sodium, tampered, keys)).toBe(false);
    const otherSubject = JSON.parse(first!.document) as SignedReceipt;
    otherSubject.receipt.piiPrincipalId = family.member('other').id;
    expect(verifyReceipt(sodium, otherSubject, keys)).toBe(false);
    const stranger = sodium.crypto_sign_keypair();
    expect(verifyReceipt(sodium, first!.signed, [{ kid: keys[0]!.kid, x: Buffer.from(stranger.publicKey).toString('base64url') }])).toBe(false);
    expect(receiptSchema({ ...first!.signed, receipt: { ...first!.signed.receipt, name: 'Marieke' } })).toBe(false);
  });

  it('receipts carry no names: the data subject and actors by pseudonymous member id only', async () => {
    const receipts = await receiptsOf('parent', childConsent);
    const names = await database.query<{ id: string }>(`SELECT id FROM family_member WHERE family_id = $1`, [family.id]);
    expect(names.rows).toHaveLength(3);
    for (const { document } of receipts) {
      expect(document).not.toMatch(/1985-05-05|2012-06-01/);
      expect(JSON.parse(document).receipt.piiPrincipalId).toBe(family.member('child').id);
    }
  });

  it('every issue of receipts is logged, naming the consent and the events, about the data subject', async () => {
    const before = await database.query<{ n: string }>(`SELECT count(*) AS n FROM access_log_entry WHERE activity = 'ISSUE_CONSENT_RECEIPT'`);
    await receiptsOf('child', childConsent);
    const rows = await database.query<{ actor_id: string; subject_member_ids: string[]; decisions: { targetIds: string[]; fields: string[]; basis: string }[] }>(
      `SELECT actor_id, subject_member_ids, decisions FROM access_log_entry WHERE activity = 'ISSUE_CONSENT_RECEIPT' ORDER BY occurred_at DESC, sequence DESC LIMIT 1`,
    );
    const after = await database.query<{ n: string }>(`SELECT count(*) AS n FROM access_log_entry WHERE activity = 'ISSUE_CONSENT_RECEIPT'`);
    expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n) + 1);
    const entry = rows.rows[0]!;
    expect(entry.actor_id).toBe(family.member('child').id);
    expect(entry.subject_member_ids).toEqual([family.member('child').id]);
    expect(entry.decisions[0]).toMatchObject({ targetIds: [childConsent], basis: 'DATA_SUBJECT' });
    expect(entry.decisions[0]!.fields.map((f) => f.split(':')[0])).toEqual(['GRANTED', 'SIGNED', 'REVOKED']);
  });

  it('a member outside the reach gets NOT_FOUND, the same raw answer as for a consent that does not exist', async () => {
    const token = await member('other');
    const outside = await http().post('/graphql').set('authorization', `Bearer ${token}`).send({ query: RECEIPTS, variables: { id: childConsent } });
    const missing = await http().post('/graphql').set('authorization', `Bearer ${token}`).send({ query: RECEIPTS, variables: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(outside.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(outside.text).toBe(missing.text);
    for (const leak of [childConsent, family.member('child').id, 'FINANCES', debtAssistance.id]) expect(outside.text).not.toContain(leak);
    // A professional is no member: the query is not theirs at all.
    const professional = await sut.graphql(RECEIPTS, { token: await world.tokenFor(debtAssistance), variables: { id: childConsent } });
    expect(professional.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('GET /fhir/Consent gives the family a searchset Bundle valid against the FHIR R4 schema', async () => {
    const answer = await http().get(`/fhir/Consent?patient=${family.member('child').id}`).set('authorization', `Bearer ${await member('parent')}`).expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = JSON.parse(answer.text) as { resourceType: string; type: string; total: number; entry: { resource: Record<string, unknown> & { provision: Record<string, unknown> } }[] };
    const valid = fhirBundle(bundle);
    expect(fhirBundle.errors ?? null).toBeNull();
    expect(valid).toBe(true);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    const consent = bundle.entry[0]!.resource;
    expect(consent).toMatchObject({ resourceType: 'Consent', id: childConsent, status: 'inactive', patient: { reference: `Patient/${family.member('child').id}` } });
    expect(consent.provision).toMatchObject({
      type: 'permit',
      purpose: [{ system: 'urn:kring:purpose', code: 'CASE_COORDINATION' }],
      code: [{ coding: [{ system: 'urn:kring:data-category', code: 'FINANCES' }] }],
      actor: [{ reference: { reference: `Organization/${debtAssistance.id}` } }],
    });
    // A schema check that can fail: an unknown status is refused.
    expect(fhirBundle({ ...bundle, entry: [{ resource: { ...consent, status: 'granted' } }] })).toBe(false);

    const own = JSON.parse((await http().get(`/fhir/Consent?patient=${family.member('parent').id}`).set('authorization', `Bearer ${await member('parent')}`).expect(200)).text) as typeof bundle;
    expect(fhirBundle(own)).toBe(true);
    expect(own.entry.map((e) => e.resource['status'])).toEqual(['inactive']);
  });

  it('a privacy officer of the recipient gets the consents given to their organisation or domain; another professional 403; outside the view 404; each refusal logged', async () => {
    const officerToken = await world.tokenFor(officer.professional);
    const answer = await http().get(`/fhir/Consent?patient=${family.member('parent').id}`).set('authorization', `Bearer ${officerToken}`).expect(200);
    const bundle = JSON.parse(answer.text) as { total: number };
    expect(fhirBundle(bundle)).toBe(true);
    expect(bundle.total).toBe(1);

    const casework = await http().get(`/fhir/Consent?patient=${family.member('parent').id}`).set('authorization', `Bearer ${await world.tokenFor(debtAssistance)}`).expect(403);
    expect(JSON.parse(casework.text)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] });

    const outside = await http().get(`/fhir/Consent?patient=${family.member('child').id}`).set('authorization', `Bearer ${await member('other')}`).expect(404);
    const missing = await http().get(`/fhir/Consent?patient=00000000-0000-4000-8000-000000000000`).set('authorization', `Bearer ${await member('other')}`).expect(404);
    expect(JSON.parse(outside.text)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    expect(outside.text).toBe(missing.text);
    expect(outside.text).not.toContain(childConsent);

    // An officer of an organisation not involved: 404, as for a member who does not exist.
    const stranger = await world.partner(Domain.WMO, { roles: [ProfessionalRole.PRIVACY_OFFICER] });
    await http().get(`/fhir/Consent?patient=${family.member('parent').id}`).set('authorization', `Bearer ${await world.tokenFor(stranger)}`).expect(404);

    const denied = await database.query<{ reason: string }>(
      `SELECT d->>'reason' AS reason FROM access_log_entry, jsonb_array_elements(decisions) d WHERE activity = 'EXPORT_FHIR_CONSENTS' AND d->>'outcome' = 'DENIED' ORDER BY 1`,
    );
    expect(denied.rows.map((r) => r.reason)).toEqual(['OUTSIDE_REACH', 'OUTSIDE_REACH', 'OUTSIDE_REACH', 'ROLE_NOT_PERMITTED']);
    const allowed = await database.query<{ subject_member_ids: string[]; basis_refs: string[] }>(
      `SELECT subject_member_ids, d->'basisRefs' AS basis_refs FROM access_log_entry, jsonb_array_elements(decisions) d WHERE activity = 'EXPORT_FHIR_CONSENTS' AND d->>'outcome' = 'ALLOWED' AND actor_id = $1`,
      [officer.professional.id],
    );
    expect(allowed.rows).toEqual([{ subject_member_ids: [family.member('parent').id], basis_refs: [parentConsent] }]);
  });

  it('without a token the FHIR search is refused', async () => {
    await http().get(`/fhir/Consent?patient=${family.member('parent').id}`).expect(401);
  });
});
