import { type FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import type { PurposesQuery } from '../../api/generated/graphql';
import { useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, Fieldset, FieldsetLegend, FormFieldErrorMessage, Paragraph, PrimaryActionButton } from '../../ui';
import { Choice } from '../../ui/choice';
import { ErrorAlert } from '../../ui/error-alert';

const PURPOSES = gql(`query Purposes { purposes { code name description domains statutoryFor maxCategories } }`);

type Purpose = PurposesQuery['purposes'][number];

/**
 * Asks what the file is opened for: the API requires a declared purpose, and the access
 * log records it with every opening. Only purposes the professional's domain may use.
 */
export function PurposeChooser({ initial, onChoose }: { initial: string | null; onChoose: (purpose: string) => void }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const domain = viewer?.professional?.organisation.domain ?? null;
  const purposes = useApi(() => graphql(PURPOSES).then((d) => d.purposes), 'purposes');
  const usable = (purposes.data ?? []).filter((p) => domain !== null && p.domains.includes(domain));
  const [chosen, setChosen] = useState<string | null>(initial);
  const [missing, setMissing] = useState(false);

  // A catalogue entry the portal has no words for yet still shows, with the register's own text.
  const known = (key: string) => t(key as MessageKey) !== key;
  const label = (p: Purpose) => (known(`purpose.${p.code}`) ? t(`purpose.${p.code}` as MessageKey) : p.name);
  const help = (p: Purpose) => (known(`purposeHelp.${p.code}`) ? t(`purposeHelp.${p.code}` as MessageKey) : p.description);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === null || !usable.some((p) => p.code === chosen)) {
      setMissing(true);
      document.getElementById('purpose-choice')?.focus();
      return;
    }
    onChoose(chosen);
  };

  return (
    <>
      <Paragraph>{t('pro.purpose.intro')}</Paragraph>
      <Paragraph>{t('pro.purpose.log')}</Paragraph>
      <ErrorAlert error={purposes.error} />
      {purposes.loading && purposes.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {purposes.data !== null && usable.length === 0 && <Alert type="warning">{t('pro.purpose.none')}</Alert>}
      {usable.length > 0 && (
        <form className="kring-form" onSubmit={submit} noValidate>
          <Fieldset invalid={missing} aria-describedby={missing ? 'purpose-error' : undefined}>
            <FieldsetLegend className="kring-legend" id="purpose-choice" tabIndex={-1}>
              {t('pro.purpose.legend')}
            </FieldsetLegend>
            {missing && (
              <FormFieldErrorMessage id="purpose-error">
                <Paragraph>{t('pro.purpose.required')}</Paragraph>
              </FormFieldErrorMessage>
            )}
            {usable.map((p) => {
              const id = `purpose-${p.code}`;
              const statutory = domain !== null && p.statutoryFor.includes(domain);
              return (
                <Choice
                  key={p.code}
                  type="radio"
                  id={id}
                  name="purpose"
                  value={p.code}
                  checked={chosen === p.code}
                  onChange={() => {
                    setChosen(p.code);
                    setMissing(false);
                  }}
                  label={label(p)}
                  descriptionId={`${id}-help`}
                  description={
                    <>
                      {help(p)}
                      {statutory && <> {t('pro.purpose.statutory')}</>}{' '}
                      {t('pro.purpose.reaches', { categories: p.maxCategories.map((c) => t(`category.${c}` as MessageKey)).join(', ') })}
                    </>
                  }
                />
              );
            })}
          </Fieldset>
          <div>
            <PrimaryActionButton type="submit">{t('pro.purpose.open')}</PrimaryActionButton>
          </div>
        </form>
      )}
    </>
  );
}
