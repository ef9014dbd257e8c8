import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { DATA_CATEGORIES } from '../../api/fragments';
import { gql } from '../../api/generated';
import type { ConsentChoicesQuery, DataCategory, Domain } from '../../api/generated/graphql';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, PrimaryActionButton, Select, Textbox } from '../../ui';
import { Choice } from '../../ui/choice';
import { DomainSelect } from '../../ui/domain-select';
import { ErrorAlert } from '../../ui/error-alert';
import { MapRecipientPicker } from '../social-map/map-recipient-picker';
import { awaitingOf, recipientOf } from './consent-words';
import { ageOn, labelOf, type MemberBasics, type Reach, todayInNl } from './member-family';

const GRANT = gql(`mutation GrantConsent($input: GrantConsentInput!) { grantConsent(input: $input) { ...ConsentFields } }`);

export type PurposeChoice = ConsentChoicesQuery['purposes'][number];
type Organisation = ConsentChoicesQuery['organisations'][number];

type RecipientKind = 'organisation' | 'domain';
type FieldName = 'subject' | 'recipient' | 'purposes' | 'categories' | 'until';

/** The id of the element that receives focus when a field is wrong. */
const FOCUS_TARGET: Record<FieldName, string> = {
  subject: 'grant-subject',
  recipient: 'grant-recipient-target',
  purposes: 'grant-purposes',
  categories: 'grant-categories',
  until: 'grant-until',
};

function dateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function monthsAhead(months: number, from = new Date()): Date {
  const date = new Date(from);
  date.setMonth(date.getMonth() + months);
  return date;
}

/**
 * The end of the chosen day, local time. On the last day allowed, that would pass the API's
 * "twelve months from now" by a few hours, so it stops just before; anything later is sent
 * as chosen and the API refuses it (shown at the date field).
 */
function validUntilOf(day: string): Date | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (parts === null) return null;
  const end = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), 23, 59, 59);
  if (Number.isNaN(end.getTime())) return null;
  const latest = new Date(monthsAhead(12).getTime() - 2 * 60 * 1000);
  return day <= dateInput(monthsAhead(12)) && end > latest ? latest : end;
}

interface Props {
  readonly reach: Reach<MemberBasics & { readonly decidesConsents: boolean }>;
  readonly organisations: readonly Organisation[];
  readonly purposes: readonly PurposeChoice[];
  readonly onGranted: () => void;
}

