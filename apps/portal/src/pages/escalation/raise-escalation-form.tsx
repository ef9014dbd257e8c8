import { useEffect, useRef, useState } from 'react';
import { DATA_CATEGORIES } from '../../api/fragments';
import { type ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import type { BlockingKind, DataCategory, RaiseEscalationInput } from '../../api/generated/graphql';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Heading, Paragraph, PrimaryActionButton, Select } from '../../ui';
import { Choice, toggled } from '../../ui/choice';
import { LabelledField, TextQuestion, useCheckedSubmission } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ChoiceGroup } from '../plan/plan-form-fields';
import { EscalationError, fits, refusalWords } from './escalation-parts';

const RAISE = gql(`mutation RaiseEscalation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id dueOn } }`);
const ORGANISATIONS = gql(`query EscalationOrganisations { organisations { ...OrganisationFields } }`);
const PURPOSES = gql(`query EscalationPurposes { purposes { code name domains } }`);

const BLOCKING_KINDS: readonly BlockingKind[] = ['RULE', 'SCHEME', 'ORGANISATION', 'OTHER'];
/** Who someone is, and their BSN, are not what an escalation is about: the API refuses them. */
const NOT_TOPICS: readonly DataCategory[] = ['PERSONAL_IDENTITY', 'NATIONAL_ID', 'OWN_WORDS'];

type Problem = 'subjects' | 'blockingKind' | 'organisation' | 'blocks' | 'tried' | 'category' | 'purpose';

/** The question an API refusal of `raiseEscalation` belongs to, by its `extensions.field`. */
const FIELDS: Readonly<Record<string, Problem>> = {
  subjectMemberIds: 'subjects',
  blockingKind: 'blockingKind',
  blockingOrganisationId: 'organisation',
  blocks: 'blocks',
  tried: 'tried',
  category: 'category',
  purpose: 'purpose',
};

/**
 * Asks for a breakthrough (`raiseEscalation`): about whom, what blocks (a rule, a scheme, an
 * organisation, something else; which one and how, in words), and what was tried. A member asks
 * about their reach in their own family; a professional names the family, the category its
 * texts are read under by other organisations, and the purpose. The form checks lengths first;
 * what the API refuses is shown at the question it concerns, else above the form in words.
 */
