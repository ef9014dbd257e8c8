import type { EntityManager } from 'typeorm';
import { loadSubjectFacts, proposeConsent } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { DataCategory as C } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { ReferralWriter, referToService } from '@kring/referral';
import { ServiceEntity } from '@kring/social-map';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from './demo-ids';

const DAY = 24 * 3600 * 1000;

/** The domains of the demo's purpose, as the catalogue has them (the demo world does not load the catalogue). */
const SUPPORT_PLANNING_DOMAINS = [Domain.YOUTH_CARE, Domain.WMO, Domain.DEBT_ASSISTANCE, Domain.PARTICIPATION, Domain.EDUCATION, Domain.ADULT_CARE];

/**
 * Daan's pending referral (*verwijzing*, docs/referral.md): three days ago Femke Bakker
 * (Jeugdhulp Friesland) referred him to school social work (Schoolmaatschappelijk Werk
 * Friesland), for support planning, with the consent it needs: his identity, contact details
 * and care trajectory. He is 14, so he and a parent sign; nobody has yet, so the school social
 * work is not involved and reads nothing. Written through `referToService`, `proposeConsent` and
 * the `ReferralWriter`, as through the API.
 */
export async function writeDemoReferral(manager: EntityManager, crypto: KringCrypto, key: DataKey, policyVersion: string, today: Date): Promise<void> {
  const at = new Date(today.getTime() - 3 * DAY);
  const service = await manager.findOneByOrFail(ServiceEntity, { organisationId: O.schoolmaatschappelijkWerk, name: 'Schoolmaatschappelijk werk' });
  const referred = referToService(
    { memberId: M.daan, note: 'Hij loopt vast op school en wil er graag met iemand over praten. Zijn mentor weet ervan.' },
    {
      mayRefer: true,
      referringOrganisationId: O.jeugdhulp,
      familyMemberIds: Object.values(M),
      service: { organisationId: service.organisationId, withdrawn: false, waitingWeeks: service.waitingWeeks, waitingStatedOn: service.waitingStatedOn },
      involvedOrganisationIds: [O.teamToegang, O.jeugdhulp, O.schuldhulp, O.participatie],
      alreadyProposed: false,
    },
  );
  if (!referred.ok) throw new Error(`the demo referral is refused: ${referred.refusal}`);
  const { subjects } = await loadSubjectFacts(manager, crypto, DEMO_FAMILY_ID);
  const proposed = proposeConsent({
    terms: { subjectMemberId: M.daan, recipientOrganisationId: O.schoolmaatschappelijkWerk, categories: [C.PERSONAL_IDENTITY, C.CONTACT, C.CARE_TRAJECTORY], purposes: ['SUPPORT_PLANNING'] },
    subject: subjects.get(M.daan),
    recipientDomain: Domain.EDUCATION,
    purposeDomains: (code) => (code === 'SUPPORT_PLANNING' ? SUPPORT_PLANNING_DOMAINS : undefined),
    now: at,
  });
  if (!proposed.ok) throw new Error(`the demo referral's consent is refused: ${proposed.refusal.reason}`);
  await new ReferralWriter(crypto).refer(manager, {
    familyId: DEMO_FAMILY_ID,
    key,
    serviceId: service.id,
    draft: referred.draft,
    consent: proposed.consent,
    purpose: 'SUPPORT_PLANNING',
    policyVersion,
    by: { professionalId: P.jeugdhulp, organisationId: O.jeugdhulp },
    at,
  });
}
