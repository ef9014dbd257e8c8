import type { ReactNode } from 'react';
import type { AccessLogDecision, AccessLogEntry } from '../../api/fragments';
import * as common from '../../i18n/common';
import * as officer from '../../i18n/officer';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { type BadgeTone, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui';
import { useKnownNames } from './known-names';
import { shortId } from './verify-log';

/** What one click on a row filters on. */
export type RowFilter = 'familyId' | 'memberId' | 'professionalId' | 'organisationId';

interface Props {
  readonly entries: readonly AccessLogEntry[];
  readonly hasMore: boolean;
  readonly busy: boolean;
  readonly onFilter: (field: RowFilter, id: string) => void;
}

/**
 * The entries, newest first, as a privacy officer may see them: with the professional's name.
 * From any row one click filters on its family, member, professional or organisation; a member
 * or family is named when the officer looked them up in this tab (known-names.ts), by id otherwise.
 */
export function LogTable({ entries, hasMore, busy, onFilter }: Props) {
  const { t, language } = useI18n();
  const nameOf = useKnownNames();
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Amsterdam' });
  /** A plain-language label from common.ts when one exists, else the code itself. */
  const known = (key: string, code: string) => (key in common.nl ? t(key as MessageKey) : code);

  return (
    <Table aria-busy={busy || undefined} className="kring-log-table">
      <TableCaption>{hasMore ? t('officer.table.captionMore', { count: entries.length }) : t('officer.table.caption', { count: entries.length })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('officer.table.time')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.actor')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.activity')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.purpose')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.family')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.decision')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.decisions')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.breakGlass')}</TableHeaderCell>
          <TableHeaderCell>{t('officer.table.trace')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <tr key={entry.id} className="utrecht-table__row" data-testid="log-row" data-decision={entry.decision} data-outcomes={entry.decisions.map((d) => d.outcome).join(' ')} data-entry-id={entry.id}>
            <TableCell>
              <time dateTime={entry.occurredAt}>
                <span className="kring-nowrap">{date.format(new Date(entry.occurredAt))}</span> <span className="kring-nowrap">{time.format(new Date(entry.occurredAt))}</span>
              </time>
            </TableCell>
            <TableCell>
              <Actor entry={entry} onFilter={onFilter} />
            </TableCell>
            <TableCell>{known(`activity.${entry.activity}`, entry.activity)}</TableCell>
            <TableCell>{entry.purpose === null ? <Nothing /> : known(`purpose.${entry.purpose}`, entry.purpose)}</TableCell>
            <TableCell>
              {entry.familyId === null && entry.subjectMemberIds.length === 0 ? (
                <Nothing />
              ) : (
                <span className="kring-log-people">
                  {entry.familyId !== null && (
                    <FilterButton testId={`filter-family-${entry.familyId}`} label={t('officer.table.filterFamily')} onClick={() => onFilter('familyId', entry.familyId as string)}>
                      {nameOf(entry.familyId) ?? <code>{shortId(entry.familyId)}</code>}
                    </FilterButton>
                  )}
                  {entry.subjectMemberIds.map((memberId) => (
                    <FilterButton key={memberId} testId={`filter-member-${memberId}`} label={t('officer.table.filterMember')} onClick={() => onFilter('memberId', memberId)}>
                      {nameOf(memberId) ?? <code>{shortId(memberId)}</code>}
                    </FilterButton>
                  ))}
                </span>
              )}
            </TableCell>
            <TableCell>
              <span className="kring-nowrap">
                <StatusBadge tone={OUTCOME_TONE[entry.decision]}>{t(`decision.${entry.decision}`)}</StatusBadge>
              </span>
            </TableCell>
            <TableCell>
              <Decisions decisions={entry.decisions} known={known} />
            </TableCell>
            <TableCell>{entry.breakGlass ? <span className="utrecht-badge-status kring-badge--break-glass">{t('breakGlass')}</span> : t('common.no')}</TableCell>
            <TableCell>
              <code title={entry.traceId} className="kring-nowrap">
                {entry.traceId.slice(0, 8)}
              </code>
            </TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

function Nothing() {
  const { t } = useI18n();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="kring-visually-hidden">{t('common.none')}</span>
    </>
  );
}

/** A name or id in a cell that, clicked, filters the log on it; the visually hidden label says so. */
function FilterButton({ testId, label, onClick, children }: { testId: string; label: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="utrecht-button utrecht-button--subtle kring-family-button" data-testid={testId} title={label} onClick={onClick}>
      {children}
      <span className="kring-visually-hidden"> {label}</span>
    </button>
  );
}

/** Who acted: organisation, role(s), and the professional's name (officers only see it); name and organisation filter on a click. */
function Actor({ entry, onFilter }: { entry: AccessLogEntry; onFilter: (field: RowFilter, id: string) => void }) {
  const { t } = useI18n();
  const { actor } = entry;
  if (actor.kind === 'CITIZEN') return <>{t('actor.CITIZEN')}</>;
  if (actor.kind === 'SYSTEM') return <>{t('actor.SYSTEM')}</>;
  const roles = (actor.role ?? '')
    .split(',')
    .filter(Boolean)
    .map((role) => (`role.${role}` in common.nl ? t(`role.${role}` as MessageKey) : role))
    .join(', ');
  return (
    <span className="kring-log-actor">
      {actor.name !== null &&
        (actor.professionalId !== null ? (
          <FilterButton testId={`filter-professional-${actor.professionalId}`} label={t('officer.table.filterProfessional')} onClick={() => onFilter('professionalId', actor.professionalId as string)}>
            <strong>{actor.name}</strong>
          </FilterButton>
        ) : (
          <strong>{actor.name}</strong>
        ))}
      {roles !== '' && <span>{roles}</span>}
      {actor.organisation !== null && (
        <FilterButton testId={`filter-organisation-${actor.organisation.id}`} label={t('officer.table.filterOrganisation')} onClick={() => onFilter('organisationId', (actor.organisation as { id: string }).id)}>
          {actor.organisation.name}
        </FilterButton>
      )}
    </span>
  );
}

/** An outcome's colour: a read that withheld part of what was asked stands out, less than a refusal. */
const OUTCOME_TONE: Record<AccessLogEntry['decision'], BadgeTone> = { ALLOWED: 'ok', DENIED: 'error', PARTLY_ALLOWED: 'warning' };

/**
 * What the operation decided about the data subject, one item per decision (DESIGN.md §10):
 * the kind of data and whose record it is, the outcome, why, and the fields named. An entry
 * written before the log's present shape lists one.
 */
function Decisions({ decisions, known }: { decisions: readonly AccessLogDecision[]; known: (key: string, code: string) => string }) {
  const { t } = useI18n();
  if (decisions.length === 0) return <Nothing />;
  return (
    <ul className="kring-log-decisions">
      {decisions.map((decision, i) => (
        <li key={i} data-testid="log-decision" data-outcome={decision.outcome}>
          <StatusBadge tone={OUTCOME_TONE[decision.outcome]}>{t(`decision.${decision.outcome}`)}</StatusBadge>{' '}
          {decision.category !== null && <span className="kring-log-category">{known(`category.${decision.category}`, decision.category)}</span>}
          {decision.sourceOrganisation !== null && <span className="kring-log-source">{t('officer.table.source', { organisation: decision.sourceOrganisation.name })}</span>}
          <Why decision={decision} />
          {decision.fields.length > 0 && (
            <span className="kring-log-fields">
              {t('officer.table.fields')} <code>{decision.fields.join(', ')}</code>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Why: the reason of a refusal, or the basis of an allowed access, in words with the code beside. */
function Why({ decision }: { decision: AccessLogDecision }) {
  const { t } = useI18n();
  if (decision.outcome === 'DENIED') {
    if (decision.reason === null) return null;
    const key = `reason.${decision.reason}`;
    return (
      <span className="kring-log-why">
        {key in common.nl ? t(key as MessageKey) : decision.reason} <code className="kring-log-code">{decision.reason}</code>
      </span>
    );
  }
  if (decision.basis === null) return null;
  const key = `officer.basis.${decision.basis}`;
  return (
    <span className="kring-log-why">
      {t('officer.table.basis')} {key in officer.nl ? t(key as MessageKey) : decision.basis} <code className="kring-log-code">{decision.basis}</code>
    </span>
  );
}
