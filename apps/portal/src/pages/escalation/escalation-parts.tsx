import type { ReactNode } from 'react';
import type { ApiError } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { EscalationFieldsFragment } from '../../api/generated/graphql';
import { type Translate, useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { DataList, DataListItem, Heading, Paragraph, StatusBadge } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { joinWords, labelOf } from '../member/member-family';
import { familyLabel, NotShared } from '../professional/shared-value';

gql(`
  fragment EscalationProfessionalFields on EscalationProfessional { id name organisation { ...OrganisationFields } }
`);

gql(`
  fragment EscalationFields on Escalation {
    id familyId kind subjectMemberIds category purpose blockingKind blockingOrganisation { ...OrganisationFields } blocks tried
    closed { category reason }
    raisedBy { kind memberId professional { ...EscalationProfessionalFields } }
    raisedAt ageInDays status dueOn overdue
    takenOnBy { ...EscalationProfessionalFields } takenOnAt
    decision { decision setAside authority budgetCents decidedAt decidedBy { ...EscalationProfessionalFields } }
    decisionClosed { category reason }
  }
`);

export type Escalation = EscalationFieldsFragment;

/** The API's bounds of an escalation's texts and budget (docs/escalation.md), checked here first so the writer hears them in words. */
export const TEXT_LENGTH = { min: 10, max: 2000 } as const;
const BUDGET_MAX_CENTS = 100_000_000;

/** Whether a text (trimmed) is within the API's bounds. */
export function fits(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= TEXT_LENGTH.min && trimmed.length <= TEXT_LENGTH.max;
}

/**
 * An amount in euros as people write it ("1250", "1.250,50", "1250.5", "€ 80") in whole cents;
 * null when left empty, 'invalid' when it is no amount or outside 0 to one million euro.
 */
export function euroToCents(text: string): number | null | 'invalid' {
  let value = text.replace(/[\s€]/g, '');
  if (value === '') return null;
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(value)) value = value.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return 'invalid';
  const [whole, fraction = ''] = value.split('.') as [string, string?];
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return cents <= BUDGET_MAX_CENTS ? cents : 'invalid';
}

export function formatEuro(cents: number, language: 'nl' | 'en'): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The refusal's words (`extensions.refusal`), or null when the portal has none for it. */
export function refusalWords(t: Translate, error: ApiError): string | null {
  if (error.refusal === null) return null;
  const words = labelOf(t, 'esc.refusal', error.refusal);
  return words === error.refusal ? null : words;
}

