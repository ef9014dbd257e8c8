import { associatedData, FieldCipher, loadSodium, type DataKey } from '@kring/crypto';
import { SEALED_FIELD_CATALOGUE } from './sealed-fields';

/**
 * The associated data of every sealed field, written out as the call sites built it before
 * the catalogue existed (each a literal row kind and field name). A ciphertext is bound to
 * these exact bytes: if one changed, every value of that field stored so far would fail to
 * decrypt.
 */
const CONTEXTS_BEFORE_THE_CATALOGUE = [
  'kring-field-v1|family:f-1|professional:row-7|name|dk2',
  'kring-field-v1|family:f-1|member:row-7|name|dk2',
  'kring-field-v1|family:f-1|member:row-7|birthDate|dk2',
  'kring-field-v1|family:f-1|member:row-7|bsn|dk2',
  'kring-field-v1|family:f-1|member:row-7|relation|dk2',
  'kring-field-v1|family:f-1|record:row-7|address|dk2',
  'kring-field-v1|family:f-1|record:row-7|phone|dk2',
  'kring-field-v1|family:f-1|record:row-7|email|dk2',
  'kring-field-v1|family:f-1|record:row-7|provider|dk2',
  'kring-field-v1|family:f-1|record:row-7|goals|dk2',
  'kring-field-v1|family:f-1|record:row-7|startDate|dk2',
  'kring-field-v1|family:f-1|record:row-7|endDate|dk2',
  'kring-field-v1|family:f-1|record:row-7|frequency|dk2',
  'kring-field-v1|family:f-1|record:row-7|diagnosis|dk2',
  'kring-field-v1|family:f-1|record:row-7|medication|dk2',
  'kring-field-v1|family:f-1|record:row-7|provision|dk2',
  'kring-field-v1|family:f-1|record:row-7|hoursPerWeek|dk2',
  'kring-field-v1|family:f-1|record:row-7|decisionDate|dk2',
  'kring-field-v1|family:f-1|record:row-7|totalDebt|dk2',
  'kring-field-v1|family:f-1|record:row-7|creditorCount|dk2',
  'kring-field-v1|family:f-1|record:row-7|arrangement|dk2',
  'kring-field-v1|family:f-1|record:row-7|budgetManagement|dk2',
  'kring-field-v1|family:f-1|record:row-7|monthlyInstalment|dk2',
  'kring-field-v1|family:f-1|record:row-7|benefit|dk2',
  'kring-field-v1|family:f-1|record:row-7|reintegrationRoute|dk2',
  'kring-field-v1|family:f-1|record:row-7|jobCoach|dk2',
  'kring-field-v1|family:f-1|record:row-7|signal|dk2',
  'kring-field-v1|family:f-1|record:row-7|signalDate|dk2',
  'kring-field-v1|family:f-1|record:row-7|reporterRole|dk2',
  'kring-field-v1|family:f-1|record:row-7|riskAssessment|dk2',
  'kring-field-v1|family:f-1|record:row-7|familyGoals|dk2',
  'kring-field-v1|family:f-1|record:row-7|actions|dk2',
  'kring-field-v1|family:f-1|record:row-7|whoDoesWhat|dk2',
  'kring-field-v1|family:f-1|record:row-7|reviewDate|dk2',
  'kring-field-v1|family:f-1|consent:row-7|revocationReason|dk2',
  'kring-field-v1|family:f-1|break_glass_grant:row-7|justification|dk2',
  'kring-field-v1|family:f-1|break_glass_grant:row-7|reviewNote|dk2',
  'kring-field-v1|family:f-1|family_erasure:row-7|reason|dk2',
];

/**
 * Fields declared since, pinned the same way from their first value on (the circle and case
 * direction, docs/circle.md; our story's words, docs/our-story.md): a changed row kind or field
 * name would orphan what is stored.
 */
const CONTEXTS_DECLARED_SINCE = [
  'kring-field-v1|family:f-1|professional:row-7|contact|dk2',
  'kring-field-v1|family:f-1|involvement_shielding:row-7|reason|dk2',
  'kring-field-v1|family:f-1|case_direction_handover:row-7|note|dk2',
  'kring-field-v1|family:f-1|case_director_request:row-7|reason|dk2',
  'kring-field-v1|family:f-1|family_plan_item:row-7|content|dk2',
  'kring-field-v1|family:f-1|record:row-7|text|dk2',
  'kring-field-v1|family:f-1|involvement_shielding:row-7|liftReason|dk2',
  // The family's messages (docs/messages.md); a message's row id is `<thread id>/<message id>`.
  'kring-field-v1|family:f-1|thread:row-7|topic|dk2',
  'kring-field-v1|family:f-1|thread_message:row-7|body|dk2',
  // Escalation (docs/escalation.md).
  'kring-field-v1|family:f-1|escalation:row-7|blocks|dk2',
  'kring-field-v1|family:f-1|escalation:row-7|tried|dk2',
  'kring-field-v1|family:f-1|escalation:row-7|decision|dk2',
  'kring-field-v1|family:f-1|escalation:row-7|setAside|dk2',
  'kring-field-v1|family:f-1|escalation:row-7|authority|dk2',
  'kring-field-v1|family:f-1|escalation:row-7|budget|dk2',
  // Referral (docs/referral.md).
  'kring-field-v1|family:f-1|referral:row-7|note|dk2',
  'kring-field-v1|family:f-1|referral:row-7|declineReason|dk2',
  // Break-glass: why an officer deferred the family's notice (docs/break-glass.md).
  'kring-field-v1|family:f-1|break_glass_grant:row-7|noticeDeferralReason|dk2',
];

