import type { CircleProfessional, FamilyMember, Plan, PlanItem, PlanRedaction } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Heading, Paragraph, Section } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { joinWords, labelOf } from '../member/member-family';
import { ItemStatusForm, PlanItemCard, PlanItemList } from '../plan/plan-parts';
import { type PlanNames, subjectsOf, waitingFor } from '../plan/plan-words';
import { WritePlanItemForm } from '../plan/write-plan-item-form';
import { CaseDirectorTools } from './plan-case-director';
import { NotShared } from './shared-value';

const FAMILY_PLAN = gql(`query FamilyPlan($familyId: ID!, $purpose: String!) { familyPlan(familyId: $familyId, purpose: $purpose) { ...PlanFields } }`);

const GROUPS = [
  ['WORDS', 'plan.member.words'],
  ['GOAL', 'plan.member.goals'],
  ['ACTION', 'plan.member.actions'],
  ['REVIEW', 'plan.member.review'],
] as const;

/**
 * The family plan in the professional's file, for the declared purpose (`familyPlan`): every
 * item the rule serves, and every item it withholds as "not shared" with the reason, as the
 * file's own redactions are. The professional adds their organisation's actions or proposes
 * goals; the case director (a hint from the circle; the API decides) sets the review date and agrees.
 */
export function PlanSection({
  familyId,
  purpose,
  members,
  label,
  caseDirector,
}: {
  familyId: string;
  purpose: string;
  members: readonly FamilyMember[];
  label: (memberId: string) => string;
  caseDirector: CircleProfessional | null;
}) {
  const { t } = useI18n();
  const { viewer } = useSession();
  // A new case director changes whose agreement counts: the plan is read again.
  const plan = useApi(() => graphql(FAMILY_PLAN, { familyId, purpose }).then((d) => d.familyPlan), `plan-${familyId}|${purpose}|${caseDirector?.id ?? ''}`);
  const names: PlanNames = { member: label, waiting: (_, id) => label(id), caseDirector: caseDirector?.name ?? null };
  const ownOrganisationId = viewer?.professional?.organisation.id ?? null;
  const data = plan.data;
  const directs = caseDirector !== null && caseDirector.id === viewer?.professional?.id;

  return (
    <Section id="file-plan" title={t('plan.pro.title')}>
      <Paragraph>{t('plan.pro.intro')}</Paragraph>
      <ErrorAlert error={plan.error} />
      {data === null && plan.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {data !== null && (
        <>
          <PlanState plan={data} names={names} />
          {GROUPS.map(([kind, title]) => {
            const items = data.items.filter((i) => i.kind === kind);
            const withheld = data.redactions.filter((r) => r.kind === kind);
            return (
              <div key={kind} className="kring-plan-group">
                <Heading level={3} id={`file-plan-${kind}`}>
                  {t(title)}
                </Heading>
                <PlanItemList empty={items.length + withheld.length === 0}>
                  {[
                    ...items.map((item) => (
                      <PlanItemCard key={item.id} item={item} names={names} showShown={false}>
                        {item.source !== null && item.source.id === ownOrganisationId && <ItemStatusForm item={item} familyId={familyId} onChanged={plan.reload} />}
                      </PlanItemCard>
                    )),
                    ...withheld.map((redaction) => <NotSharedItem key={redaction.itemId} redaction={redaction} names={names} />),
                  ]}
                </PlanItemList>
              </div>
            );
          })}
          {directs && <CaseDirectorTools familyId={familyId} plan={data} caseDirector={caseDirector} onChanged={plan.reload} />}
          <WritePlanItemForm writer="professional" familyId={familyId} members={members.map((m) => ({ id: m.id, label: label(m.id) }))} onWritten={plan.reload} />
        </>
      )}
    </Section>
  );
}

/** Whether the plan is agreed, whose agreement it still needs, and how much of it is not shared for this purpose. */
function PlanState({ plan, names }: { plan: Plan; names: PlanNames }) {
  const { t } = useI18n();
  const waiting = [...new Set(plan.items.flatMap((item: PlanItem) => waitingFor(t, item, names)))];
  const withheld = plan.redactions.length;
  return (
    <Alert type={plan.agreed ? 'ok' : 'info'}>
      <Paragraph>
        <strong data-testid="file-plan-agreed">{plan.items.length + withheld === 0 ? t('plan.pro.empty') : plan.agreed ? t('plan.pro.agreed') : t('plan.pro.notAgreed')}</strong>
        {waiting.length > 0 && <> {t('plan.agreement.waiting', { names: joinWords(t, waiting, 'member.and') })}</>}
      </Paragraph>
      {withheld > 0 && (
        <Paragraph>
          <strong data-testid="file-plan-redaction-count">{withheld === 1 ? t('plan.pro.summaryOne') : t('plan.pro.summary', { count: withheld })}</strong>. {t('plan.pro.summaryHelp')}
        </Paragraph>
      )}
    </Alert>
  );
}

/** An item that exists but is not shared for this purpose: what kind, about whom, why, and what to do. */
function NotSharedItem({ redaction, names }: { redaction: PlanRedaction; names: PlanNames }) {
  const { t } = useI18n();
  return (
    <li className="kring-card kring-plan-item kring-plan-item--not-shared">
      <Paragraph>
        <strong>{t('plan.pro.notSharedItem', { kind: labelOf(t, 'plan.kind', redaction.kind), names: subjectsOf(t, redaction, names) })}</strong>
      </Paragraph>
      <NotShared redaction={{ path: `plan.${redaction.itemId}`, reason: redaction.reason, category: redaction.category }} />
    </li>
  );
}