/** An API error in words, and the escalation's refusal explained where we have words for it. */
export function EscalationError({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  const explained = error === null ? null : refusalWords(t, error);
  return (
    <>
      <ErrorAlert error={error} />
      {explained !== null && <Paragraph>{explained}</Paragraph>}
    </>
  );
}

/** How a page names the people on an escalation: the members (by the page's own rule), and who raised it. */
export interface EscalationNames {
  readonly member: (memberId: string) => string;
  /** A member who raised it (a member's page names them; the queue gives an id). */
  readonly raiser: (memberId: string) => string;
}

/**
 * One escalation as the caller may see it: what it is, about whom, who asked, what blocks and
 * what was tried (or why that is not shared), the deadline and whether it is overdue, who took
 * it on, and the decision in plain words. Status is said in words, never by colour alone.
 */
export function EscalationCard({ escalation: e, names, level, showFamily = false, children }: { escalation: Escalation; names: EscalationNames; level: 2 | 3; showFamily?: boolean; children?: ReactNode }) {
  const { t, formatDate } = useI18n();
  const headingId = `escalation-${e.id}`;
  const raiser = e.raisedBy.professional;
  const decided = e.status === 'DECIDED';
  const text = (value: string | null) => value ?? <span className="kring-m-muted">{t('esc.card.gone')}</span>;
  return (
    <article className="kring-card kring-escalation" aria-labelledby={headingId} data-testid="escalation" data-status={e.status} data-overdue={e.overdue}>
      <Heading level={level} id={headingId}>
        {t('esc.card.title', { kind: t(`esc.kind.${e.kind}`), date: formatDate(e.raisedAt) })}
      </Heading>
      <Paragraph>
        <StatusBadge tone={decided ? 'ok' : 'neutral'}>{t(`esc.status.${e.status}`)}</StatusBadge>
        {e.overdue && (
          <>
            {' '}
            <StatusBadge tone="error">{t('esc.overdue')}</StatusBadge>
          </>
        )}
      </Paragraph>
      <DataList className="kring-m-datalist">
        {showFamily && (
          <DataListItem label={t('esc.queue.family')}>
            <Link to={`/families/${e.familyId}`}>{t('esc.queue.openFamily', { family: familyLabel(e.familyId, t) })}</Link>
          </DataListItem>
        )}
        <DataListItem label={t('esc.card.about')}>{joinWords(t, e.subjectMemberIds.map(names.member), 'member.and')}</DataListItem>
        <DataListItem label={t('esc.card.raisedBy')}>
          {raiser === null ? names.raiser(e.raisedBy.memberId ?? '') : t('esc.card.raisedByProfessional', { name: raiser.name, organisation: raiser.organisation.name })}
        </DataListItem>
        {e.kind === 'STUCK' && (
          <DataListItem label={t('esc.card.what')}>
            {t(`esc.blockingKind.${e.blockingKind}`)}
            {e.blockingOrganisation !== null && <>: {e.blockingOrganisation.name}</>}
          </DataListItem>
        )}
        {e.closed !== null ? (
          <DataListItem label={e.kind === 'STUCK' ? t('esc.card.blocks') : t('esc.card.reason')}>
            <NotShared redaction={{ path: `escalations.${e.id}`, reason: e.closed.reason, category: e.closed.category }} />
          </DataListItem>
        ) : (
          <>
            <DataListItem label={e.kind === 'STUCK' ? t('esc.card.blocks') : t('esc.card.reason')}>
              <span className="kring-escalation__text" data-testid="escalation-blocks">
                {text(e.blocks)}
              </span>
            </DataListItem>
            {(e.tried !== null || e.kind === 'STUCK') && <DataListItem label={t('esc.card.tried')}>{text(e.tried)}</DataListItem>}
          </>
        )}
        <DataListItem label={t('esc.card.deadline')}>
          <time dateTime={e.dueOn}>{e.overdue ? t('esc.card.deadlineOverdue', { date: formatDate(e.dueOn) }) : formatDate(e.dueOn)}</time>
        </DataListItem>
        {!decided && <DataListItem label={t('esc.card.age')}>{ageWords(t, e.ageInDays)}</DataListItem>}
        <DataListItem label={t('esc.card.takenOnBy')}>
          {e.takenOnBy === null ? t('esc.card.nobodyYet') : t('esc.card.takenOnByValue', { name: e.takenOnBy.name, organisation: e.takenOnBy.organisation.name, date: formatDate(e.takenOnAt ?? e.raisedAt) })}
        </DataListItem>
      </DataList>
      {e.decision !== null && <DecisionWords escalation={e} level={level === 2 ? 3 : 4} />}
      {children}
    </article>
  );
}

function ageWords(t: Translate, days: number): string {
  if (days === 0) return t('esc.card.ageToday');
  return days === 1 ? t('esc.card.ageOneDay') : t('esc.card.ageDays', { days });
}

/** The breakthrough decision in plain words: who decided when, what, what is set aside on whose authority, and any money. */
function DecisionWords({ escalation: e, level }: { escalation: Escalation; level: 3 | 4 }) {
  const { t, formatDate, language } = useI18n();
  const decision = e.decision;
  if (decision === null) return null;
  return (
    <section aria-labelledby={`escalation-${e.id}-decision`} className="kring-escalation__decision" data-testid="escalation-decision">
      <Heading level={level} id={`escalation-${e.id}-decision`}>
        {t('esc.decision.title')}
      </Heading>
      <Paragraph>{t('esc.decision.by', { name: decision.decidedBy.name, organisation: decision.decidedBy.organisation.name, date: formatDate(decision.decidedAt) })}</Paragraph>
      {e.decisionClosed !== null ? (
        <NotShared redaction={{ path: `escalations.${e.id}.decision`, reason: e.decisionClosed.reason, category: e.decisionClosed.category }} />
      ) : (
        <DataList className="kring-m-datalist">
          <DataListItem label={t('esc.decision.decided')}>{decision.decision ?? <span className="kring-m-muted">{t('esc.card.gone')}</span>}</DataListItem>
          <DataListItem label={t('esc.decision.setAside')}>{decision.setAside ?? t('esc.decision.noSetAside')}</DataListItem>
          <DataListItem label={t('esc.decision.authority')}>{decision.authority ?? <span className="kring-m-muted">{t('esc.card.gone')}</span>}</DataListItem>
          <DataListItem label={t('esc.decision.budget')}>{decision.budgetCents === null ? t('esc.decision.noBudget') : formatEuro(decision.budgetCents, language)}</DataListItem>
        </DataList>
      )}
    </section>
  );
}
