import { type FormEvent, useState } from 'react';
import { DATA_CATEGORIES, type FamilyMember } from '../../api/fragments';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { DataCategory } from '../../api/generated/graphql';
import { useSession } from '../../api/session';
import { asApiError, useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, Paragraph, PrimaryActionButton, Select, Textarea, Textbox } from '../../ui';
import { Choice, toggled } from '../../ui/choice';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ChoiceGroup } from '../plan/plan-form-fields';
import { BODY_LENGTH } from '../messages/thread-api';
import type { ProfessionalCircle } from './circle';

const START = gql(`mutation StartThread($input: StartThreadInput!) { startThread(input: $input) { id } }`);
const THREAD_PURPOSES = gql(`query ThreadPurposes { purposes { code name domains } }`);

/** The API's bounds of a topic (docs/messages.md). */
const TOPIC_LENGTH = { min: 1, max: 200 } as const;
/** What a thread cannot be about (who someone is, their BSN). */
const NOT_FOR_THREADS: ReadonlySet<DataCategory> = new Set(['PERSONAL_IDENTITY', 'NATIONAL_ID']);

type Field = 'topic' | 'subjects' | 'category' | 'purpose' | 'participants' | 'firstMessage';

/** Where the form shows each of the API's refusals (`extensions.refusal`); each has its own words. */
const REFUSAL_FIELD: Readonly<Record<string, Field>> = {
  TOPIC_LENGTH: 'topic',
  NO_SUBJECTS: 'subjects',
  NOT_A_MEMBER: 'subjects',
  NOT_SHARED_WHOLE: 'subjects',
  CATEGORY_NOT_FOR_THREAD: 'category',
  TOO_MANY_PARTICIPANTS: 'participants',
  PARTICIPANT_NOT_INVOLVED: 'participants',
  PURPOSE_NOT_FOR_PARTICIPANT: 'participants',
  BODY_LENGTH: 'firstMessage',
};
/** The purpose's own refusals (by code, as for the file). */
const PURPOSE_CODES = new Set(['UNKNOWN_PURPOSE', 'PURPOSE_REQUIRED']);

/**
 * Starts a conversation around the family (`startThread`): its topic, whom it is about, what it
 * touches, what for, which colleagues take part, and the first message. The colleagues on offer
 * are those the circle names (the case director and each organisation's contact). The form checks
 * what it can first; what the API refuses is shown at the question it concerns.
 */
