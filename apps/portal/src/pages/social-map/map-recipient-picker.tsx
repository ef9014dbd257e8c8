import { useI18n } from '../../i18n/i18n';
import { ServicePicker } from './service-picker';

interface Props {
  /** The organisation chosen in the form now, so the note says what was picked here only while it stands. */
  readonly selectedOrganisationId: string;
  readonly onChoose: (organisationId: string) => void;
}

/**
 * Choosing a consent's recipient from the social map: search for the help, choose a service,
 * and its organisation becomes the recipient.
 */
export function MapRecipientPicker({ selectedOrganisationId, onChoose }: Props) {
  const { t } = useI18n();
  return (
    <ServicePicker
      id="recipient-from-map"
      words={{
        label: t('member.grant.fromMap'),
        help: t('member.grant.fromMapHelp'),
        search: t('member.grant.fromMapSearch'),
        results: t('member.grant.fromMapResults'),
        none: t('member.grant.fromMapNone'),
        choose: (service) => t('member.grant.fromMapChoose', { organisation: service.organisation.name }),
        chosen: (service) => t('member.grant.fromMapChosen', { organisation: service.organisation.name, service: service.name }),
      }}
      stillChosen={(service) => service.organisation.id === selectedOrganisationId}
      onChoose={(service) => onChoose(service.organisation.id)}
    />
  );
}
