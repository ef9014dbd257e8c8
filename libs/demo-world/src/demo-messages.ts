import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { MessagesWriter, startThread, type MessageAuthor } from '@kring/messages';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from './demo-ids';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/**
 * The thread about Marieke's budget plan (*kringberichten*, docs/messages.md): Pieter de Jong
 * (WMO, case director) started it with Anouk Visser (debt assistance) twelve days ago; Marieke
 * joined and answered; Anouk withdrew a message she had posted in the wrong thread (its
 * tombstone stays); Pieter's newest message is unread to Marieke. It is about Marieke, in the
 * shared plan, for case coordination: both organisations hold her consent for that (demo-world.ts),
 * and Jeugdhulp, not taking part, does not see it. Written through `startThread` and the
 * `MessagesWriter`, as through the API.
 */
export async function writeDemoMessages(manager: EntityManager, crypto: KringCrypto, key: DataKey, today: Date): Promise<void> {
  const writer = new MessagesWriter(crypto);
  const at = (daysAgo: number, hour: number) => new Date(today.getTime() - daysAgo * DAY + hour * HOUR);
  const decision = startThread(
    {
      topic: 'Het budgetplan van Marieke',
      subjectMemberIds: [M.marieke],
      category: 'SHARED_PLAN',
      purpose: 'CASE_COORDINATION',
      participantProfessionalIds: [P.schuldhulp],
      firstMessage: 'Anouk, zullen we het budgetplan samen met Marieke doorlopen? De huishoudelijke hulp begint volgende week, dan kan ik daar rekening mee houden.',
    },
    {
      starter: { professionalId: P.wmo, organisationId: O.teamToegang },
      familyMemberIds: Object.values(M),
      involvedOrganisationIds: [O.teamToegang, O.jeugdhulp, O.schuldhulp, O.participatie],
      candidates: new Map([[P.schuldhulp, { professionalId: P.schuldhulp, organisationId: O.schuldhulp, domain: 'DEBT_ASSISTANCE', casework: true }]]),
      purposeDomains: ['WMO', 'DEBT_ASSISTANCE'],
      membersWhoCannotReadWhole: [],
      closedToStarter: null,
    },
  );
  if (!decision.ok) throw new Error(`the demo thread is refused: ${decision.refusal}`);
  const { thread } = await writer.startThread(manager, { familyId: DEMO_FAMILY_ID, key, draft: decision.draft, at: at(12, 9) });
  const anouk: MessageAuthor = { professionalId: P.schuldhulp, organisationId: O.schuldhulp };
  const pieter: MessageAuthor = { professionalId: P.wmo, organisationId: O.teamToegang };
  const marieke: MessageAuthor = { memberId: M.marieke };
  const post = (author: MessageAuthor, body: string, when: Date) => writer.post(manager, { thread, key, author, body, at: when });

  await post(anouk, 'Goed idee. De budgetcoach komt om de week op dinsdag; ik stel voor dat we het plan daar de eerste keer samen bespreken.', at(11, 14));
  const mine = await writer.join(manager, thread, M.marieke, at(10, 19));
  const answer = await post(marieke, 'Dinsdag is goed. Ik wil graag dat het huishoudboekje er ook bij komt, daar loop ik steeds op vast.', at(10, 19));
  const wrongThread = await post(anouk, 'Dit bericht was voor een ander gezin bedoeld.', at(9, 10));
  await writer.withdraw(manager, wrongThread.id, at(9, 10.25));
  await writer.markRead(manager, mine.id, answer.sequence);
  await post(pieter, 'Fijn, dan zie ik jullie dinsdag om tien uur. Marieke, neem de brieven van de energieleverancier mee.', at(2, 11));
}