export function StartThreadForm({
  familyId,
  purpose: filePurpose,
  members,
  label,
  circle,
  onStarted,
}: {
  familyId: string;
  purpose: string;
  members: readonly FamilyMember[];
  label: (memberId: string) => string;
  circle: ProfessionalCircle | null;
  onStarted: (threadId: string) => void;
}) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const domain = viewer?.professional?.organisation.domain ?? null;
  const purposes = useApi(() => graphql(THREAD_PURPOSES).then((d) => d.purposes.filter((p) => domain !== null && p.domains.includes(domain))), `thread-purposes-${domain ?? ''}`);
  const [topic, setTopic] = useState('');
  const [subjects, setSubjects] = useState<ReadonlySet<string>>(new Set());
  const [category, setCategory] = useState('');
  const [purpose, setPurpose] = useState(filePurpose);
  const [participants, setParticipants] = useState<ReadonlySet<string>>(new Set());
  const [firstMessage, setFirstMessage] = useState('');
  const { problems, refuse, clear, forget, form } = useFieldProblems<Field>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [closedToStarter, setClosedToStarter] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** A text or choice of one question changed: its value kept, its problem forgotten. */
  const typed = (field: Field, set: (value: string) => void) => (event: { readonly currentTarget: { readonly value: string } }) => {
    set(event.currentTarget.value);
    forget(field);
  };
  const toggle = (field: Field, set: (change: (before: ReadonlySet<string>) => ReadonlySet<string>) => void, id: string) => (checked: boolean) => {
    set((before) => toggled(before, id, checked));
    forget(field);
  };

  // The colleagues the circle names: the case director and each involved organisation's contact, once each, not the starter.
  const colleagues = [...new Map([circle?.caseDirector ?? null, ...(circle?.involvements.map((i) => i.contact) ?? [])].flatMap((p) => (p === null || p.id === viewer?.professional?.id ? [] : [[p.id, p] as const]))).values()];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setClosedToStarter(null);
    const found: Partial<Record<Field, string>> = {};
    const trimmedTopic = topic.trim();
    const trimmedMessage = firstMessage.trim();
    if (trimmedTopic.length < TOPIC_LENGTH.min || trimmedTopic.length > TOPIC_LENGTH.max) found.topic = t('messages.start.refusal.TOPIC_LENGTH');
    if (subjects.size === 0) found.subjects = t('messages.start.refusal.NO_SUBJECTS');
    if (category === '') found.category = t('messages.start.chooseCategory');
    if (trimmedMessage.length < BODY_LENGTH.min || trimmedMessage.length > BODY_LENGTH.max) found.firstMessage = t('messages.start.refusal.BODY_LENGTH');
    if (Object.keys(found).length > 0) {
      refuse(found);
      return;
    }
    clear();
    setBusy(true);
    try {
      const { startThread } = await graphql(START, {
        input: { familyId, topic: trimmedTopic, subjectMemberIds: [...subjects], category: category as DataCategory, purpose, participantProfessionalIds: [...participants], firstMessage: trimmedMessage },
      });
      onStarted(startThread.id);
    } catch (error) {
      const failure = asApiError(error);
      const field = failure.refusal === null ? undefined : REFUSAL_FIELD[failure.refusal];
      if (field !== undefined) refuse({ [field]: t(`messages.start.refusal.${failure.refusal ?? ''}` as MessageKey) });
      else if (failure.refusal === 'CLOSED_TO_STARTER') setClosedToStarter(failure.reason ?? 'NO_CONSENT');
      else if (PURPOSE_CODES.has(failure.code) || (failure.code === 'FORBIDDEN' && failure.refusal === null)) refuse({ purpose: t('messages.start.purposeRefused') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="start-thread-heading">
      <Paragraph>{t('messages.start.intro')}</Paragraph>
      {closedToStarter !== null && (
        <Alert type="error">
          <Paragraph>
            <strong>{t('messages.start.closedToStarter')}</strong> {t(`reason.${closedToStarter}` as MessageKey)}
          </Paragraph>
        </Alert>
      )}
      <ErrorAlert error={apiError ?? purposes.error} />
      <LabelledField id="start-topic" label={t('messages.start.topic')} help={t('messages.start.topicHelp')} problem={problems.topic}>
        {(describedBy) => (
          <Textbox
            id="start-topic"
            value={topic}
            invalid={problems.topic !== undefined}
            aria-required
            aria-describedby={describedBy}
            onChange={typed('topic', setTopic)}
          />
        )}
      </LabelledField>
      <ChoiceGroup id="start-subjects" legend={t('messages.start.subjects')} help={t('messages.start.subjectsHelp')} problem={problems.subjects}>
        {members.map((member) => (
          <Choice
            key={member.id}
            type="checkbox"
            id={`start-subject-${member.id}`}
            checked={subjects.has(member.id)}
            invalid={problems.subjects !== undefined}
            onChange={toggle('subjects', setSubjects, member.id)}
            label={label(member.id)}
          />
        ))}
      </ChoiceGroup>
      <LabelledField id="start-category" label={t('messages.start.category')} help={t('messages.start.categoryHelp')} problem={problems.category}>
        {(describedBy) => (
          <Select
            id="start-category"
            value={category}
            invalid={problems.category !== undefined}
            aria-required
            aria-describedby={describedBy}
            onChange={typed('category', setCategory)}
          >
            <option value="">{t('messages.start.choose')}</option>
            {DATA_CATEGORIES.filter((c) => !NOT_FOR_THREADS.has(c)).map((c) => (
              <option key={c} value={c}>
                {labelOf(t, 'category', c)}
              </option>
            ))}
          </Select>
        )}
      </LabelledField>
      <LabelledField id="start-purpose" label={t('messages.start.purpose')} help={t('messages.start.purposeHelp')} problem={problems.purpose}>
        {(describedBy) => (
          <Select
            id="start-purpose"
            value={purpose}
            invalid={problems.purpose !== undefined}
            aria-describedby={describedBy}
            onChange={typed('purpose', setPurpose)}
          >
            {(purposes.data ?? [{ code: filePurpose, name: filePurpose }]).map((p) => (
              <option key={p.code} value={p.code}>
                {labelOf(t, 'purpose', p.code)}
              </option>
            ))}
          </Select>
        )}
      </LabelledField>
      <ChoiceGroup id="start-participants" legend={t('messages.start.participants')} help={t('messages.start.participantsHelp')} problem={problems.participants}>
        {colleagues.length === 0 && <Paragraph>{t('messages.start.noColleagues')}</Paragraph>}
        {colleagues.map((colleague) => (
          <Choice
            key={colleague.id}
            type="checkbox"
            id={`start-participant-${colleague.id}`}
            checked={participants.has(colleague.id)}
            invalid={problems.participants !== undefined}
            onChange={toggle('participants', setParticipants, colleague.id)}
            label={`${colleague.name} (${colleague.organisation.name})`}
          />
        ))}
      </ChoiceGroup>
      <LabelledField id="start-message" label={t('messages.start.firstMessage')} help={t('messages.post.help')} problem={problems.firstMessage}>
        {(describedBy) => (
          <Textarea
            id="start-message"
            rows={4}
            value={firstMessage}
            invalid={problems.firstMessage !== undefined}
            aria-required
            aria-describedby={describedBy}
            onChange={typed('firstMessage', setFirstMessage)}
          />
        )}
      </LabelledField>
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {t('messages.start.submit')}
      </PrimaryActionButton>
    </form>
  );
}
