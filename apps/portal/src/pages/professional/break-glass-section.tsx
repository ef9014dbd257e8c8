import { useEffect, useRef, useState } from 'react';
import type { FamilyMember } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import type { DataCategory } from '../../api/generated/graphql';
import { type Loaded, useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Button, Paragraph, PrimaryActionButton, Section, Select } from '../../ui';
import { Choice, toggled } from '../../ui/choice';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField, TextQuestion, useCheckedSubmission } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ChoiceGroup } from '../plan/plan-form-fields';
import type { ProfessionalCircle } from './circle';

const OPEN = gql(`mutation OpenBreakGlass($input: BreakGlassInput!) { breakGlass(input: $input) { id expiresAt } }`);
const COLLEAGUES = gql(`query ConsultableColleagues { consultableColleagues { id name organisation { ...OrganisationFields } } }`);

/** What emergency access may cover (DESIGN.md §3): enough to reach and protect a child, nothing of care or health. */
const CATEGORIES: readonly DataCategory[] = ['CONTACT', 'HOUSEHOLD', 'SAFETY'];
const DURATIONS = [60, 120, 240] as const;
const JUSTIFICATION = { min: 30, max: 4000 };
/** The purpose emergency access reads under. */
const PURPOSE = 'CHILD_PROTECTION';

type Problem = 'members' | 'categories' | 'duration' | 'justification' | 'colleague';
const FIELDS: Readonly<Record<string, Problem>> = { memberIds: 'members', categories: 'categories', durationMinutes: 'duration', justification: 'justification', consultedProfessionalId: 'colleague' };

/**
 * "Noodtoegang" in the family file (`breakGlass`, DESIGN.md §3): when a professional fears for a
 * child's safety and cannot ask. Closed until asked for; then whom it concerns, what it covers,
 * how long, why (read by a privacy officer), and the colleague consulted first (the meldcode):
 * one of the own organisation or a Veilig Thuis advisor (`consultableColleagues`), or a contact of
 * another organisation involved as the family's circle shows it. Once open, the file is read for
 * child protection; a privacy officer reviews it, and the family is told after the review.
 */
export function BreakGlassSection({ familyId, members, label, circle }: { familyId: string; members: readonly FamilyMember[]; label: (memberId: string) => string; circle: Loaded<ProfessionalCircle> }) {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  return (
    <Section id="file-break-glass" title={t('bg.open.title')}>
      <Paragraph>{t('bg.open.intro')}</Paragraph>
      {asked ? (
        <BreakGlassForm familyId={familyId} members={members} label={label} circle={circle} />
      ) : (
        <Button appearance="secondary-action-button" type="button" onClick={() => setAsked(true)}>
          {t('bg.open.ask')}
        </Button>
      )}
    </Section>
  );
}

