import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { type AccessLogDecision, type AccessLogEntry, DATA_CATEGORIES } from '../../api/fragments';
import { gql } from '../../api/generated';
import type { DataCategory } from '../../api/generated/graphql';
import { asApiError } from '../../api/use-api';
import { type Translate, useI18n } from '../../i18n/i18n';
import { Checkbox, FormLabel, Heading, Paragraph, SecondaryActionButton, StatusBadge } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { joinWords, labelOf } from './member-family';
import { BreakGlassNotices } from './break-glass-notices';

// One visit to a file writes an entry per member it read about (five for the demo family, fewer in a member's view), so a page holds many visits.
const PAGE_SIZE = 200;
const LOG = gql(`query MyLog($first: Int, $after: String, $filter: AccessLogFilter) { accessLog(first: $first, after: $after, filter: $filter) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } } }`);

/** Reason codes we have plain words for (common.ts `reason.X`); others are not shown as a reason. */
const REASONS = new Set(['NO_CONSENT', 'PURPOSE_EXCLUDES_CATEGORY', 'NOT_INVOLVED', 'CONSENT_PENDING', 'CONSENT_REVOKED', 'CONSENT_EXPIRED', 'CAPACITY_LAPSED', 'PURPOSE_NOT_FOR_DOMAIN', 'UNKNOWN_PURPOSE', 'OTHER_MEMBER', 'DATA_INTEGRITY']);

/**
 * One visit: the entries of one request by one actor for one purpose. The log holds an entry
 * per member read about, each with its decisions per kind of data, whose record and outcome
 * (older entries: one decision each); a family reads a visit, with what was shown and what
 * was not.
 */
interface Visit {
  readonly key: string;
  readonly first: AccessLogEntry;
  readonly outcomes: Outcome[];
}

/** Decisions of a visit with the same outcome, reason, basis and emergency flag, their categories and whose records they were. */
interface Outcome {
  readonly key: string;
  readonly decision: AccessLogDecision;
  readonly breakGlass: boolean;
  readonly categories: string[];
  readonly sources: string[];
}

function visitKey(e: AccessLogEntry): string {
  return [e.traceId, e.actor.kind, e.actor.organisation?.id, e.actor.role, e.activity, e.purpose].join('|');
}

function outcomeKey(e: AccessLogEntry, d: AccessLogDecision): string {
  return [d.outcome, d.outcome === 'DENIED' ? d.reason : '', d.basis, e.breakGlass].join('|');
}

function visitsOf(entries: readonly AccessLogEntry[]): Visit[] {
  const visits = new Map<string, Visit>();
  for (const entry of entries) {
    const key = visitKey(entry);
    let visit = visits.get(key);
    if (visit === undefined) {
      visit = { key, first: entry, outcomes: [] };
      visits.set(key, visit);
    }
    for (const decision of entry.decisions) {
      const oKey = outcomeKey(entry, decision);
      let outcome = visit.outcomes.find((o) => o.key === oKey);
      if (outcome === undefined) {
        outcome = { key: oKey, decision, breakGlass: entry.breakGlass, categories: [], sources: [] };
        visit.outcomes.push(outcome);
      }
      if (decision.category !== null && !outcome.categories.includes(decision.category)) outcome.categories.push(decision.category);
      const source = decision.sourceOrganisation?.name;
      if (source !== undefined && !outcome.sources.includes(source)) outcome.sources.push(source);
    }
  }
  // Allowed first, then denied; categories in the catalogue's order.
  for (const visit of visits.values()) {
    visit.outcomes.sort((a, b) => (a.decision.outcome === b.decision.outcome ? 0 : a.decision.outcome === 'ALLOWED' ? -1 : 1));
    for (const outcome of visit.outcomes) outcome.categories.sort((a, b) => DATA_CATEGORIES.indexOf(a as DataCategory) - DATA_CATEGORIES.indexOf(b as DataCategory));
  }
  return [...visits.values()];
}

/** The day in the Dutch calendar, YYYY-MM-DD, to group by. */
function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function rolesOf(t: Translate, role: string | null): string {
  if (role === null || role === '') return '';
  return role
    .split(',')
    .map((r) => labelOf(t, 'role', r.trim()))
    .join(', ');
}

