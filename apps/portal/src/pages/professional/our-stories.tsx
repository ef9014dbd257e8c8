import type { FamilyFile } from '../../api/fragments';
import { useI18n } from '../../i18n/i18n';
import { DataList, DataListItem, Heading, Paragraph, Section } from '../../ui';
import { type RedactionIndex, SharedValue } from './shared-value';

/**
 * Our story (DESIGN.md §9), first in the file: what members wrote in their own words, each
 * with whom it is about, who wrote it and when. Shared only by consent: a story the family
 * has not shared shows that it exists and why it is not shown, like any withheld field.
 */
export function OurStories({ file, redactions, label }: { file: FamilyFile; redactions: RedactionIndex; label: (memberId: string) => string }) {
  const { t, formatDate } = useI18n();
  // In the order the file lists the members, each member's newest first.
  const order = (memberId: string | undefined) => file.members.findIndex((m) => m.id === memberId);
  const stories = file.records
    .filter((r) => r.section.__typename === 'OurStory')
    .sort((a, b) => order(a.subjectMemberIds[0]) - order(b.subjectMemberIds[0]) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Section id="file-our-story" title={t('story.pro.heading')}>
      <Paragraph>{t('story.pro.intro')}</Paragraph>
      {stories.length === 0 && <Paragraph>{t('story.pro.none')}</Paragraph>}
      <div className="kring-cards kring-story-cards">
        {stories.map((story) => {
          const at = (field: string) => `records.${story.id}.${field}`;
          const text = story.section.__typename === 'OurStory' ? (story.section.text ?? null) : null;
          // Who wrote it is shared with the words, for the same reason: one marker says why both are not shown.
          const withheld = redactions.has(at('text'));
          return (
            <article key={story.id} className="kring-card" data-record-id={story.id} aria-labelledby={`story-${story.id}`}>
              <Heading level={3} id={`story-${story.id}`}>
                {t('story.pro.about', { name: story.subjectMemberIds.map(label).join(', ') })}
              </Heading>
              <DataList>
                {!withheld && (
                  <DataListItem label={t('story.pro.writer')}>
                    <SharedValue path={at('authorMemberId')} redactions={redactions} value={story.authorMemberId}>
                      {story.authorMemberId !== null && label(story.authorMemberId)}
                    </SharedValue>
                  </DataListItem>
                )}
                <DataListItem label={t('story.pro.date')}>{formatDate(story.createdAt)}</DataListItem>
                <DataListItem label={t('story.pro.text')}>
                  <SharedValue path={at('text')} redactions={redactions} value={text}>
                    <blockquote className="utrecht-blockquote kring-handover-note kring-story-text">
                      <p className="utrecht-paragraph">{text}</p>
                    </blockquote>
                  </SharedValue>
                </DataListItem>
              </DataList>
            </article>
          );
        })}
      </div>
    </Section>
  );
}