function BreakGlassForm({ familyId, members, label, circle }: { familyId: string; members: readonly FamilyMember[]; label: (memberId: string) => string; circle: Loaded<ProfessionalCircle> }) {
  const { t, formatDateTime } = useI18n();
  const { viewer } = useSession();
  const ownOrganisationId = viewer?.professional?.organisation.id ?? null;
  const ownId = viewer?.professional?.id ?? null;
  const colleagues = useApi(() => graphql(COLLEAGUES).then((d) => d.consultableColleagues), 'consultable-colleagues');
  const [concerned, setConcerned] = useState<ReadonlySet<string>>(new Set());
  const [categories, setCategories] = useState<ReadonlySet<DataCategory>>(new Set(CATEGORIES));
  const [duration, setDuration] = useState<number>(240);
  const [justification, setJustification] = useState('');
  const [colleague, setColleague] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const feedback = useRef<HTMLDivElement>(null);

  // The contacts of the other organisations involved, as the circle (the rule's view) shows them.
  const involvedContacts = (circle.data?.involvements ?? []).flatMap((i) =>
    i.contact === null || i.organisation === null || i.organisation.id === ownOrganisationId || i.contact.id === ownId ? [] : [{ id: i.contact.id, name: i.contact.name, organisation: i.organisation.name }],
  );
  const own = (colleagues.data ?? []).filter((c) => c.organisation.id === ownOrganisationId);
  const veiligThuis = (colleagues.data ?? []).filter((c) => c.organisation.id !== ownOrganisationId);

  const { problems, forget, form, apiError, busy, submit } = useCheckedSubmission<Problem>({
    onStart: () => setOpened(null),
    check: () => {
      const found: Partial<Record<Problem, string>> = {};
      if (categories.size === 0) found.categories = t('bg.open.categoriesProblem');
      const length = justification.trim().length;
      if (length < JUSTIFICATION.min || length > JUSTIFICATION.max) found.justification = t('bg.open.justificationProblem');
      if (colleague === '') found.colleague = t('bg.open.colleagueProblem');
      return found;
    },
    send: async () => {
      const { breakGlass } = await graphql(OPEN, {
        input: { familyId, justification: justification.trim(), consultedProfessionalId: colleague, categories: [...categories], durationMinutes: duration, ...(concerned.size === 0 ? {} : { memberIds: [...concerned] }) },
      });
      setOpened(breakGlass.expiresAt);
    },
    placeOf: (failure) => {
      const place = failure.code === 'BAD_USER_INPUT' && failure.field !== null ? FIELDS[failure.field] : undefined;
      if (place === undefined) return null;
      const key = `bg.open.refusal.${failure.refusal ?? ''}` as MessageKey;
      const words = t(key);
      return [place, words === key ? t('error.BAD_USER_INPUT') : words];
    },
  });
  useEffect(() => {
    if (opened !== null || apiError !== null) feedback.current?.focus();
  }, [opened, apiError]);

  if (opened !== null) {
    return (
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback" data-testid="break-glass-opened">
        <Alert type="warning">
          <Paragraph>{t('bg.open.done', { until: formatDateTime(opened) })}</Paragraph>
          <Paragraph>
            <Link to={`/families/${familyId}?purpose=${PURPOSE}`}>{t('bg.open.read')}</Link>
          </Paragraph>
        </Alert>
      </div>
    );
  }
  return (
    <div className="kring-card">
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        <ErrorAlert error={apiError ?? colleagues.error} />
      </div>
      <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('bg.open.title')}>
        {Object.keys(problems).length > 0 && <Alert type="error">{t('bg.open.invalid')}</Alert>}
        <ChoiceGroup id="bg-members" legend={t('bg.open.members')} help={t('bg.open.membersHelp')} problem={problems.members}>
          {members.map((m) => (
            <Choice
              key={m.id}
              type="checkbox"
              id={`bg-member-${m.id}`}
              name="bg-members"
              value={m.id}
              checked={concerned.has(m.id)}
              invalid={problems.members !== undefined}
              onChange={(checked) => {
                setConcerned((before) => toggled(before, m.id, checked));
                forget('members');
              }}
              label={label(m.id)}
            />
          ))}
        </ChoiceGroup>
        <ChoiceGroup id="bg-categories" legend={t('bg.open.categories')} help={t('bg.open.categoriesHelp')} problem={problems.categories}>
          {CATEGORIES.map((c) => (
            <Choice
              key={c}
              type="checkbox"
              id={`bg-category-${c}`}
              name="bg-categories"
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
        <ChoiceGroup id="bg-duration" legend={t('bg.open.duration')} problem={problems.duration}>
          {DURATIONS.map((minutes) => (
            <Choice key={minutes} type="radio" id={`bg-duration-${minutes}`} name="bg-duration" value={String(minutes)} checked={duration === minutes} onChange={() => setDuration(minutes)} label={t('bg.open.hours', { hours: minutes / 60 })} />
          ))}
        </ChoiceGroup>
        <TextQuestion
          id="bg-justification"
          label={t('bg.open.justification')}
          help={t('bg.open.justificationHelp')}
          problem={problems.justification}
          value={justification}
          required
          onChange={(value) => {
            setJustification(value);
            forget('justification');
          }}
        />
        <LabelledField id="bg-colleague" label={t('bg.open.colleague')} help={t('bg.open.colleagueHelp')} problem={problems.colleague}>
          {(describedBy) => (
            <Select
              id="bg-colleague"
              value={colleague}
              invalid={problems.colleague !== undefined}
              aria-required
              aria-describedby={describedBy}
              onChange={(e) => {
                setColleague(e.currentTarget.value);
                forget('colleague');
              }}
            >
              <option value="">{t('bg.open.chooseColleague')}</option>
              {own.length > 0 && (
                <optgroup label={t('bg.open.ownOrganisation')}>
                  {own.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {involvedContacts.length > 0 && (
                <optgroup label={t('bg.open.involved')}>
                  {involvedContacts.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}, {c.organisation}
                    </option>
                  ))}
                </optgroup>
              )}
              {veiligThuis.length > 0 && (
                <optgroup label={t('bg.open.veiligThuis')}>
                  {veiligThuis.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}, {c.organisation.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          )}
        </LabelledField>
        <Paragraph>{t('bg.open.warning')}</Paragraph>
        <div>
          <PrimaryActionButton type="submit" hint="danger" busy={busy} disabled={busy}>
            {t('bg.open.submit')}
          </PrimaryActionButton>
        </div>
      </form>
    </div>
  );
}
