import type { ReactNode } from 'react';
import type { FamilyMember, Redaction } from '../../api/fragments';
import { type MessageKey, type Translate, useI18n } from '../../i18n/i18n';
import { StatusBadge } from '../../ui';

/** The redactions of a file by path (`members.<id>.name`, `records.<id>.phone`, `involvements.<id>`). */
export type RedactionIndex = ReadonlyMap<string, Redaction>;

export function indexRedactions(redactions: readonly Redaction[]): RedactionIndex {
  return new Map(redactions.map((r) => [r.path, r]));
}

/**
 * A field of the file: its value when shared, else a "not shared" marker that says why
 * and what to do. Both carry a test hook named by the field's path.
 */
export function SharedValue({ path, redactions, value, children }: { path: string; redactions: RedactionIndex; value: unknown; children?: ReactNode }) {
  const { t } = useI18n();
  const redaction = redactions.get(path);
  if (redaction !== undefined) return <NotShared redaction={redaction} />;
  if (value === null || value === undefined) return <span className="kring-not-recorded">{t('pro.notRecorded')}</span>;
  return (
    <div className="kring-value" data-testid={`value-${path}`}>
      {children ?? asText(value)}
    </div>
  );
}

/** A plain value as text; anything else (which the API does not send) as nothing. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(', ');
  return '';
}

/** What exists but is not shared: the reason in plain words and what the professional can do. */
export function NotShared({ redaction }: { redaction: Pick<Redaction, 'path' | 'reason' | 'category'> }) {
  const { t } = useI18n();
  return (
    <div className="kring-not-shared-marker" data-testid={`not-shared-${redaction.path}`}>
      <StatusBadge tone="warning">{t('pro.notShared')}</StatusBadge>{' '}
      <span className="kring-not-shared-marker__reason">{t(`reason.${redaction.reason}` as MessageKey)}</span>{' '}
      <span className="kring-not-shared-marker__todo">{t(`pro.todo.${redaction.reason}` as MessageKey)}</span>{' '}
      <span className="kring-not-shared-marker__category">{t('pro.notShared.category', { category: t(`category.${redaction.category}` as MessageKey) })}</span>
    </div>
  );
}

/**
 * How a member is named: their name when shared, else "Gezinslid" and the first 8
 * characters of their id. Where those 8 are the same for two members of the family
 * (the demo world's ids share a prefix), the last 4 are added so labels stay apart.
 */
export function memberLabeller(members: readonly FamilyMember[], t: Translate): (id: string) => string {
  const prefixes = new Map<string, number>();
  for (const m of members) prefixes.set(m.id.slice(0, 8), (prefixes.get(m.id.slice(0, 8)) ?? 0) + 1);
  const byId = new Map(members.map((m) => [m.id, m]));
  return (id) => {
    const name = byId.get(id)?.name;
    if (typeof name === 'string' && name !== '') return name;
    const short = (prefixes.get(id.slice(0, 8)) ?? 0) > 1 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id.slice(0, 8);
    return t('pro.memberFallback', { id: short });
  };
}

/** "Gezin 0b6f3c1e": families have no name in the list on purpose. */
export function familyLabel(id: string, t: Translate): string {
  return t('pro.familyName', { id: id.slice(0, 8) });
}