/**
 * Values sealed by the FieldCipher as it was before the catalogue (commit 4ad1a9e, contexts
 * as literals), with the key below: [row kind, field, plaintext, base64 ciphertext].
 */
const SEALED_BEFORE_THE_CATALOGUE: readonly (readonly [string, string, string, string])[] = [
  ['professional', 'name', 'Fenna Hoekstra', 'o5d+bCzR1jlY6X3McokbsSyTpYl2jJ/smaGbSCMDmlkRGRa7Yqt3+CZTNt5+vhV9LovEqIrH'],
  ['member', 'name', 'Marieke de Vries', 'qgKYSs5r4PJaWxbCA3LPWz/gr4C0+CtTh2NYS5/vBJ1WLsLi55TexcJ5wyHeA5vC5NGaSQHU4G4='],
  ['member', 'birthDate', '1988-03-14', 'aoJo3AnfmXUIqUSIc7cvJjBIu2eqx8i2JgBvAI9LE4HngL0cDF85N5LGC7N23lARMO4='],
  ['member', 'bsn', '111222333', 'GHfkQtjb0I1/2vFcGgOfDuJo0CoRinrQ99EBLfDHXu9h4hrEpTjIz7Gep15f7qmKkw=='],
  ['member', 'relation', 'PARENT', 'GSLVbuQtxLH2UOx7PMuUWBEHfncgSuReTTyNH7gJUgl/cSyTdEThWUmOyoz4jg=='],
  ['record', 'diagnosis', '"ADHD"', 'PnkgwDJLrnyJCu//gv367kOniK+e8ODqp6iq19sYV3sabpE43s2CHA3yJQVmNQ=='],
  ['consent', 'revocationReason', 'Wij willen dit niet meer', 'LzF+1GQRcr0qqxTLQ60mvl/NLTwaQ07dyIGpwR281e5dq5sCN2HftNu9YnHNa8S5/8mEls/7hbVdgSZhu+NpZg=='],
  ['break_glass_grant', 'justification', 'Acute zorg om de kinderen, ouders niet bereikbaar', 'drPu7DJmLLpQaIWhHux6dNsyv4ClqKKAey3Kgm0st7q2pcADa6owX7lS7V8h/HVujG7vinNNbCgtLYcXX5mBshEhixDt8w6C2kxM8wIEwfMNs/y9SLQumOk='],
  ['break_glass_grant', 'reviewNote', 'Terecht', 'C9YXBI4rOtVMBYuiddsvEYj4/utgawcR87nbMoQ96SQSU3A+6DELGoIaIFD4lpU='],
  ['family_erasure', 'reason', 'Verzoek 2026-17, art. 17 AVG', 'ZXc5KZGTNbC7S2Y/LgC8hVewpIcg3W/a4GQoH3CC9iR7tpb3xgqD/lkLG/2Zo28XPiJcXX8JPNpA1opnnNV+XPqWac0='],
];

const KEY_BEFORE: DataKey = { owner: 'family:0b6f1c2e-0000-4000-8000-000000000001', version: 3, bytes: new Uint8Array(32).map((_, i) => i + 1) };

const allFields = SEALED_FIELD_CATALOGUE.flatMap((table) => table.fields);

function declared(rowKind: string, name: string) {
  const field = allFields.find((f) => f.rowKind === rowKind && f.name === name);
  if (field === undefined) throw new Error(`${rowKind}.${name} is not in the catalogue`);
  return field;
}

describe('the sealed-field catalogue binds every value exactly as before', () => {
  it('the contexts built from the catalogue are, byte for byte, the ones the call sites wrote by hand, and those pinned since', () => {
    const decoder = new TextDecoder();
    const built = allFields.map((field) => decoder.decode(associatedData({ field, rowId: 'row-7', keyOwner: 'family:f-1', dataKeyVersion: 2 })));

    expect([...new Set(built)].sort()).toEqual([...CONTEXTS_BEFORE_THE_CATALOGUE, ...CONTEXTS_DECLARED_SINCE].sort());
  });

  it.each(SEALED_BEFORE_THE_CATALOGUE)('a %s.%s sealed before the catalogue existed still decrypts', async (rowKind, name, plaintext, sealed) => {
    const sut = new FieldCipher(await loadSodium());

    expect(sut.decrypt(KEY_BEFORE, { field: declared(rowKind, name), rowId: 'row-7' }, Buffer.from(sealed, 'base64'))).toBe(plaintext);
  });

  it('a record field has the category its section type gives it', () => {
    expect(declared('record', 'diagnosis').category).toBe('HEALTH');
    expect(declared('record', 'totalDebt').category).toBe('FINANCES');
    expect(declared('member', 'bsn').category).toBe('NATIONAL_ID');
  });
});
