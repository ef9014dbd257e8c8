import { type KeyboardEvent, useState } from 'react';
import type { ApiError } from '../../api/graphql';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Button, Heading, Paragraph, Textbox } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { REFUSED_FIELDS } from './search-form';
import { searchServices, type ServiceSummary } from './service-api';
import { WaitingTimeText } from './service-card';

interface Props {
  /** The organisation chosen in the form now, so the note says what was picked here only while it stands. */
  readonly selectedOrganisationId: string;
  readonly onChoose: (organisationId: string) => void;
}

/**
 * Choosing a consent's recipient from the social map: search for the help, choose a service,
 * and its organisation becomes the recipient. It sits inside the consent form, so it is no
 * form of its own: Enter in its box searches instead of granting.
 */
export function MapRecipientPicker({ selectedOrganisationId, onChoose }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly ServiceSummary[] | null>(null);
  const [chosen, setChosen] = useState<ServiceSummary | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setProblem(undefined);
    setError(null);
    setBusy(true);
    try {
      const page = await searchServices(text.trim() === '' ? {} : { text }, 5, null);
      setFound(page.edges.map((e) => e.node));
    } catch (e) {
      const failure = asApiError(e);
      if (failure.code === 'BAD_USER_INPUT' && failure.field !== null && REFUSED_FIELDS[failure.field]?.field === 'text') setProblem(t('map.problem.text'));
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void search();
  };

  return (
    <div className="kring-map-picker" data-testid="recipient-from-map">
      <LabelledField id="grant-map-text" label={t('member.grant.fromMap')} help={t('member.grant.fromMapHelp')} problem={problem}>
        {(describedBy) => <Textbox id="grant-map-text" type="search" autoComplete="off" value={text} invalid={problem !== undefined} aria-describedby={describedBy} onKeyDown={onKeyDown} onChange={(e) => setText(e.currentTarget.value)} />}
      </LabelledField>
      <Button appearance="secondary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void search()}>
        {t('member.grant.fromMapSearch')}
      </Button>
      <ErrorAlert error={error} />
      <div role="status">
        {chosen !== null && chosen.organisation.id === selectedOrganisationId && <Paragraph>{t('member.grant.fromMapChosen', { organisation: chosen.organisation.name, service: chosen.name })}</Paragraph>}
        {found !== null && found.length === 0 && <Paragraph>{t('member.grant.fromMapNone')}</Paragraph>}
      </div>
      {found !== null && found.length > 0 && (
        <section aria-labelledby="grant-map-results">
          <Heading level={3} id="grant-map-results">
            {t('member.grant.fromMapResults')}
          </Heading>
          <ul className="kring-map-results">
            {found.map((service) => (
              <li key={service.id} className="kring-card kring-map-picker__result">
                <Paragraph>
                  <strong>{service.name}</strong> · {service.organisation.name}
                </Paragraph>
                <Paragraph>
                  <WaitingTimeText service={service} id={`grant-map-${service.id}`} />
                </Paragraph>
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  onClick={() => {
                    setChosen(service);
                    onChoose(service.organisation.id);
                  }}
                >
                  {t('member.grant.fromMapChoose', { organisation: service.organisation.name })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
