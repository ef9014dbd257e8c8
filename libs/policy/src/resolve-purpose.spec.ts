import { join } from 'node:path';
import { Domain } from '@kring/identity';
import { DenyReason } from './access-decision';
import { PurposeCatalogue } from './purpose-catalogue';
import { purposeDenyReason, PurposeRefusal, resolvePurpose } from './resolve-purpose';

const catalogue = PurposeCatalogue.fromFile(join(process.cwd(), 'libs/policy/purposes.json'));

describe('resolvePurpose: a declared purpose, resolved once, refused with a typed reason', () => {
  it.each([null, undefined, '', '   '])('no purpose (%j) is PURPOSE_REQUIRED', (code) => {
    expect(resolvePurpose(catalogue, Domain.WMO, code)).toEqual({ ok: false, refusal: PurposeRefusal.PURPOSE_REQUIRED });
  });

  it.each(['case_coordination', ' CASE_COORDINATION', 'NO_SUCH_PURPOSE'])('a code that is not exactly the catalogue\'s (%j) is UNKNOWN_PURPOSE', (code) => {
    expect(resolvePurpose(catalogue, Domain.WMO, code)).toEqual({ ok: false, refusal: PurposeRefusal.UNKNOWN_PURPOSE });
  });

  it('a purpose of the catalogue is usable only by the domains it names', () => {
    const purpose = catalogue.all()[0];
    if (purpose === undefined) throw new Error('the shipped catalogue is empty');
    const outside = Object.values(Domain).find((d) => !purpose.domains.includes(d));
    expect(resolvePurpose(catalogue, purpose.domains[0] as Domain, purpose.code)).toEqual({ ok: true, purpose });
    if (outside !== undefined) expect(resolvePurpose(catalogue, outside, purpose.code)).toEqual({ ok: false, refusal: PurposeRefusal.PURPOSE_NOT_FOR_DOMAIN });
  });

  it('the log records a missing purpose as an unknown one, and the others as themselves', () => {
    expect(purposeDenyReason(PurposeRefusal.PURPOSE_REQUIRED)).toBe(DenyReason.UNKNOWN_PURPOSE);
    expect(purposeDenyReason(PurposeRefusal.UNKNOWN_PURPOSE)).toBe(DenyReason.UNKNOWN_PURPOSE);
    expect(purposeDenyReason(PurposeRefusal.PURPOSE_NOT_FOR_DOMAIN)).toBe(DenyReason.PURPOSE_NOT_FOR_DOMAIN);
  });
});
