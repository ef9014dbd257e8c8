import { useEffect, useState } from 'react';
import type { FamilyRecord } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Heading, ListItem, Paragraph, PrimaryActionButton, Textarea, UnorderedList } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { useTextSubmission } from '../../ui/text-submission';
import { labelOf, reachOf, type MemberBasics, type Reach } from './member-family';

const MY_FAMILY = gql(`query MyFamilyStories { myFamily { ...FamilyFileFields } }`);
const WRITE = gql(`mutation WriteOurStory($input: WriteOurStoryInput!) { writeOurStory(input: $input) { id createdAt } }`);
// The reads of our story that were allowed (a denied one read nothing): by professionals, newest first.
const READS = gql(`
  query OurStoryReads {
    accessLog(first: 200, filter: { category: "OWN_WORDS", activity: "READ_FAMILY_FILE", decision: ALLOWED, byOthers: true }) {
      edges { node { id traceId occurredAt purpose subjectMemberIds actor { organisation { id name } } decisions { category outcome } } }
    }
  }
`);

/** The API's bounds of a story (docs/our-story.md), checked here first so the member hears it in words. */
const STORY_LENGTH = { min: 1, max: 4000 } as const;

type Story = FamilyRecord & { readonly section: { readonly __typename: 'OurStory'; readonly text?: string | null } };
interface Read {
  readonly key: string;
  readonly at: string;
  readonly organisation: string;
  readonly purpose: string | null;
}

function isStory(record: FamilyRecord): record is Story {
  return record.section.__typename === 'OurStory';
}

/**
 * "Ons verhaal" (DESIGN.md §9): the member writes, in their own words, what they want
 * professionals to know, for themselves and the children in their reach; sees what others in
 * their reach wrote, and who read it. The reach and the stories are the API's answer (`myFamily`
 * holds only what is about the reach); this page works out neither.
 */
export function MyOurStoryPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  usePageTitle(t('story.member.title'));
  const family = useApi(() => graphql(MY_FAMILY).then((d) => d.myFamily), 'my-family-stories');
  const reads = useApi(() => graphql(READS).then((d) => d.accessLog.edges.map((e) => e.node)), 'our-story-reads');
  const viewerId = viewer?.member?.id ?? '';
  const reach = family.data ? reachOf(family.data.members, viewerId, viewer?.member?.name ?? null) : null;
  const stories = (family.data?.records ?? []).filter(isStory);
  // One line per request that read a story about this member (the log writes an entry per member a read concerns).
  const readsOf = (memberId: string): Read[] => {
    const byRequest = new Map<string, Read>();
    for (const e of reads.data ?? []) {
      const ofStory = e.subjectMemberIds.includes(memberId) && e.decisions.some((d) => d.category === 'OWN_WORDS' && d.outcome === 'ALLOWED');
      if (ofStory && !byRequest.has(e.traceId)) byRequest.set(e.traceId, { key: e.id, at: e.occurredAt, organisation: e.actor.organisation?.name ?? '', purpose: e.purpose });
    }
    return [...byRequest.values()];
  };

  return (
    <>
      <Heading level={1}>{t('story.member.title')}</Heading>
      <Paragraph lead>{t('story.member.intro')}</Paragraph>
      <Paragraph>{t('story.member.introChildren')}</Paragraph>
      <Paragraph>
        {t('story.member.introConsents')} <Link to="/me/consents">{t('nav.myConsents')}</Link>
      </Paragraph>
      <Paragraph>
        {t('story.member.introLog')} <Link to="/me/log">{t('nav.myLog')}</Link>
      </Paragraph>
      <ErrorAlert error={family.error ?? reads.error} />
      {family.loading && family.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {reach?.members.map((member) => (
        <MemberStory key={member.id} member={member} reach={reach} stories={stories.filter((s) => s.subjectMemberIds.includes(member.id))} reads={readsOf(member.id)} onSaved={() => {
          family.reload();
          reads.reload();
        }} />
      ))}
    </>
  );
}