export function RaiseEscalationForm({
  writer,
  familyId,
  purpose: declaredPurpose,
  members,
  onRaised,
}: {
  writer: 'member' | 'professional';
  familyId: string | null;
  /** Professionals: the purpose the file was opened for, the form's first choice. */
  purpose: string | null;
  members: readonly { readonly id: string; readonly label: string }[];
  onRaised: () => void;
}) {
  const { t, formatDate } = useI18n();
  const { viewer } = useSession();
  const asMember = writer === 'member';
  const domain = viewer?.professional?.organisation.domain ?? null;
  const organisations = useApi(() => graphql(ORGANISATIONS).then((d) => d.organisations), 'escalation-organisations');
  const purposes = useApi(() => (asMember ? Promise.resolve([]) : graphql(PURPOSES).then((d) => d.purposes)), `escalation-purposes-${writer}`);
  const usable = (purposes.data ?? []).filter((p) => domain !== null && p.domains.includes(domain));

  const [subjects, setSubjects] = useState<ReadonlySet<string>>(new Set(members.length === 1 ? [members[0]?.id ?? ''] : []));
  const [blockingKind, setBlockingKind] = useState<BlockingKind | null>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [blocks, setBlocks] = useState('');
  const [tried, setTried] = useState('');
  const [category, setCategory] = useState<DataCategory>('SHARED_PLAN');
  const [purpose, setPurpose] = useState(declaredPurpose ?? '');
  const [dueOn, setDueOn] = useState<string | null>(null);
  const feedback = useRef<HTMLDivElement>(null);

  const check = (): Partial<Record<Problem, string>> => {
    const found: Partial<Record<Problem, string>> = {};
    if (subjects.size === 0) found.subjects = t('esc.form.subjectsProblem');
    if (blockingKind === null) found.blockingKind = t('esc.form.blockingKindProblem');
    if (blockingKind === 'ORGANISATION' && organisationId === '') found.organisation = t('esc.form.organisationProblem');
    if (!fits(blocks)) found.blocks = t('esc.form.textProblem');
    if (!fits(tried)) found.tried = t('esc.form.textProblem');
    if (!asMember && purpose === '') found.purpose = t('error.PURPOSE_REQUIRED');
    return found;
  };

  /** Where an API refusal belongs in this form, with its words; null when it belongs to no question. */
  const placeOf = (failure: ApiError): [Problem, string] | null => {
    const words = refusalWords(t, failure);
    if (failure.refusal === 'CLOSED_TO_RAISER' && words !== null) return ['category', words];
    if (failure.code === 'UNKNOWN_PURPOSE') return ['purpose', t('error.UNKNOWN_PURPOSE')];
    if (failure.code === 'PURPOSE_REQUIRED') return ['purpose', t('error.PURPOSE_REQUIRED')];
    if (failure.code !== 'BAD_USER_INPUT' || failure.field === null) return null;
    const place = FIELDS[failure.field];
    return place === undefined ? null : [place, words ?? t('error.BAD_USER_INPUT')];
  };

  const { problems, forget, form, apiError, busy, submit } = useCheckedSubmission<Problem>({
    onStart: () => setDueOn(null),
    check,
    send: async () => {
      if (blockingKind === null) return;
      const input: RaiseEscalationInput = {
        ...(familyId === null ? {} : { familyId }),
        subjectMemberIds: [...subjects],
        blockingKind,
        blockingOrganisationId: blockingKind === 'ORGANISATION' ? organisationId : null,
        blocks: blocks.trim(),
        tried: tried.trim(),
        ...(asMember ? {} : { category, purpose }),
      };
      const { raiseEscalation: raised } = await graphql(RAISE, { input });
      setBlocks('');
      setTried('');
      setDueOn(raised.dueOn);
      onRaised();
    },
    placeOf,
  });
  useEffect(() => {
    if (dueOn !== null || apiError !== null) feedback.current?.focus();
  }, [dueOn, apiError]);

  const prefix = `escalation-${writer}`;
  const problemAt = (field: Problem) => problems[field];
  const blocksLabel = t(`esc.form.blocks.${blockingKind ?? 'OTHER'}`);
  return (
    <section aria-labelledby={`${prefix}-title`} className="kring-section kring-card">
      <Heading level={asMember ? 2 : 3} id={`${prefix}-title`}>
        {asMember ? t('esc.form.title') : t('esc.form.proTitle')}
      </Heading>
      <Paragraph>{asMember ? t('esc.form.intro') : t('esc.form.proIntro')}</Paragraph>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {dueOn !== null && <Alert type="ok">{t('esc.form.done', { date: formatDate(dueOn) })}</Alert>}
        <EscalationError error={apiError ?? organisations.error ?? purposes.error} />
      </div>
      <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${prefix}-title`}>
        {Object.keys(problems).length > 0 && <Alert type="error">{t('esc.form.invalid')}</Alert>}
        <ChoiceGroup id={`${prefix}-subjects`} legend={t('esc.form.subjects')} help={t('esc.form.subjectsHelp')} problem={problemAt('subjects')}>
          {members.map((m) => (
            <Choice
              key={m.id}
              type="checkbox"
              id={`${prefix}-subject-${m.id}`}
              name={`${prefix}-subjects`}
              value={m.id}
              checked={subjects.has(m.id)}
              invalid={problemAt('subjects') !== undefined}
              onChange={(checked) => {
                setSubjects((before) => toggled(before, m.id, checked));
                forget('subjects');
              }}
              label={m.label}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup id={`${prefix}-blocking`} legend={t('esc.form.blockingKind')} problem={problemAt('blockingKind')}>
          {BLOCKING_KINDS.map((kind) => (
            <Choice
              key={kind}
              type="radio"
              id={`${prefix}-blocking-${kind}`}
              name={`${prefix}-blocking`}
              value={kind}
              checked={blockingKind === kind}
              invalid={problemAt('blockingKind') !== undefined}
              onChange={() => {
                setBlockingKind(kind);
                forget('blockingKind');
              }}
              label={t(`esc.blockingKind.${kind}`)}
              description={t(`esc.blockingKindHelp.${kind}`)}
            />
          ))}
        </ChoiceGroup>

        {blockingKind === 'ORGANISATION' && (
          <LabelledField id={`${prefix}-organisation`} label={t('esc.form.organisation')} help={t('esc.form.organisationHelp')} problem={problemAt('organisation')}>
            {(describedBy) => (
              <Select
                id={`${prefix}-organisation`}
                value={organisationId}
                invalid={problemAt('organisation') !== undefined}
                aria-required
                aria-describedby={describedBy}
                onChange={(e) => {
                  setOrganisationId(e.currentTarget.value);
                  forget('organisation');
                }}
              >
                <option value="">{t('esc.form.choose')}</option>
                {[...(organisations.data ?? [])]
                  .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
              </Select>
            )}
          </LabelledField>
        )}

        <TextQuestion
          id={`${prefix}-blocks`}
          label={blocksLabel}
          help={t('esc.form.blocksHelp')}
          problem={problemAt('blocks')}
          value={blocks}
          required
          onChange={(value) => {
            setBlocks(value);
            forget('blocks');
          }}
        />
        <TextQuestion
          id={`${prefix}-tried`}
          label={t('esc.form.tried')}
          help={t('esc.form.triedHelp')}
          problem={problemAt('tried')}
          value={tried}
          required
          onChange={(value) => {
            setTried(value);
            forget('tried');
          }}
        />

        {!asMember && (
          <>
            <LabelledField id={`${prefix}-category`} label={t('esc.form.category')} help={t('esc.form.categoryHelp')} problem={problemAt('category')}>
              {(describedBy) => (
                <Select
                  id={`${prefix}-category`}
                  value={category}
                  invalid={problemAt('category') !== undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => {
                    setCategory(e.currentTarget.value as DataCategory);
                    forget('category');
                  }}
                >
                  {DATA_CATEGORIES.filter((c) => !NOT_TOPICS.includes(c)).map((c) => (
                    <option key={c} value={c}>
                      {labelOf(t, 'category', c)}
                    </option>
                  ))}
                </Select>
              )}
            </LabelledField>
            <LabelledField id={`${prefix}-purpose`} label={t('esc.form.purpose')} help={t('esc.form.purposeHelp')} problem={problemAt('purpose')}>
              {(describedBy) => (
                <Select
                  id={`${prefix}-purpose`}
                  value={purpose}
                  invalid={problemAt('purpose') !== undefined}
                  aria-required
                  aria-describedby={describedBy}
                  onChange={(e) => {
                    setPurpose(e.currentTarget.value);
                    forget('purpose');
                  }}
                >
                  {usable.map((p) => {
                    const words = labelOf(t, 'purpose', p.code);
                    return (
                      <option key={p.code} value={p.code}>
                        {words === p.code ? p.name : words}
                      </option>
                    );
                  })}
                  {!usable.some((p) => p.code === purpose) && purpose !== '' && <option value={purpose}>{labelOf(t, 'purpose', purpose)}</option>}
                </Select>
              )}
            </LabelledField>
          </>
        )}

        <div>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('esc.form.submit')}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
