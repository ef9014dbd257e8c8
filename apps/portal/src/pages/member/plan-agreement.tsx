import type { Plan, PlanItem } from '../../api/fragments';
import { type Translate, useI18n } from '../../i18n/i18n';
import { Heading, ListItem, Paragraph, UnorderedList } from '../../ui';
import { AgreementButtons } from '../plan/plan-parts';
import { type PlanNames, waitingFor } from '../plan/plan-words';
import { capitalise, joinWords, type Reach } from './member-family';

/** Where agreement stands: the plan's state, whose agreement is still needed, the member's own, and the buttons to agree or withdraw. */
export function PlanAgreementSection({ plan, reach, names, onChanged }: { plan: Plan; reach: Reach; names: PlanNames; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const mine = plan.agreements.find((a) => a.memberId === reach.viewerId) ?? null;
  const active = mine !== null && mine.withdrawnAt === null;
  const askedAgain = plan.items.some((i) => i.waitingForMemberIds.includes(reach.viewerId));
  const waiting = summaryOfWaiting(t, plan.items, reach, names);

  let yours: string;
  if (mine === null) yours = t('plan.agreement.yoursNone');
  else if (mine.withdrawnAt !== null) yours = t('plan.agreement.yoursWithdrawn', { date: formatDate(mine.withdrawnAt) });
  else yours = askedAgain ? t('plan.agreement.yoursAgain', { date: formatDate(mine.agreedAt) }) : t('plan.agreement.yours', { date: formatDate(mine.agreedAt) });

  return (
    <section aria-labelledby="plan-agreement" className="kring-section kring-card kring-plan-agreement">
      <Heading level={2} id="plan-agreement">
        {t('plan.agreement.title')}
      </Heading>
      <Paragraph lead>
        <strong data-testid="plan-agreed">{plan.items.length === 0 ? t('plan.agreement.empty') : plan.agreed ? t('plan.agreement.agreed') : t('plan.agreement.notAgreed')}</strong>
      </Paragraph>
      {waiting.length > 0 && <Paragraph>{t('plan.agreement.waiting', { names: joinWords(t, waiting, 'member.and') })}</Paragraph>}
      <Paragraph>
        {names.caseDirector === null ? (
          t('plan.agreement.noCaseDirector')
        ) : (
          <>
            {t('plan.agreement.caseDirector')} <strong data-testid="plan-case-director">{names.caseDirector}</strong>.
          </>
        )}
      </Paragraph>
      <Paragraph>
        <span data-testid="plan-my-agreement">{yours}</span>
      </Paragraph>
      {plan.agreements.length > 0 && (
        <>
          <Heading level={3}>{t('plan.agreement.list')}</Heading>
          <UnorderedList className="kring-m-compact-list">
            {plan.agreements.map((a) => {
              const name = a.memberId === null ? t('plan.agreement.caseDirectorEntry', { name: a.caseDirectorName ?? t('plan.waiting.caseDirector') }) : capitalise(names.member(a.memberId));
              return (
                <ListItem key={`${a.memberId ?? 'case-director'}-${a.agreedAt}`}>
                  {a.withdrawnAt === null ? t('plan.agreement.entry', { name, date: formatDate(a.agreedAt) }) : t('plan.agreement.entryWithdrawn', { name, date: formatDate(a.withdrawnAt) })}
                </ListItem>
              );
            })}
          </UnorderedList>
        </>
      )}
      {plan.items.length > 0 && (
        <>
          <Paragraph>{t('plan.agreement.agreeHelp')}</Paragraph>
          <AgreementButtons
            familyId={null}
            agree={!active || askedAgain}
            withdraw={active}
            words={{ agree: 'plan.agreement.agree', agreed: 'plan.agreement.agreedDone', withdraw: 'plan.agreement.withdraw', withdrawn: 'plan.agreement.withdrawnDone' }}
            onChanged={onChanged}
          />
        </>
      )}
    </section>
  );
}

/**
 * Whose agreement the plan still needs, as one list: the case director, the member, the members
 * of the reach by name, and "someone else in the family" for anyone else the API named (never how many).
 */
function summaryOfWaiting(t: Translate, items: readonly PlanItem[], reach: Reach, names: PlanNames): string[] {
  const ids = new Set(items.flatMap((i) => i.waitingForMemberIds));
  const words: string[] = [];
  const director = items.find((i) => !i.caseDirectorAgreed);
  if (director !== undefined) words.push(...waitingFor(t, { ...director, waitingForMemberIds: [] }, names));
  for (const member of reach.members) if (ids.has(member.id)) words.push(member.id === reach.viewerId ? t('member.youLower') : (reach.nameOf(member.id) ?? t('common.unknownMember')));
  if ([...ids].some((id) => !reach.has(id))) words.push(t('plan.waiting.someoneElse'));
  return words;
}
