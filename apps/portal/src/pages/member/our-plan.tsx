import { useEffect, useState } from 'react';
import type { Plan, PlanItem } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import type { PlanContextQuery } from '../../api/generated/graphql';
import { useApi } from '../../api/use-api';
import { type Translate, useI18n } from '../../i18n/i18n';
import { Link, useRouter } from '../../router';
import { Alert, Heading, Paragraph, SecondaryActionButton } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { ItemStatusForm, PlanItemCard, PlanItemList, usePlanAction } from '../plan/plan-parts';
import type { PlanNames } from '../plan/plan-words';
import { PlanVersions } from '../plan/plan-versions';
import { WritePlanItemForm } from '../plan/write-plan-item-form';
import { joinWords, reachOf, type Reach } from './member-family';
import { PlanAgreementSection } from './plan-agreement';

const OUR_PLAN = gql(`query OurPlan($version: Int) { ourPlan(version: $version) { ...PlanFields } }`);
const PLAN_CONTEXT = gql(`query PlanContext { myReach { id self name birthDate decidesConsents } myCircle { caseDirector { id name } } }`);
const SHOW = gql(`mutation ShowPlanItemToFamily($itemId: ID!, $shown: Boolean!) { showPlanItemToFamily(itemId: $itemId, shown: $shown) { id shownToFamily } }`);

type InReach = PlanContextQuery['myReach'][number];

/**
 * "Ons plan": the family plan as this member may read it (DESIGN.md §9; docs/family-plan.md).
 * Everything on it is what `ourPlan` served: the page names only the members of the reach
 * (`myReach`) and counts nothing of its own, so nothing about a member outside the reach
 * appears. `?version=N` shows one of the member's earlier versions, read-only.
 */
export function OurPlanPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { location } = useRouter();
  usePageTitle(t('plan.member.title'));
  const asked = Number(location.query.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : null;
  const context = useApi(() => graphql(PLAN_CONTEXT), 'plan-context');
  const plan = useApi(() => graphql(OUR_PLAN, { version }).then((d) => d.ourPlan), `our-plan-${version ?? 'now'}`);
  // Another version replaces the page's content: start keyboard and screen-reader users at its top again.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [version]);

  const viewerId = viewer?.member?.id ?? '';
  const reach = context.data ? reachOf(context.data.myReach, viewerId, viewer?.member?.name ?? null) : null;
  const caseDirector = context.data?.myCircle.caseDirector?.name ?? null;

  return (
    <>
      <Heading level={1}>{t('plan.member.title')}</Heading>
      <Paragraph lead>{t('plan.member.intro')}</Paragraph>
      <Paragraph>
        {t('plan.member.introConsents')} <Link to="/me/consents">{t('nav.myConsents')}</Link>
      </Paragraph>
      <ErrorAlert error={context.error ?? plan.error} />
      {(context.data === null || plan.data === null) && (context.loading || plan.loading) && <Paragraph>{t('app.loading')}</Paragraph>}
      {reach !== null && plan.data !== null && (
        <PlanView plan={plan.data} reach={reach} caseDirector={caseDirector} onChanged={plan.reload} />
      )}
    </>
  );
}

