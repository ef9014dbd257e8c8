import { useEffect, useRef, useState } from 'react';
import { DATA_CATEGORIES } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import type { DataCategory } from '../../api/generated/graphql';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Heading, Paragraph, PrimaryActionButton, Select } from '../../ui';
import { Choice, toggled } from '../../ui/choice';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField, TextQuestion, useCheckedSubmission } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ChoiceGroup } from '../plan/plan-form-fields';
import type { ServiceSummary } from '../social-map/service-api';
import { ServicePicker } from '../social-map/service-picker';
import { REFER, REFERRAL_PURPOSES } from './referral-api';
import { referralRefusal } from './referral-parts';

type Problem = 'member' | 'service' | 'purpose' | 'categories' | 'note';

/** The question an API refusal of `referToService` belongs to, by its `extensions.field`. */
const FIELDS: Readonly<Record<string, Problem>> = { memberId: 'member', serviceId: 'service', purpose: 'purpose', categories: 'categories', note: 'note' };
const NOTE_MAX = 2000;

/**
 * "Verwijzen" in the family file (`referToService`): whom, which service on the social map, for
 * which purpose (those the service's organisation's domain may use) and which categories; a note.
 * The referral carries a consent the family signs; nothing is readable by the organisation
 * before it accepts and that consent is active (the API's rule, docs/referral.md).
 */
