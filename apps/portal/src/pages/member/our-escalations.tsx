import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { type Translate, useI18n } from '../../i18n/i18n';
import { Heading, Paragraph } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { EscalationCard, type EscalationNames } from '../escalation/escalation-parts';
import { RaiseEscalationForm } from '../escalation/raise-escalation-form';
import { reachOf, type Reach } from './member-family';

const REACH = gql(`query EscalationReach { myReach { id self name birthDate } }`);
const OUR_ESCALATIONS = gql(`query OurEscalations { ourEscalations { ...EscalationFields } }`);

/**
 * "Vastgelopen?": the member asks for a breakthrough about their reach, and follows the
 * escalations about it (theirs and those their professionals raised): status, deadline, who took
 * it on, and the decision in plain words (DESIGN.md §9; docs/escalation.md). Everything shown is
 * what `ourEscalations` served; the page names only the members of `myReach`.
 */
export function OurEscalationsPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  usePageTitle(t('esc.member.title'));
  const context = useApi(() => graphql(REACH).then((d) => d.myReach), 'escalation-reach');
  const escalations = useApi(() => graphql(OUR_ESCALATIONS).then((d) => d.ourEscalations), 'our-escalations');
  const reach = context.data ? reachOf(context.data, viewer?.member?.id ?? '', viewer?.member?.name ?? null) : null;
  const names = reach === null ? null : memberNames(t, reach);

  return (
    <>
      <Heading level={1}>{t('esc.member.title')}</Heading>
      <Paragraph lead>{t('esc.member.intro')}</Paragraph>
      <ErrorAlert error={context.error ?? escalations.error} />
      {(reach === null || escalations.data === null) && (context.loading || escalations.loading) && <Paragraph>{t('app.loading')}</Paragraph>}
      {reach !== null && names !== null && (
        <>
          {escalations.data !== null && (
            <section aria-labelledby="our-escalations" className="kring-section">
              <Heading level={2} id="our-escalations">
                {t('esc.member.listTitle')}
              </Heading>
              <Paragraph>{t('esc.member.listIntro')}</Paragraph>
              {escalations.data.length === 0 && <Paragraph>{t('esc.member.none')}</Paragraph>}
              {escalations.data.map((escalation) => (
                <EscalationCard key={escalation.id} escalation={escalation} names={names} level={3} />
              ))}
            </section>
          )}
          <RaiseEscalationForm writer="member" familyId={null} purpose={null} members={reach.members.map((m) => ({ id: m.id, label: names.member(m.id) }))} onRaised={escalations.reload} />
        </>
      )}
    </>
  );
}

/** Members in reach by name ("Marieke (u)"); anyone else the API mentions as "een gezinslid". */
function memberNames(t: Translate, reach: Reach): EscalationNames {
  const member = (id: string) => {
    const name = reach.nameOf(id);
    if (id === reach.viewerId) return t('member.you', { name: name ?? '' });
    return name ?? t('common.unknownMember');
  };
  return { member, raiser: member };
}
