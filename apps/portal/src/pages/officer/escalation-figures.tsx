import { type FormEvent, useId, useState } from 'react';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { EscalationFiguresQuery } from '../../api/generated/graphql';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { todayInNl } from '../member/member-family';
import { ChartPatterns } from './decisions-chart';

const FIGURES = gql(`query EscalationFigures($from: String!, $to: String!) {
  escalationFigures(from: $from, to: $to) {
    organisation { ...OrganisationFields }
    raised open takenOn decided takenOnByThisOrganisation overdue decidedLate medianDaysToDecision p90DaysToDecision
  }
}`);

type Figures = EscalationFiguresQuery['escalationFigures'][number];
interface Period {
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A year back from today (both days included): the period the page opens with. */
function lastYear(): Period {
  const to = todayInNl();
  const start = new Date(`${to}T12:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to };
}

/**
 * Privacy officers (their organisation) and the chain privacy officer (every organisation): the
 * escalations raised in a period per organisation (`escalationFigures`), as a chart of how timely
 * they were decided and, as a table, every figure: counts, overdue, decided late, median and 90th
 * percentile of days to decision. No personal data, and not logged (docs/escalation.md).
 */
export function EscalationFiguresPage() {
  const { t } = useI18n();
  usePageTitle(t('esc.figures.title'));
  const [period, setPeriod] = useState<Period>(lastYear);
  const [draft, setDraft] = useState<Period>(period);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const figures = useApi(() => graphql(FIGURES, period).then((d) => d.escalationFigures), `escalation-figures-${period.from}-${period.to}`);
  const apiProblem = figures.error?.code === 'BAD_USER_INPUT' ? t('esc.figures.periodProblem') : undefined;
  const shownProblem = problem ?? apiProblem;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!DATE.test(draft.from) || !DATE.test(draft.to) || draft.to < draft.from) {
      setProblem(t('esc.figures.periodProblem'));
      document.getElementById('figures-from')?.focus();
      return;
    }
    setProblem(undefined);
    setPeriod(draft);
  };

  return (
    <>
      <Heading level={1}>{t('esc.figures.title')}</Heading>
      <Paragraph lead>{t('esc.figures.intro')}</Paragraph>
      <form className="kring-form kring-figures-period" noValidate onSubmit={submit} aria-label={t('esc.figures.show')}>
        <LabelledField id="figures-from" label={t('esc.figures.from')} help={t('esc.figures.periodHelp')} problem={shownProblem}>
          {(describedBy) => <Textbox id="figures-from" type="date" value={draft.from} invalid={shownProblem !== undefined} aria-describedby={describedBy} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />}
        </LabelledField>
        <LabelledField id="figures-to" label={t('esc.figures.to')} help={t('esc.figures.periodHelp')} problem={undefined}>
          {(describedBy) => <Textbox id="figures-to" type="date" value={draft.to} aria-describedby={describedBy} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />}
        </LabelledField>
        <div>
          <PrimaryActionButton type="submit">{t('esc.figures.show')}</PrimaryActionButton>
        </div>
      </form>
      {apiProblem === undefined && <ErrorAlert error={figures.error} />}
      {figures.loading && figures.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {figures.data !== null && figures.data.every((f) => f.raised === 0) && <Paragraph>{t('esc.figures.none')}</Paragraph>}
      {figures.data !== null && <FiguresChart figures={figures.data} period={period} busy={figures.loading} />}
    </>
  );
}

type Series = 'onTime' | 'late' | 'overdue' | 'running';
/** Left to right in each bar: decided (on time, late), then undecided (overdue, still on time). Together: raised. */
const SERIES: readonly Series[] = ['onTime', 'late', 'overdue', 'running'];

function partsOf(f: Figures): Record<Series, number> {
  return { onTime: f.decided - f.decidedLate, late: f.decidedLate, overdue: f.overdue, running: f.open + f.takenOn - f.overdue };
}

const WIDTH = 720;
const LEFT = 250;
const RIGHT = 16;
const TOP = 12;
const ROW = 34;
const BOTTOM = 44;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;

/**
 * Per organisation one horizontal bar of the escalations raised in the period, split by how
 * timely they were decided. Drawn as inline SVG like the access log's chart: each part has its
 * own pattern and a text label in the legend, the svg carries a summary for screen readers, and
 * every figure is in the table.
 */
function FiguresChart({ figures, period, busy }: { figures: readonly Figures[]; period: Period; busy: boolean }) {
  const { t, formatDate, language } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const rows = [...figures].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl'));
  const height = TOP + Math.max(1, rows.length) * ROW + BOTTOM;
  const max = Math.max(1, ...rows.map((f) => f.raised));
  const step = max <= 10 ? 1 : Math.ceil(max / 10);
  const top = Math.ceil(max / step) * step;
  const x = (value: number) => LEFT + (value / top) * PLOT_WIDTH;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  const label = (series: Series) => t(`esc.chart.${series}`);
  const from = formatDate(period.from);
  const to = formatDate(period.to);
  const summary =
    rows.length === 0
      ? t('esc.chart.empty')
      : t('esc.chart.summary', {
        from,
        to,
        parts: rows.map((f) => t('esc.chart.summaryPart', { organisation: f.organisation.name, ...partsOf(f) })).join(' '),
      });
  const days = (value: number | null) => (value === null ? <span className="kring-m-muted">{t('esc.figures.noDecision')}</span> : value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }));
  const tableId = `${uid}-table`;

  return (
    <div className="kring-chart" data-testid="escalation-figures-chart" aria-busy={busy || undefined}>
      <svg className="kring-chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} focusable="false">
        <defs>
          <ChartPatterns plain={`${uid}-onTime`} dotted={`${uid}-late`} striped={`${uid}-overdue`} />
          <pattern id={`${uid}-running`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" className="kring-chart__fill--neutral" />
          </pattern>
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={TOP} y2={height - BOTTOM} className={v === 0 ? 'kring-chart__axis' : 'kring-chart__grid'} />
            <text x={x(v)} y={height - BOTTOM + 16} textAnchor="middle" className="kring-chart__label">
              {v}
            </text>
          </g>
        ))}
        {rows.map((f, i) => {
          const parts = partsOf(f);
          const y = TOP + i * ROW + 6;
          let base = 0;
          return (
            <g key={f.organisation.id}>
              <title>{t('esc.chart.summaryPart', { organisation: f.organisation.name, ...parts })}</title>
              <text x={LEFT - 8} y={y + (ROW - 12) / 2} dy="0.35em" textAnchor="end" className="kring-chart__label">
                {f.organisation.name}
              </text>
              {SERIES.map((series) => {
                const value = parts[series];
                if (value <= 0) return null;
                const x0 = x(base);
                base += value;
                return <rect key={series} x={x0} y={y} width={Math.max(0.5, x(base) - x0)} height={ROW - 12} fill={`url(#${uid}-${series})`} className="kring-chart__bar" />;
              })}
            </g>
          );
        })}
        <text x={LEFT + PLOT_WIDTH / 2} y={height - 6} textAnchor="middle" className="kring-chart__label">
          {t('esc.chart.xAxis')}
        </text>
      </svg>
      <ul className="kring-chart__legend" aria-label={t('esc.chart.legend')}>
        {SERIES.map((series) => (
          <li key={series} className="kring-chart__legend-item">
            <svg className="kring-chart__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" fill={`url(#${uid}-${series})`} className="kring-chart__bar" />
            </svg>
            <span>
              {label(series)} ({t(`esc.chart.pattern.${series}`)})
            </span>
          </li>
        ))}
      </ul>
      <SecondaryActionButton type="button" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)}>
        {asTable ? t('esc.chart.hideTable') : t('esc.chart.showTable')}
      </SecondaryActionButton>
      <div id={tableId} hidden={!asTable}>
        {asTable && (
          <Table data-testid="escalation-figures-table">
            <TableCaption>{t('esc.figures.caption', { from, to })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('esc.figures.organisation')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.raised')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.open')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.takenOn')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.decided')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.takenOnByThis')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.overdue')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.decidedLate')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.median')}</TableHeaderCell>
                <TableHeaderCell>{t('esc.figures.p90')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((f) => (
                <TableRow key={f.organisation.id}>
                  <TableHeaderCell scope="row">{f.organisation.name}</TableHeaderCell>
                  <TableCell className="kring-number">{f.raised}</TableCell>
                  <TableCell className="kring-number">{f.open}</TableCell>
                  <TableCell className="kring-number">{f.takenOn}</TableCell>
                  <TableCell className="kring-number">{f.decided}</TableCell>
                  <TableCell className="kring-number">{f.takenOnByThisOrganisation}</TableCell>
                  <TableCell className="kring-number">{f.overdue}</TableCell>
                  <TableCell className="kring-number">{f.decidedLate}</TableCell>
                  <TableCell className="kring-number">{days(f.medianDaysToDecision)}</TableCell>
                  <TableCell className="kring-number">{days(f.p90DaysToDecision)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </div>
  );
}
