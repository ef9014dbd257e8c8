import type { EntityManager } from 'typeorm';
import { dutchDate } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { BlockingKind, DEFAULT_DECISION_WORKING_DAYS, EscalationKind, EscalationWriter, raiseEscalation, takeOnEscalation } from '@kring/escalation';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from './demo-ids';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/**
 * The escalation about Marieke's budget coaching (*doorbraak*, docs/escalation.md): Pieter de
 * Jong (WMO, case director) raised it four days ago because the waiting list is 14 weeks, and
 * Marloes Dijkstra, the WMO team lead, took it on two days ago; it waits for her decision. It is
 * about Marieke, in the shared plan, for case coordination: Team Toegang reads it as its own,
 * debt assistance through Marieke's consent to its domain, Jeugdhulp sees it closed (no consent).
 * Written through `raiseEscalation`, `takeOnEscalation` and the `EscalationWriter`, as through the API.
 */
export async function writeDemoEscalation(manager: EntityManager, crypto: KringCrypto, key: DataKey, today: Date): Promise<void> {
  const writer = new EscalationWriter(crypto);
  const raisedAt = new Date(today.getTime() - 4 * DAY - 2 * HOUR);
  const raised = raiseEscalation(
    {
      kind: EscalationKind.STUCK,
      subjectMemberIds: [M.marieke],
      blockingKind: BlockingKind.SCHEME,
      blocks: 'De wachtlijst voor budgetcoaching is 14 weken. Marieke heeft de coach nu nodig: de energieleverancier dreigt af te sluiten en het budgetplan staat stil.',
      tried: 'Voorrang gevraagd bij de schuldhulp (afgewezen: geen urgentiecriterium), de vrijwillige thuisadministratie gebeld (vol tot maart).',
      category: 'SHARED_PLAN',
    },
    {
      raiser: { kind: 'PROFESSIONAL', professionalId: P.wmo, organisationId: O.teamToegang },
      familyMemberIds: Object.values(M),
      mayRaise: true,
      blockingOrganisationKnown: null,
      closedToRaiser: null,
      today: dutchDate(raisedAt),
      decisionWorkingDays: DEFAULT_DECISION_WORKING_DAYS,
    },
  );
  if (!raised.ok) throw new Error(`the demo escalation is refused: ${raised.refusal}`);
  const row = await writer.raise(manager, { familyId: DEMO_FAMILY_ID, key, draft: raised.draft, purpose: 'CASE_COORDINATION', by: { professionalId: P.wmo, organisationId: O.teamToegang }, at: raisedAt });
  const takenOn = takeOnEscalation({ escalation: row, mayTakeOn: true, shieldedFromRaiser: false });
  if (!takenOn.ok) throw new Error(`the demo escalation cannot be taken on: ${takenOn.refusal}`);
  await writer.takeOn(manager, row, { professionalId: P.teamleider, organisationId: O.teamToegang }, new Date(today.getTime() - 2 * DAY + HOUR));
}
