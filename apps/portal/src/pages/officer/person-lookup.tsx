import { type FormEvent, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, PrimaryActionButton, SecondaryActionButton, Select, Textbox } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { rememberNames } from './known-names';

const BY_BSN = gql(`query LookUpMemberByBsn($bsn: String!) { lookUpMemberByBsn(bsn: $bsn) { members { id familyId name } more } }`);
const BY_NAME = gql(`query LookUpMembersByName($name: String!) { lookUpMembersByName(name: $name) { members { id familyId name } more } }`);
const PROFESSIONALS = gql(`query LookUpProfessionals($name: String!) { lookUpProfessionals(name: $name) { professionals { id name organisation { id name } } more } }`);

/** The filter fields a lookup fills: always ids, so the URL stays pseudonymous. */
export type PersonField = 'familyId' | 'memberId' | 'professionalId';

type Found =
  | { readonly kind: 'member'; readonly members: readonly { id: string; familyId: string; name: string }[]; readonly more: boolean }
  | { readonly kind: 'professional'; readonly professionals: readonly { id: string; name: string; organisation: { id: string; name: string } }[]; readonly more: boolean };

/** Nine digits, with spaces, dots or dashes between: a BSN, not a name. */
const LOOKS_LIKE_BSN = /^[\d\s.-]+$/;

/**
 * Finding whom to filter on without an id (issue 19): a family member by BSN or name, or a
 * professional by name, within the officer's scope. Every search is logged by the API. A
 * choice sets the filter to the person's id; their name is kept in this tab's memory only.
 */
export function PersonLookup({ onChoose }: { onChoose: (field: PersonField, id: string) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'member' | 'professional'>('member');
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const typed = text.trim();
      if (kind === 'professional') {
        const { lookUpProfessionals } = await graphql(PROFESSIONALS, { name: typed });
        rememberNames(lookUpProfessionals.professionals.map((p) => [p.id, p.name] as const));
        setFound({ kind, ...lookUpProfessionals });
      } else {
        const members = LOOKS_LIKE_BSN.test(typed) ? (await graphql(BY_BSN, { bsn: typed })).lookUpMemberByBsn : (await graphql(BY_NAME, { name: typed })).lookUpMembersByName;
        rememberNames(members.members.map((m) => [m.id, m.name] as const));
        rememberNames(members.members.map((m) => [m.familyId, t('officer.lookup.familyOf', { name: m.name })] as const));
        setFound({ kind, ...members });
      }
    } catch (e) {
      setFound(null);
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  // A refusal of what was typed stands next to the field; any other error above the results.
  const refusal = error?.code === 'BAD_USER_INPUT' ? error.refusal : null;
  const fieldError =
    refusal === 'BSN_INVALID' ? t('officer.lookup.error.bsn') : refusal === 'NAME_LENGTH' ? t('officer.lookup.error.name') : refusal === 'TOO_MANY_CANDIDATES' ? t('officer.lookup.error.tooMany') : null;
  const count = found === null ? null : found.kind === 'member' ? found.members.length : found.professionals.length;

  return (
    <form className="kring-person-lookup" role="search" aria-labelledby="officer-lookup-title" onSubmit={(e) => void search(e)} noValidate>
      <h3 className="utrecht-heading-3" id="officer-lookup-title">
        {t('officer.lookup.title')}
      </h3>
      <div className="kring-filters">
        <FormField className="kring-filter-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="officer-lookup-kind">{t('officer.lookup.kind')}</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Select
              id="officer-lookup-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value === 'professional' ? 'professional' : 'member');
                setFound(null);
                setError(null);
              }}
            >
              <option value="member">{t('officer.lookup.kindMember')}</option>
              <option value="professional">{t('officer.lookup.kindProfessional')}</option>
            </Select>
          </div>
        </FormField>
        <FormField invalid={fieldError !== null} className="kring-filter-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="officer-lookup-text">{kind === 'member' ? t('officer.lookup.textMember') : t('officer.lookup.textProfessional')}</FormLabel>
          </div>
          <FormFieldDescription id="officer-lookup-help">{kind === 'member' ? t('officer.lookup.helpMember') : t('officer.lookup.helpProfessional')}</FormFieldDescription>
          {fieldError !== null && (
            <FormFieldErrorMessage id="officer-lookup-error" className="kring-field-error">
              {fieldError}
            </FormFieldErrorMessage>
          )}
          <div className="utrecht-form-field__input">
            <Textbox
              id="officer-lookup-text"
              name="lookup"
              value={text}
              invalid={fieldError !== null}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={['officer-lookup-help', fieldError === null ? null : 'officer-lookup-error'].filter(Boolean).join(' ')}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        </FormField>
      </div>
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('officer.lookup.search')}
        </PrimaryActionButton>
      </ButtonGroup>
      {fieldError === null && <ErrorAlert error={error} />}
      <p className={count === null ? 'kring-visually-hidden' : 'utrecht-paragraph'} role="status" data-testid="lookup-count">
        {count === null ? '' : count === 0 ? t('officer.lookup.none') : found?.more === true ? t('officer.lookup.countMore', { count }) : t('officer.lookup.count', { count })}
      </p>
      {found?.kind === 'member' && found.members.length > 0 && (
        <ul className="kring-lookup-results">
          {found.members.map((m) => (
            <li key={m.id} data-testid="lookup-member" data-member-id={m.id}>
              <strong>{m.name}</strong>
              <ButtonGroup>
                <SecondaryActionButton type="button" data-testid={`choose-member-${m.id}`} onClick={() => onChoose('memberId', m.id)}>
                  {t('officer.lookup.chooseMember', { name: m.name })}
                </SecondaryActionButton>
                <SecondaryActionButton type="button" data-testid={`choose-family-${m.familyId}`} onClick={() => onChoose('familyId', m.familyId)}>
                  {t('officer.lookup.chooseFamily', { name: m.name })}
                </SecondaryActionButton>
              </ButtonGroup>
            </li>
          ))}
        </ul>
      )}
      {found?.kind === 'professional' && found.professionals.length > 0 && (
        <ul className="kring-lookup-results">
          {found.professionals.map((p) => (
            <li key={p.id} data-testid="lookup-professional">
              <strong>{p.name}</strong> <span>{p.organisation.name}</span>
              <ButtonGroup>
                <SecondaryActionButton type="button" data-testid={`choose-professional-${p.id}`} onClick={() => onChoose('professionalId', p.id)}>
                  {t('officer.lookup.chooseProfessional', { name: p.name })}
                </SecondaryActionButton>
              </ButtonGroup>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