function MemberStory({ member, reach, stories, reads, onSaved }: { member: MemberBasics; reach: Reach; stories: readonly Story[]; reads: readonly Read[]; onSaved: () => void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const isViewer = member.id === reach.viewerId;
  const name = reach.nameOf(member.id) ?? t('common.unknownMember');
  const headingId = `story-${member.id}`;
  // The viewer's own versions about this member, oldest first; the current one has not been replaced.
  const mine = stories.filter((s) => s.authorMemberId === reach.viewerId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const current = mine.find((s) => s.supersededAt === null) ?? null;
  const earlier = mine.filter((s) => s !== current).reverse();
  const others = stories.filter((s) => s.authorMemberId !== reach.viewerId && s.supersededAt === null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section aria-labelledby={headingId} className="kring-section kring-m-member" data-testid={`story-${member.id}`}>
      <Heading level={2} id={headingId}>
        {isViewer ? t('story.member.yours') : t('story.member.about', { name })}
      </Heading>
      {current === null ? (
        <Paragraph>{t('story.member.none')}</Paragraph>
      ) : (
        <>
          <Paragraph className="kring-m-record__date">{earlier.length === 0 ? t('story.member.writtenOn', { date: formatDate(current.createdAt) }) : t('story.member.updatedOn', { date: formatDate(current.createdAt) })}</Paragraph>
          <StoryText text={current.section.text ?? ''} testId={`story-text-${member.id}`} />
        </>
      )}
      {earlier.length > 0 && (
        <details className="kring-m-story-versions">
          <summary>{t('story.member.earlier', { count: earlier.length })}</summary>
          {earlier.map((s) => (
            <div key={s.id}>
              <Paragraph className="kring-m-record__date">{t('story.member.earlierOne', { date: formatDateTime(s.createdAt) })}</Paragraph>
              <StoryText text={s.section.text ?? ''} />
            </div>
          ))}
        </details>
      )}
      <StoryForm member={member} isViewer={isViewer} name={name} initial={current?.section.text ?? ''} onSaved={onSaved} />
      {others.length > 0 && (
        <>
          <Heading level={3}>{t('story.member.others')}</Heading>
          {others.map((s) => {
            const author = s.authorMemberId === null ? null : reach.nameOf(s.authorMemberId);
            return (
              <div key={s.id}>
                <Paragraph>{author === null ? t('story.member.bySomeone', { date: formatDate(s.createdAt) }) : t('story.member.byName', { name: author, date: formatDate(s.createdAt) })}</Paragraph>
                <StoryText text={s.section.text ?? ''} />
              </div>
            );
          })}
        </>
      )}
      <Heading level={3}>{t('story.member.readBy')}</Heading>
      {reads.length === 0 ? (
        <Paragraph>{t('story.member.readByNone')}</Paragraph>
      ) : (
        <UnorderedList className="kring-m-compact-list">
          {reads.map((read) => (
            <ListItem key={read.key}>
              {t('story.member.readByOne', { organisation: read.organisation, date: formatDateTime(read.at), purpose: read.purpose === null ? '' : labelOf(t, 'purpose', read.purpose) })}
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

/** A member's own words, set apart from the page's text, their line breaks kept. */
function StoryText({ text, testId }: { text: string; testId?: string }) {
  return (
    <blockquote className="utrecht-blockquote kring-handover-note kring-story-text" data-testid={testId}>
      <p className="utrecht-paragraph">{text}</p>
    </blockquote>
  );
}

/** Writes (a new version of) the viewer's story about this member. */
function StoryForm({ member, isViewer, name, initial, onSaved }: { member: MemberBasics; isViewer: boolean; name: string; initial: string; onSaved: () => void }) {
  const { t } = useI18n();
  const id = `story-field-${member.id}`;
  const [text, setText] = useState(initial);
  const { problem, apiError, sent, busy, feedback, submit } = useTextSubmission({
    inputId: id,
    apiField: 'text',
    length: STORY_LENGTH,
    problem: t('story.member.problem'),
    send: async (trimmed) => {
      await graphql(WRITE, { input: { memberId: member.id, text: trimmed } });
      onSaved();
    },
  });
  useEffect(() => setText(initial), [initial]);

  return (
    <form className="kring-form" noValidate onSubmit={(event) => void submit(event, text)}>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {sent && <Alert type="ok">{t('story.member.saved')}</Alert>}
      </div>
      <ErrorAlert error={apiError} />
      <LabelledField id={id} label={isViewer ? t('story.member.field') : t('story.member.fieldAbout', { name })} help={t('story.member.fieldHelp')} problem={problem}>
        {(describedBy) => <Textarea id={id} rows={6} value={text} invalid={problem !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setText(e.currentTarget.value)} />}
      </LabelledField>
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {t('story.member.save')}
      </PrimaryActionButton>
    </form>
  );
}