/** The form that grants a consent, each question explained in plain words. */
export function GrantConsentForm({ reach, organisations, purposes, onGranted }: Props) {
  const { t } = useI18n();
  const today = todayInNl();
  // Whom the member may grant for is the API's answer (myReach's decidesConsents: the capacity rule), not worked out here.
  const subjects = reach.members.filter((m) => m.decidesConsents);
  const [subject, setSubject] = useState<string>(subjects[0]?.id ?? '');
  const [kind, setKind] = useState<RecipientKind>('organisation');
  const [organisationId, setOrganisationId] = useState('');
  const [domain, setDomain] = useState<Domain | ''>('');
  const [chosenPurposes, setChosenPurposes] = useState<readonly string[]>([]);
  const [categories, setCategories] = useState<readonly DataCategory[]>([]);
  const [until, setUntil] = useState(() => dateInput(monthsAhead(6)));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (success !== null) successRef.current?.focus();
  }, [success]);

  if (subjects.length === 0) return <Paragraph>{t('member.grant.noOne')}</Paragraph>;

  const recipientDomain: Domain | null = kind === 'organisation' ? (organisations.find((o) => o.id === organisationId)?.domain ?? null) : domain === '' ? null : domain;
  const offered = recipientDomain === null ? purposes : purposes.filter((p) => p.domains.includes(recipientDomain));
  const selectedPurposes = chosenPurposes.filter((code) => offered.some((p) => p.code === code));
  const reachable = new Set(purposes.filter((p) => selectedPurposes.includes(p.code)).flatMap((p) => p.maxCategories));
  const selectedSubject = reach.members.find((m) => m.id === subject);

  const subjectHelp = (memberId: string, birthDate: string | null): string => {
    const name = reach.nameOf(memberId) ?? t('common.unknownMember');
    const teen = birthDate !== null && ageOn(birthDate, today) < 16 && ageOn(birthDate, today) >= 12;
    if (memberId === reach.viewerId) return teen ? t('member.grant.subjectHelp.selfTeen') : t('member.grant.subjectHelp.selfAdult');
    return teen ? t('member.grant.subjectHelp.childTeen', { name }) : t('member.grant.subjectHelp.childYoung');
  };

  const validate = (): Partial<Record<FieldName, string>> => {
    const found: Partial<Record<FieldName, string>> = {};
    if (!subjects.some((m) => m.id === subject)) found.subject = t('member.grant.errorSubject');
    if (kind === 'organisation' && organisationId === '') found.recipient = t('member.grant.errorOrganisation');
    if (kind === 'domain' && domain === '') found.recipient = t('member.grant.errorDomain');
    if (selectedPurposes.length === 0) found.purposes = t('member.grant.errorPurposes');
    if (categories.length === 0) found.categories = t('member.grant.errorCategories');
    if (validUntilOf(until) === null) found.until = t('member.grant.errorUntil');
    return found;
  };

  const focusFirst = (found: Partial<Record<FieldName, string>>) => {
    const first = (Object.keys(FOCUS_TARGET) as FieldName[]).find((name) => found[name] !== undefined);
    if (first !== undefined) document.getElementById(FOCUS_TARGET[first])?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSuccess(null);
    setApiError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      const input = {
        subjectMemberId: subject,
        categories: [...categories],
        purposes: selectedPurposes,
        // Checked above: a domain is chosen when the recipient is a domain.
        ...(kind === 'organisation' ? { recipientOrganisationId: organisationId } : domain === '' ? {} : { recipientDomain: domain }),
        validUntil: (validUntilOf(until) as Date).toISOString(),
      };
      const { grantConsent } = await graphql(GRANT, { input });
      const recipient = recipientOf(t, grantConsent);
      const awaiting = awaitingOf(t, grantConsent, reach);
      setSuccess(grantConsent.status === 'ACTIVE' || awaiting === null ? t('member.grant.successActive', { recipient }) : t('member.grant.successPending', { recipient, who: awaiting }));
      setChosenPurposes([]);
      setCategories([]);
      setOrganisationId('');
      setDomain('');
      setUntil(dateInput(monthsAhead(6)));
      onGranted();
    } catch (e) {
      const error = asApiError(e);
      // The consent rules name fields inside the input; a refused date-time names its argument path.
      const fieldOf: Record<string, FieldName> = { validUntil: 'until', validFrom: 'until', 'input.validUntil': 'until', 'input.validFrom': 'until', categories: 'categories', purposes: 'purposes', recipientOrganisationId: 'recipient', recipientDomain: 'recipient', subjectMemberId: 'subject' };
      const field = error.field === null ? undefined : fieldOf[error.field];
      if ((error.code === 'BAD_USER_INPUT' || error.code === 'UNKNOWN_PURPOSE') && field !== undefined) {
        const text = field === 'until' ? t('member.grant.errorUntilApi') : labelOf(t, 'error', error.code);
        const found = { [field]: text };
        setErrors(found);
        focusFirst(found);
      } else {
        setApiError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const errorId = (name: FieldName) => (errors[name] === undefined ? undefined : `grant-${name}-error`);
  const errorMessage = (name: FieldName) =>
    errors[name] === undefined ? null : (
      <FormFieldErrorMessage id={`grant-${name}-error`}>
        <Paragraph>{errors[name]}</Paragraph>
      </FormFieldErrorMessage>
    );

  return (
    <form className="kring-form kring-m-grant" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="grant-title">
      <Paragraph>{t('member.grant.intro')}</Paragraph>
      <div ref={successRef} tabIndex={-1} className="kring-m-feedback">
        {success !== null && <Alert type="ok">{success}</Alert>}
      </div>
      {Object.keys(errors).length > 0 && <Alert type="error">{t('member.grant.errorSummary')}</Alert>}
      <ErrorAlert error={apiError} />

      <Fieldset invalid={errors.subject !== undefined} aria-describedby={errorId('subject')}>
        <FieldsetLegend>{t('member.grant.subject')}</FieldsetLegend>
        {errorMessage('subject')}
        <div id="grant-subject" tabIndex={-1}>
          {subjects.map((member) => (
            <Choice
              key={member.id}
              type="radio"
              id={`grant-subject-${member.id}`}
              name="subject"
              value={member.id}
              checked={subject === member.id}
              onChange={() => setSubject(member.id)}
              label={member.id === reach.viewerId ? t('member.grant.subjectSelf', { name: reach.nameOf(member.id) ?? '' }) : (reach.nameOf(member.id) ?? t('common.unknownMember'))}
              description={subjectHelp(member.id, member.birthDate)}
            />
          ))}
        </div>
      </Fieldset>

      <Fieldset invalid={errors.recipient !== undefined} aria-describedby={errorId('recipient')}>
        <FieldsetLegend>{t('member.grant.recipient')}</FieldsetLegend>
        {errorMessage('recipient')}
        <Choice
          type="radio"
          id="grant-recipient-organisation"
          name="recipientKind"
          value="organisation"
          checked={kind === 'organisation'}
          onChange={() => setKind('organisation')}
          label={t('member.grant.recipientOrganisation')}
          description={t('member.grant.recipientOrganisationHelp')}
        />
        <Choice
          type="radio"
          id="grant-recipient-domain"
          name="recipientKind"
          value="domain"
          checked={kind === 'domain'}
          onChange={() => setKind('domain')}
          label={t('member.grant.recipientDomain')}
          description={t('member.grant.recipientDomainHelp')}
        />
        {kind === 'organisation' ? (
          <FormField className="kring-m-grant__target" invalid={errors.recipient !== undefined}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="grant-recipient-target">{t('member.grant.organisation')}</FormLabel>
            </div>
            <div className="utrecht-form-field__input">
              <Select id="grant-recipient-target" name="organisation" value={organisationId} invalid={errors.recipient !== undefined} aria-describedby={errorId('recipient')} onChange={(event) => setOrganisationId(event.target.value)}>
                <option value="">{t('member.grant.choose')}</option>
                {[...organisations]
                  .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                  .map((organisation) => (
                    <option key={organisation.id} value={organisation.id}>
                      {organisation.name}
                    </option>
                  ))}
              </Select>
            </div>
          </FormField>
        ) : (
          <FormField className="kring-m-grant__target" invalid={errors.recipient !== undefined}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="grant-recipient-target">{t('member.grant.domain')}</FormLabel>
            </div>
            <div className="utrecht-form-field__input">
              <DomainSelect id="grant-recipient-target" name="domain" value={domain} invalid={errors.recipient !== undefined} aria-describedby={errorId('recipient')} onChoose={setDomain} />
            </div>
          </FormField>
        )}
        {kind === 'organisation' && <MapRecipientPicker selectedOrganisationId={organisationId} onChoose={setOrganisationId} />}
      </Fieldset>

      <Fieldset invalid={errors.purposes !== undefined} aria-describedby={['grant-purposes-help', errorId('purposes')].filter(Boolean).join(' ')}>
        <FieldsetLegend>{t('member.grant.purposes')}</FieldsetLegend>
        <FormFieldDescription id="grant-purposes-help">{recipientDomain === null ? t('member.grant.purposesAll') : t('member.grant.purposesHelp')}</FormFieldDescription>
        {errorMessage('purposes')}
        <div id="grant-purposes" tabIndex={-1}>
          {offered.map((purpose) => (
            <Choice
              key={purpose.code}
              type="checkbox"
              id={`grant-purpose-${purpose.code}`}
              name="purposes"
              value={purpose.code}
              checked={selectedPurposes.includes(purpose.code)}
              onChange={(checked) => setChosenPurposes((list) => (checked ? [...list, purpose.code] : list.filter((c) => c !== purpose.code)))}
              label={labelOf(t, 'purpose', purpose.code)}
              description={labelOf(t, 'purposeHelp', purpose.code)}
            />
          ))}
        </div>
      </Fieldset>

      <Fieldset invalid={errors.categories !== undefined} aria-describedby={['grant-categories-help', errorId('categories')].filter(Boolean).join(' ')}>
        <FieldsetLegend>{t('member.grant.categories')}</FieldsetLegend>
        <FormFieldDescription id="grant-categories-help">{t('member.grant.categoriesHelp')}</FormFieldDescription>
        {errorMessage('categories')}
        <div id="grant-categories" tabIndex={-1}>
          {DATA_CATEGORIES.map((category) => {
            const checked = categories.includes(category);
            const outside = checked && selectedPurposes.length > 0 && !reachable.has(category);
            return (
              <Choice
                key={category}
                type="checkbox"
                id={`grant-category-${category}`}
                name="categories"
                value={category}
                checked={checked}
                onChange={(on) => setCategories((list) => (on ? [...list, category] : list.filter((c) => c !== category)))}
                label={labelOf(t, 'category', category)}
                description={
                  outside ? (
                    <>
                      {labelOf(t, 'categoryHelp', category)} <strong>{t('member.grant.categoryOutside')}</strong>
                    </>
                  ) : (
                    labelOf(t, 'categoryHelp', category)
                  )
                }
              />
            );
          })}
        </div>
      </Fieldset>

      <FormField invalid={errors.until !== undefined}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="grant-until">{t('member.grant.until')}</FormLabel>
        </div>
        <FormFieldDescription id="grant-until-help">{t('member.grant.untilHelp')}</FormFieldDescription>
        {errorMessage('until')}
        <div className="utrecht-form-field__input">
          <Textbox
            id="grant-until"
            name="validUntil"
            type="date"
            value={until}
            min={today}
            max={dateInput(monthsAhead(12))}
            invalid={errors.until !== undefined}
            aria-describedby={['grant-until-help', errorId('until')].filter(Boolean).join(' ')}
            onChange={(event) => setUntil(event.target.value)}
          />
        </div>
      </FormField>

      {selectedSubject && <Paragraph>{subjectHelp(selectedSubject.id, selectedSubject.birthDate)}</Paragraph>}
      <div>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy} data-testid="grant-consent-submit">
          {t('member.grant.submit')}
        </PrimaryActionButton>
      </div>
    </form>
  );
}
