import type { ReactNode } from 'react';
import type { Redaction } from '../../api/fragments';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { DataList, DataListItem, StatusBadge } from '../../ui';
import { type RedactionIndex, SharedValue } from './shared-value';

/** One field of a member or record: its label, its path in the file (`records.<id>.phone`), and its value as shown. */
export interface FileField {
  readonly label: string;
  readonly path: string;
  readonly value: unknown;
  /** The value as people read it; the plain value when absent. */
  readonly shown?: ReactNode;
}

/**
 * A card's fields, what is shared first: the shared (and the not recorded) fields as a list,
 * then the withheld ones grouped by reason, each group one line ("3 gegevens niet gedeeld: ...
 * Vraag het gezin ...") that opens to the fields it holds, each with its own marker. The API's
 * redaction list is unchanged; this is only how it is read.
 */
export function FieldList({ fields, redactions, columns = false, before }: { fields: readonly FileField[]; redactions: RedactionIndex; columns?: boolean; before?: ReactNode }) {
  const shared = fields.filter((f) => !redactions.has(f.path));
  const withheld = fields.flatMap((f) => {
    const redaction = redactions.get(f.path);
    return redaction === undefined ? [] : [{ field: f, redaction }];
  });
  return (
    <>
      {(before !== undefined || shared.length > 0) && (
        <DataList className={columns ? 'kring-data-list--columns' : undefined}>
          {before}
          {shared.map((f) => (
            <DataListItem key={f.path} label={f.label}>
              <SharedValue path={f.path} redactions={redactions} value={f.value}>
                {f.shown}
              </SharedValue>
            </DataListItem>
          ))}
        </DataList>
      )}
      <WithheldGroups withheld={withheld} />
    </>
  );
}

/** The withheld fields of one card, one expandable group per reason, in the order the reasons first occur. */
function WithheldGroups({ withheld }: { withheld: readonly { field: FileField; redaction: Redaction }[] }) {
  const { t } = useI18n();
  const byReason = new Map<string, { field: FileField; redaction: Redaction }[]>();
  for (const item of withheld) byReason.set(item.redaction.reason, [...(byReason.get(item.redaction.reason) ?? []), item]);
  if (byReason.size === 0) return null;
  return (
    <div className="kring-withheld">
      {[...byReason].map(([reason, items]) => (
        <details key={reason} className="kring-withheld__group" data-testid={`withheld-${reason}`}>
          <summary className="kring-withheld__summary">
            <StatusBadge tone="warning">{items.length === 1 ? t('pro.file.summaryOne') : t('pro.file.summary', { count: items.length })}</StatusBadge>{' '}
            <span>{t(`reason.${reason}` as MessageKey)}</span> <span>{t(`pro.todo.${reason}` as MessageKey)}</span>
          </summary>
          {/* The reason and what to do are the group's line; each item says what it is and its kind of data. */}
          <ul className="utrecht-unordered-list kring-withheld__fields">
            {items.map(({ field, redaction }) => (
              <li key={field.path} className="utrecht-unordered-list__item kring-not-shared-marker" data-testid={`not-shared-${field.path}`}>
                <strong>{field.label}</strong>{' '}
                <span className="kring-not-shared-marker__category">{t('pro.notShared.category', { category: t(`category.${redaction.category}` as MessageKey) })}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