function PlanView({ plan, reach, caseDirector, onChanged }: { plan: Plan; reach: Reach<InReach>; caseDirector: string | null; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const names = memberNames(t, reach, caseDirector);
  const earlier = plan.version < plan.latestVersion;
  const shownAt = plan.versions.find((v) => v.version === plan.version);
  const of = (kind: PlanItem['kind']) => plan.items.filter((i) => i.kind === kind);
  const card = (item: PlanItem) => (
    <PlanItemCard key={item.id} item={item} names={names} showShown>
      {!earlier && <MemberItemActions item={item} reach={reach} onChanged={onChanged} />}
    </PlanItemCard>
  );
  return (
    <>
      {earlier && (
        <Alert type="warning">
          <Paragraph>
            <strong data-testid="plan-earlier-version">{t('plan.version.viewing', { version: plan.version, latest: plan.latestVersion })}</strong>
            {shownAt !== undefined && <> ({formatDate(shownAt.at)})</>}
          </Paragraph>
          <Paragraph>
            <Link to="/me/plan">{t('plan.version.back')}</Link>
          </Paragraph>
        </Alert>
      )}
      {/* Agreement is where the plan stands now; an earlier version is only read. */}
      {!earlier && <PlanAgreementSection plan={plan} reach={reach} names={names} onChanged={onChanged} />}
      {plan.items.length === 0 && <Paragraph>{t('plan.member.empty')}</Paragraph>}

      <section aria-labelledby="plan-words" className="kring-section">
        <Heading level={2} id="plan-words">
          {t('plan.member.words')}
        </Heading>
        <Paragraph>{t('plan.member.wordsIntro')}</Paragraph>
        <PlanItemList empty={of('WORDS').length === 0}>{of('WORDS').map(card)}</PlanItemList>
      </section>

      <section aria-labelledby="plan-goals" className="kring-section">
        <Heading level={2} id="plan-goals">
          {t('plan.member.goals')}
        </Heading>
        {goalGroups(of('GOAL'), reach).map((group) => (
          <div key={group.key} className="kring-plan-group">
            <Heading level={3} id={`plan-goals-${group.key}`}>
              {group.key === 'others' ? t('plan.member.goalsOthers') : joinWords(t, group.memberIds.map(names.member), 'member.and')}
            </Heading>
            <PlanItemList empty={group.items.length === 0}>{group.items.map(card)}</PlanItemList>
          </div>
        ))}
      </section>

      <section aria-labelledby="plan-actions" className="kring-section">
        <Heading level={2} id="plan-actions">
          {t('plan.member.actions')}
        </Heading>
        <PlanItemList empty={of('ACTION').length === 0}>{of('ACTION').map(card)}</PlanItemList>
      </section>

      <section aria-labelledby="plan-review" className="kring-section">
        <Heading level={2} id="plan-review">
          {t('plan.member.review')}
        </Heading>
        {of('REVIEW').length === 0 ? <Paragraph>{t('plan.noReview')}</Paragraph> : <PlanItemList empty={false}>{of('REVIEW').map(card)}</PlanItemList>}
      </section>

      {!earlier && <WritePlanItemForm writer="member" familyId={null} members={reach.members.map((m) => ({ id: m.id, label: names.member(m.id) }))} onWritten={onChanged} />}

      <PlanVersions plan={plan} names={names} linkTo={(v) => (v === plan.latestVersion ? '/me/plan' : `/me/plan?version=${v}`)} />
    </>
  );
}

/** How a member's page names members: those in reach by name ("Marieke (u)"), anyone else by what they are to the item. */
function memberNames(t: Translate, reach: Reach, caseDirector: string | null): PlanNames {
  return {
    member: (id) => {
      const name = reach.nameOf(id);
      if (id === reach.viewerId) return t('member.you', { name: name ?? '' });
      return name ?? t('common.unknownMember');
    },
    waiting: (item, id) => {
      if (id === reach.viewerId) return t('member.youLower');
      return reach.nameOf(id) ?? (item.subjectMemberIds.includes(id) ? t('plan.waiting.subject') : t('member.anotherParent'));
    },
    caseDirector,
  };
}

/** Goals per member of the reach (the viewer first), then goals about several of them, then those others in the family shared. */
function goalGroups(goals: readonly PlanItem[], reach: Reach): { key: string; memberIds: string[]; items: PlanItem[] }[] {
  const order = (id: string) => reach.members.findIndex((m) => m.id === id);
  const groups = new Map<string, { key: string; memberIds: string[]; items: PlanItem[] }>(reach.members.map((m) => [m.id, { key: m.id, memberIds: [m.id], items: [] }]));
  const others: PlanItem[] = [];
  for (const goal of goals) {
    if (!goal.subjectMemberIds.every(reach.has)) {
      others.push(goal);
      continue;
    }
    const memberIds = [...goal.subjectMemberIds].sort((a, b) => order(a) - order(b));
    const key = memberIds.join('-');
    const group = groups.get(key) ?? { key, memberIds, items: [] };
    group.items.push(goal);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  return others.length === 0 ? all : [...all, { key: 'others', memberIds: [], items: others }];
}

/** What a member can do with an item: change the status of the family's own goal or action, and show it to the whole family or take that back. */
function MemberItemActions({ item, reach, onChanged }: { item: PlanItem; reach: Reach<InReach>; onChanged: () => void }) {
  const mayChange = item.source === null && item.subjectMemberIds.every(reach.has);
  // A hint: the API decides whose say counts (NOT_YOUR_CHOICE otherwise), by the same capacity rule as consents.
  const mayShow = item.kind !== 'REVIEW' && item.subjectMemberIds.some((id) => reach.members.find((m) => m.id === id)?.decidesConsents === true);
  return (
    <>
      {mayChange && <ItemStatusForm item={item} familyId={null} onChanged={onChanged} />}
      {mayShow && <ShowToFamily item={item} onChanged={onChanged} />}
    </>
  );
}

function ShowToFamily({ item, onChanged }: { item: PlanItem; onChanged: () => void }) {
  const { t } = useI18n();
  const { busy, run, feedback } = usePlanAction();
  // The member's own last choice on this page; before one, what the family sees now.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const showing = chosen ?? item.shownToFamily;
  const choose = (shown: boolean) =>
    run(async () => {
      const { showPlanItemToFamily: after } = await graphql(SHOW, { itemId: item.id, shown });
      setChosen(shown);
      onChanged();
      if (shown) return after.shownToFamily ? t('plan.show.shown') : t('plan.show.waiting');
      return after.shownToFamily ? t('plan.show.stillShown') : t('plan.show.hidden');
    });
  return (
    <div className="kring-plan-item__show">
      <SecondaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void choose(!showing)}>
        {showing ? t('plan.show.takeBack') : t('plan.show.show')}
      </SecondaryActionButton>
      {feedback}
    </div>
  );
}