export function ReferForm({ familyId, members, onReferred }: { familyId: string; members: readonly { readonly id: string; readonly label: string }[]; onReferred: () => void }) {
  const { t } = useI18n();
  const purposes = useApi(() => graphql(REFERRAL_PURPOSES).then((d) => d.purposes), 'referral-purposes');
  const [memberId, setMemberId] = useState('');
  const [service, setService] = useState<ServiceSummary | null>(null);
  const [purpose, setPurpose] = useState('');
  const [categories, setCategories] = useState<ReadonlySet<DataCategory>>(new Set());
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const feedback = useRef<HTMLDivElement>(null);

  const domain = service?.organisation.domain ?? null;
  const usable = (purposes.data ?? []).filter((p) => domain !== null && p.domains.includes(domain));
  // The categories the chosen purpose may ever cover (the catalogue's maxCategories); all until one is chosen.
  const allowed = usable.find((p) => p.code === purpose)?.maxCategories ?? DATA_CATEGORIES;
  const choosePurpose = (code: string) => {
    setPurpose(code);
    const max = (purposes.data ?? []).find((p) => p.code === code)?.maxCategories;
    if (max !== undefined) setCategories((before) => new Set([...before].filter((c) => max.includes(c))));
  };

  const check = (): Partial<Record<Problem, string>> => {
    const found: Partial<Record<Problem, string>> = {};
    if (memberId === '') found.member = t('ref.form.memberProblem');
    if (service === null) found.service = t('ref.form.serviceProblem');
    if (purpose === '') found.purpose = t('ref.form.purposeProblem');
    if (categories.size === 0) found.categories = t('ref.form.categoriesProblem');
    if (note.trim().length > NOTE_MAX) found.note = t('ref.form.noteProblem');
    return found;
  };

  const { problems, forget, form, apiError, busy, submit } = useCheckedSubmission<Problem>({
    onStart: () => setDone(null),
    check,
    send: async () => {
      if (service === null) return;
      const trimmed = note.trim();
      await graphql(REFER, { input: { familyId, memberId, serviceId: service.id, purpose, categories: [...categories], ...(trimmed === '' ? {} : { note: trimmed }) } });
      setDone(t('ref.form.done', { service: service.name }));
      setNote('');
      onReferred();
    },
    placeOf: (failure) => {
      const place = failure.code === 'UNKNOWN_PURPOSE' ? 'purpose' : failure.code === 'BAD_USER_INPUT' && failure.field !== null ? FIELDS[failure.field] : undefined;
      return place === undefined ? null : [place, referralRefusal(t, failure) ?? t('error.BAD_USER_INPUT')];
    },
  });
  useEffect(() => {
    if (done !== null || apiError !== null) feedback.current?.focus();
  }, [done, apiError]);

  return (
    <section aria-labelledby="refer-title" className="kring-section kring-card" data-testid="refer-form">
      <Heading level={3} id="refer-title">
        {t('ref.form.title')}
      </Heading>
      <Paragraph>{t('ref.form.intro')}</Paragraph>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {done !== null && <Alert type="ok">{done}</Alert>}
        <ErrorAlert error={apiError ?? purposes.error} />
      </div>
      <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="refer-title">
        {Object.keys(problems).length > 0 && <Alert type="error">{t('ref.form.invalid')}</Alert>}
        <ChoiceGroup id="refer-member" legend={t('ref.form.member')} problem={problems.member}>
          {members.map((m) => (
            <Choice
              key={m.id}
              type="radio"
              id={`refer-member-${m.id}`}
              name="refer-member"
              value={m.id}
              checked={memberId === m.id}
              invalid={problems.member !== undefined}
              onChange={() => {
                setMemberId(m.id);
                forget('member');
              }}
              label={m.label}
            />
          ))}
        </ChoiceGroup>

        <ServicePicker
          id="refer-service"
          problem={problems.service}
          words={{
            label: t('ref.form.search'),
            help: t('ref.form.searchHelp'),
            search: t('ref.form.searchButton'),
            results: t('ref.form.results'),
            none: t('ref.form.noResults'),
            choose: (s) => t('ref.form.choose', { service: `${s.name}, ${s.organisation.name}` }),
            chosen: (s) => t('ref.form.chosen', { service: s.name, organisation: s.organisation.name }),
          }}
          stillChosen={(s) => s.id === service?.id}
          onChoose={(s) => {
            setService(s);
            // A purpose another organisation's domain allowed may not fit this one: choose again.
            setPurpose((before) => ((purposes.data ?? []).some((p) => p.code === before && p.domains.includes(s.organisation.domain)) ? before : ''));
            forget('service');
          }}
        />

        <LabelledField id="refer-purpose" label={t('ref.form.purpose')} help={t('ref.form.purposeHelp')} problem={problems.purpose}>
          {(describedBy) => (
            <Select
              id="refer-purpose"
              value={purpose}
              invalid={problems.purpose !== undefined}
              aria-required
              aria-describedby={describedBy}
              onChange={(e) => {
                choosePurpose(e.currentTarget.value);
                forget('purpose');
              }}
            >
              <option value="">{t('ref.form.choosePurpose')}</option>
              {usable.map((p) => {
                const words = labelOf(t, 'purpose', p.code);
                return (
                  <option key={p.code} value={p.code}>
                    {words === p.code ? p.name : words}
                  </option>
                );
              })}
            </Select>
          )}
        </LabelledField>

        <ChoiceGroup id="refer-categories" legend={t('ref.form.categories')} help={t('ref.form.categoriesHelp')} problem={problems.categories}>
          {DATA_CATEGORIES.filter((c) => allowed.includes(c)).map((c) => (
            <Choice
              key={c}
              type="checkbox"
              id={`refer-category-${c}`}
              name="refer-categories"
              value={c}
              checked={categories.has(c)}
              invalid={problems.categories !== undefined}
              onChange={(checked) => {
                setCategories((before) => toggled(before, c, checked));
                forget('categories');
              }}
              label={labelOf(t, 'category', c)}
            />
          ))}
        </ChoiceGroup>

        <TextQuestion
          id="refer-note"
          label={t('ref.form.note')}
          help={t('ref.form.noteHelp')}
          problem={problems.note}
          value={note}
          required={false}
          onChange={(value) => {
            setNote(value);
            forget('note');
          }}
        />

        <div>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('ref.form.submit')}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