/** "Wie heeft gekeken": every access to the member's data (and their young children's), allowed or denied. */
export function MyLogPage() {
  const { t, language, formatDate } = useI18n();
  usePageTitle(t('member.log.title'));
  const [entries, setEntries] = useState<readonly AccessLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const firstNewRow = useRef<string | null>(null);
  // Every look at "Wat er over mij staat" is logged too; by default the timeline shows what
  // others did, and the member's own visits only when asked.
  const [withOwn, setWithOwn] = useState(false);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const { accessLog } = await graphql(LOG, { first: PAGE_SIZE, after, filter: withOwn ? {} : { byOthers: true } });
      const nodes = accessLog.edges.map((edge) => edge.node);
      setEntries((old) => (after === null ? nodes : [...old, ...nodes]));
      setCursor(accessLog.pageInfo.endCursor);
      setHasNext(accessLog.pageInfo.hasNextPage);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  }, [withOwn]);

  useEffect(() => {
    void load(null);
  }, [load]);

  // After "Meer laden", keyboard users continue at the first new row.
  useEffect(() => {
    if (firstNewRow.current === null) return;
    document.getElementById(firstNewRow.current)?.focus();
    firstNewRow.current = null;
  }, [entries]);

  const visits = visitsOf(entries);
  const days: { day: string; visits: Visit[] }[] = [];
  for (const visit of visits) {
    const day = dayOf(visit.first.occurredAt);
    const last = days[days.length - 1];
    if (last !== undefined && last.day === day) last.visits.push(visit);
    else days.push({ day, visits: [visit] });
  }
  const time = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

  const loadMore = () => {
    firstNewRow.current = `log-visit-${visits.length}`;
    void load(cursor);
  };

  let index = 0;
  return (
    <>
      <Heading level={1}>{t('member.log.title')}</Heading>
      <Paragraph lead>{t('member.log.intro')}</Paragraph>
      <Paragraph>{t('member.log.introWho')}</Paragraph>
      <Paragraph>{t('member.log.introChildren')}</Paragraph>
      <BreakGlassNotices />
      <div className="utrecht-form-field utrecht-form-field--checkbox kring-m-own-toggle">
        <Checkbox id="log-with-own" checked={withOwn} onChange={(event) => setWithOwn(event.target.checked)} />{' '}
        <FormLabel htmlFor="log-with-own" type="checkbox">
          {t('member.log.withOwn')}
        </FormLabel>
      </div>
      <ErrorAlert error={error} />
      {loading && entries.length === 0 && <Paragraph>{t('app.loading')}</Paragraph>}
      {!loading && error === null && entries.length === 0 && <Paragraph>{t('member.log.empty')}</Paragraph>}
      {days.map(({ day, visits: dayVisits }) => {
        const headingId = `log-day-${day}`;
        return (
          <section key={day} aria-labelledby={headingId} className="kring-section">
            <Heading level={2} id={headingId}>
              {formatDate(day)}
            </Heading>
            <ol className="kring-m-timeline" aria-labelledby={headingId}>
              {dayVisits.map((visit) => {
                const visitId = `log-visit-${index++}`;
                const { first } = visit;
                const roles = rolesOf(t, first.actor.role);
                const who =
                  first.actor.organisation !== null ? first.actor.organisation.name : first.actor.kind === 'SYSTEM' ? labelOf(t, 'actor', 'SYSTEM') : t('member.log.familyMember');
                const denied = visit.outcomes.some((o) => o.decision.outcome === 'DENIED');
                const breakGlass = visit.outcomes.some((o) => o.breakGlass);
                return (
                  <li key={visit.key} id={visitId} tabIndex={-1} className={`kring-m-visit${denied ? ' kring-m-visit--denied' : ''}`} data-testid="log-visit">
                    <p className="utrecht-paragraph kring-m-visit__head">
                      <time dateTime={first.occurredAt} className="kring-m-visit__time">
                        {time.format(new Date(first.occurredAt))}
                      </time>{' '}
                      <strong>{who}</strong>
                      {first.actor.organisation !== null && roles !== '' && <> ({roles})</>}
                      {breakGlass && (
                        <>
                          {' '}
                          <span className="kring-m-badge-break-glass">{t('breakGlass')}</span>
                        </>
                      )}
                    </p>
                    <p className="utrecht-paragraph">
                      {labelOf(t, 'activity', first.activity)}
                      {first.purpose !== null && <>. {t('member.log.purpose', { purpose: labelOf(t, 'purpose', first.purpose) })}</>}
                    </p>
                    {breakGlass && <p className="utrecht-paragraph">{t('member.log.breakGlassHelp')}</p>}
                    <ul className="kring-m-outcomes">
                      {visit.outcomes.map((outcome) => {
                        const d = outcome.decision;
                        return (
                          <li key={outcome.key} className="kring-m-outcome" data-outcome={d.outcome}>
                            <StatusBadge tone={d.outcome === 'ALLOWED' ? 'ok' : 'error'}>{labelOf(t, 'decision', d.outcome)}</StatusBadge>{' '}
                            {outcome.breakGlass && (
                              <>
                                <span className="kring-m-badge-break-glass">{t('breakGlass')}</span>{' '}
                              </>
                            )}
                            {outcome.categories.length > 0 && <span>{joinWords(t, outcome.categories.map((c) => labelOf(t, 'category', c)), 'member.and')}. </span>}
                            {outcome.sources.length > 0 && <span>{t('member.log.sources', { organisations: joinWords(t, outcome.sources, 'member.and') })} </span>}
                            {d.outcome === 'ALLOWED' && d.basis !== null && <span className="kring-m-muted-plain">{t('member.log.basisOf', { basis: labelOf(t, 'basis', d.basis) })}</span>}
                            {d.outcome === 'DENIED' && d.reason !== null && REASONS.has(d.reason) && <span className="kring-m-muted-plain">{labelOf(t, 'reason', d.reason)}</span>}
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      {entries.length > 0 && <Paragraph>{t('member.log.shown', { count: entries.length })}</Paragraph>}
      {hasNext && (
        <SecondaryActionButton type="button" busy={loading} disabled={loading} onClick={loadMore}>
          {t('common.more')}
        </SecondaryActionButton>
      )}
    </>
  );
}
