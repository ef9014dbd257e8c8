import type { CircleProfessional } from '../../api/fragments';
import { useI18n } from '../../i18n/i18n';
import { DataList, DataListItem } from '../../ui';
import { joinWords, labelOf } from './member-family';

/** A professional of the circle as the family and colleagues need them: name, role, organisation, how to reach them. */
export function ProfessionalDetails({ professional, testId }: { professional: CircleProfessional; testId?: string }) {
  const { t } = useI18n();
  return (
    <DataList className="kring-m-datalist">
      <DataListItem label={t('circle.name')}>
        <strong data-testid={testId}>{professional.name}</strong>
      </DataListItem>
      <DataListItem label={t('circle.role')}>{joinWords(t, professional.roles.map((role) => labelOf(t, 'role', role)), 'member.and')}</DataListItem>
      <DataListItem label={t('circle.organisation')}>{professional.organisation.name}</DataListItem>
      <DataListItem label={t('circle.reach')}>{professional.contact ?? <span className="kring-m-muted">{t('circle.noContact')}</span>}</DataListItem>
    </DataList>
  );
}
