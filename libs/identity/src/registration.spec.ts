import { organisationRegistration, professionalRegistration, roleSet } from './registration';

describe('registering an organisation', () => {
  const valid = { name: 'Stichting Budgetmaatjes', domain: 'DEBT_ASSISTANCE' };

  it('accepts a KvK number, an OIN or both, trimmed, and the name trimmed', () => {
    expect(organisationRegistration({ ...valid, name: ' Stichting Budgetmaatjes  ', kvkNumber: ' 12345678 ' })).toEqual({
      ok: true,
      draft: { name: 'Stichting Budgetmaatjes', domain: 'DEBT_ASSISTANCE', oin: null, kvkNumber: '12345678' },
    });
    expect(organisationRegistration({ ...valid, oin: '00000001001234567000' })).toMatchObject({ ok: true, draft: { oin: '00000001001234567000', kvkNumber: null } });
    expect(organisationRegistration({ ...valid, oin: '00000003123456780000', kvkNumber: '12345678' })).toMatchObject({ ok: true });
  });

  it.each([
    [{ ...valid }, 'REGISTRATION_NUMBER_REQUIRED'],
    [{ ...valid, oin: '  ', kvkNumber: '' }, 'REGISTRATION_NUMBER_REQUIRED'],
    [{ ...valid, oin: '0000000100123456700' }, 'OIN_FORMAT'],
    [{ ...valid, oin: '000000010012345670001' }, 'OIN_FORMAT'],
    [{ ...valid, oin: '00000000000000000000' }, 'OIN_FORMAT'],
    [{ ...valid, oin: '0000000100123456700x' }, 'OIN_FORMAT'],
    [{ ...valid, kvkNumber: '1234567' }, 'KVK_FORMAT'],
    [{ ...valid, kvkNumber: '１２３４５６７８' }, 'KVK_FORMAT'],
    [{ ...valid, name: ' x ', kvkNumber: '12345678' }, 'NAME_LENGTH'],
    [{ ...valid, name: 'Stichting\u2028Budget', kvkNumber: '12345678' }, 'NAME_LENGTH'],
    [{ ...valid, domain: 'HOUSING', kvkNumber: '12345678' }, 'UNKNOWN_DOMAIN'],
  ])('refuses %j: %s', (input, refusal) => {
    expect(organisationRegistration(input)).toEqual({ ok: false, refusal });
  });

  it('counts a name in characters as a person does (200 emoji fit, 201 do not)', () => {
    expect(organisationRegistration({ ...valid, name: '🏠'.repeat(200), kvkNumber: '12345678' }).ok).toBe(true);
    expect(organisationRegistration({ ...valid, name: '🏠'.repeat(201), kvkNumber: '12345678' })).toEqual({ ok: false, refusal: 'NAME_LENGTH' });
  });
});

describe('registering a professional', () => {
  it('keeps roles once each, in the table\'s order; a blank contact is none; no subject means the development issuer\'s', () => {
    expect(professionalRegistration({ name: 'Noor Wijnsma', roles: ['TEAM_LEAD', 'PROFESSIONAL', 'TEAM_LEAD'], contact: '  ' })).toEqual({
      ok: true,
      draft: { name: 'Noor Wijnsma', roles: ['PROFESSIONAL', 'TEAM_LEAD'], contact: null, subject: null },
    });
  });

  it.each([
    [{ name: 'Noor', roles: [] }, 'NO_ROLES'],
    [{ name: 'Noor', roles: ['SUPERUSER'] }, 'UNKNOWN_ROLE'],
    [{ name: 'Noor', roles: ['PROFESSIONAL'], contact: 'c'.repeat(301) }, 'CONTACT_LENGTH'],
    [{ name: 'Noor', roles: ['PROFESSIONAL'], contact: '0513\n617' }, 'CONTACT_LENGTH'],
    [{ name: 'Noor', roles: ['PROFESSIONAL'], subject: '' }, 'SUBJECT_FORMAT'],
    [{ name: 'Noor', roles: ['PROFESSIONAL'], subject: ' broker|1' }, 'SUBJECT_FORMAT'],
    [{ name: 'Noor', roles: ['PROFESSIONAL'], subject: 'brøker' }, 'SUBJECT_FORMAT'],
    [{ name: 'N', roles: ['PROFESSIONAL'] }, 'NAME_LENGTH'],
  ])('refuses %j: %s', (input, refusal) => {
    expect(professionalRegistration(input)).toEqual({ ok: false, refusal });
  });

  it('a role set alone: at least one, each known', () => {
    expect(roleSet(['ADMIN'])).toEqual({ ok: true, draft: ['ADMIN'] });
    expect(roleSet([])).toEqual({ ok: false, refusal: 'NO_ROLES' });
  });
});
