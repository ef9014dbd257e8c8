import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import { DataList, DataListItem } from '../../ui';
import { joinWords, labelOf } from '../member/member-family';
import type { MessageAuthor, Thread } from './thread-api';

/** How a page names members: the member's name or "een gezinslid" (members), a label of the file (professionals). */
export type MemberName = (memberId: string) => string;

/** "Anouk Visser (Schuldhulpverlening Heerenveen)". */
export function professionalName(professional: { readonly name: string; readonly organisation: { readonly name: string } }): string {
  return `${professional.name} (${professional.organisation.name})`;
}

/** Who wrote a message, in words. */
export function authorOf(author: MessageAuthor, memberName: MemberName, t: Translate): string {
  if (author.professional !== null) return professionalName(author.professional);
  return author.memberId === null ? t('messages.someone') : memberName(author.memberId);
}

/** Who takes part, in the API's order (who started it, the other professionals, then members); null while it is closed to the reader. */
export function participantsOf(thread: Thread, memberName: MemberName): string[] | null {
  return thread.participants?.map((p) => (p.professional !== null ? professionalName(p.professional) : memberName(p.memberId ?? ''))) ?? null;
}

/** What a thread is: about whom, what it touches, what for, who started it, who takes part. */
export function ThreadFacts({ thread, memberName }: { thread: Thread; memberName: MemberName }) {
  const { t, formatDate } = useI18n();
  const participants = participantsOf(thread, memberName);
  return (
    <DataList className="kring-thread-facts">
      <DataListItem label={t('messages.about')}>{joinWords(t, thread.subjectMemberIds.map(memberName), 'member.and')}</DataListItem>
      <DataListItem label={t('messages.category')}>{labelOf(t, 'category', thread.category)}</DataListItem>
      <DataListItem label={t('messages.purpose')}>{labelOf(t, 'purpose', thread.purpose)}</DataListItem>
      <DataListItem label={t('messages.startedBy')}>{t('messages.startedByOn', { name: professionalName(thread.startedBy), date: formatDate(thread.startedAt) })}</DataListItem>
      {participants !== null && (
        <DataListItem label={t('messages.participants')}>
          <span data-testid={`thread-participants-${thread.id}`}>{participants.join(', ')}</span>
        </DataListItem>
      )}
    </DataList>
  );
}

/** "2 nieuwe berichten", or nothing. */
export function unreadWords(t: Translate, unread: number | null): string | null {
  if (unread === null || unread === 0) return null;
  return unread === 1 ? t('messages.unreadOne') : t('messages.unread', { count: unread });
}
