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

/** What the picker says, in the words of the form it sits in. */
export interface ServicePickerWords {
  readonly label: string;
  readonly help: string;
  readonly search: string;
  readonly results: string;
  readonly none: string;
  readonly choose: (service: ServiceSummary) => string;
  /** Said (politely, in a status region) while the service chosen here is still the form's choice. */
  readonly chosen: (service: ServiceSummary) => string;
}

interface Props {
  /** The prefix of the picker's ids, unique on the page. */
  readonly id: string;
  readonly words: ServicePickerWords;
  /** Whether the service chosen here is still what the form holds (the form may have changed it). */
  readonly stillChosen: (service: ServiceSummary) => boolean;
  readonly onChoose: (service: ServiceSummary) => void;
  /** A problem with the choice, from the form, shown at the search box. */
  readonly problem?: string;
}

/**
 * Choosing a service from the social map inside another form: search, then choose one of the
 * first results. It is no form of its own: Enter in its box searches instead of sending the
 * form around it.
 */
export function ServicePicker({ id, words, stillChosen, onChoose, problem: formProblem }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly ServiceSummary[] | null>(null);
  const [chosen, setChosen] = useState<ServiceSummary | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `${id}-text`;

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
  const shownProblem = problem ?? formProblem;

  return (
    <div className="kring-map-picker" data-testid={id}>
      <LabelledField id={inputId} label={words.label} help={words.help} problem={shownProblem}>
        {(describedBy) => <Textbox id={inputId} type="search" autoComplete="off" value={text} invalid={shownProblem !== undefined} aria-describedby={describedBy} onKeyDown={onKeyDown} onChange={(e) => setText(e.currentTarget.value)} />}
      </LabelledField>
      <Button appearance="secondary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void search()}>
        {words.search}
      </Button>
      <ErrorAlert error={error} />
      <div role="status">
        {chosen !== null && stillChosen(chosen) && <Paragraph>{words.chosen(chosen)}</Paragraph>}
        {found !== null && found.length === 0 && <Paragraph>{words.none}</Paragraph>}
      </div>
      {found !== null && found.length > 0 && (
        <section aria-labelledby={`${id}-results`}>
          <Heading level={3} id={`${id}-results`}>
            {words.results}
          </Heading>
          <ul className="kring-map-results">
            {found.map((service) => (
              <li key={service.id} className="kring-card kring-map-picker__result">
                <Paragraph>
                  <strong>{service.name}</strong> · {service.organisation.name}
                </Paragraph>
                <Paragraph>
                  <WaitingTimeText service={service} id={`${id}-${service.id}`} />
                </Paragraph>
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  onClick={() => {
                    setChosen(service);
                    onChoose(service);
                  }}
                >
                  {words.choose(service)}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
