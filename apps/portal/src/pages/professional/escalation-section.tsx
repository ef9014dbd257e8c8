import type { FamilyMember } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Paragraph, Section } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { EscalationCard, type EscalationNames } from '../escalation/escalation-parts';
import { RaiseEscalationForm } from '../escalation/raise-escalation-form';

const FAMILY_ESCALATIONS = gql(`query FamilyEscalations($familyId: ID!) { familyEscalations(familyId: $familyId) { ...EscalationFields } }`);

/**
 * "Doorbraak" in the family file: the family's escalations as the rule lets this professional see
 * them (`familyEscalations`; what another organisation wrote is withheld with the rule's reason
 * where the family did not consent), and the form that raises one for the declared purpose.
 */
export function EscalationSection({ familyId, purpose, members, label }: { familyId: string; purpose: string; members: readonly FamilyMember[]; label: (memberId: string) => string }) {
  const { t } = useI18n();
  const escalations = useApi(() => graphql(FAMILY_ESCALATIONS, { familyId }).then((d) => d.familyEscalations), `family-escalations-${familyId}`);
  const names: EscalationNames = { member: label, raiser: label };
  return (
    <Section id="file-escalations" title={t('esc.pro.title')}>
      <Paragraph>{t('esc.pro.intro')}</Paragraph>
      <ErrorAlert error={escalations.error} />
      {escalations.data === null && escalations.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {escalations.data !== null && escalations.data.length === 0 && <Paragraph>{t('esc.pro.none')}</Paragraph>}
      {escalations.data?.map((escalation) => (
        <EscalationCard key={escalation.id} escalation={escalation} names={names} level={3} />
      ))}
      <RaiseEscalationForm writer="professional" familyId={familyId} purpose={purpose} members={members.map((m) => ({ id: m.id, label: label(m.id) }))} onRaised={escalations.reload} />
    </Section>
  );
}
