import { useId, useState } from 'react';
import type { DaysQuery } from '../../api/generated/graphql';

type AccessLogDay = DaysQuery['accessLogDays'][number];
import { useI18n } from '../../i18n/i18n';
import { SecondaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui';

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 52;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 44;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

type Series = 'allowed' | 'breakGlass' | 'denied';
/** Bottom to top in each stacked bar. */
const SERIES: readonly Series[] = ['allowed', 'breakGlass', 'denied'];

export interface Totals {
  readonly allowed: number;
  readonly denied: number;
  readonly breakGlass: number;
}

export function totalsOf(days: readonly AccessLogDay[]): Totals {
  return days.reduce((sum, d) => ({ allowed: sum.allowed + d.allowed, denied: sum.denied + d.denied, breakGlass: sum.breakGlass + d.breakGlass }), { allowed: 0, denied: 0, breakGlass: 0 });
}

/**
 * The charts' three patterns, by the ids to give them: plain green, dotted purple, striped red.
 * Colour is never the only signal: each has its own pattern, and the legends say it in words.
 */
export function ChartPatterns({ plain, dotted, striped }: { plain: string; dotted: string; striped: string }) {
  return (
    <>
      <pattern id={plain} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="kring-chart__fill--allowed" />
      </pattern>
      <pattern id={dotted} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="kring-chart__fill--break-glass" />
        <circle cx="4" cy="4" r="1.6" className="kring-chart__mark" />
      </pattern>
      <pattern id={striped} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="kring-chart__fill--denied" />
        <rect width="1.5" height="6" className="kring-chart__mark" />
      </pattern>
    </>
  );
}

/** A round top for the y-axis and its step, so the grid lines fall on easy numbers. */
function scale(max: number): { top: number; step: number } {
  if (max <= 4) return { top: Math.max(max, 1), step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * Decisions per day as stacked bars, drawn as inline SVG. Colour is never the only
 * signal: each kind has its own pattern (plain, dotted, striped) and a text label in the
 * legend; the svg carries a summary for screen readers, and the same numbers are a table.
 */
export function DecisionsChart({ days, busy }: { days: readonly AccessLogDay[]; busy: boolean }) {
  const { t, language } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const fillOf = (series: Series) => `url(#${uid}-${series})`;
  const totals = totalsOf(days);
  const first = days[0]?.day;
  const last = days.at(-1)?.day;
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const crossesYear = first !== undefined && last !== undefined && first.slice(0, 4) !== last.slice(0, 4);
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: crossesYear ? '2-digit' : undefined, timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);
  const label = (series: Series) => t(`officer.chart.${series}`);

  const max = Math.max(0, ...days.map((d) => d.allowed + d.denied + d.breakGlass));
  const { top, step } = scale(max);
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const band = days.length === 0 ? PLOT_WIDTH : PLOT_WIDTH / days.length;
  const barWidth = Math.max(1, band * 0.7);
  // Bars a few pixels wide are too thin for a pattern or a gap: plain colour there, the legend and table still say it in words.
  const thin = barWidth < 4;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);

  const summary =
    first === undefined || last === undefined
      ? t('officer.chart.empty')
      : first === last
        ? t('officer.chart.summaryDay', { day: long.format(dayDate(first)), ...totals })
        : t('officer.chart.summary', {
          from: long.format(dayDate(first)),
          to: long.format(dayDate(last)),
          allowed: totals.allowed,
          denied: totals.denied,
          breakGlass: totals.breakGlass,
        });
  const tableId = `${uid}-table`;

  return (
    <div
      className="kring-chart"
      data-testid="decisions-chart"
      data-total-allowed={totals.allowed}
      data-total-denied={totals.denied}
      data-total-break-glass={totals.breakGlass}
      aria-busy={busy || undefined}
    >
      <svg className="kring-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} focusable="false">
        <defs>
          <ChartPatterns plain={`${uid}-allowed`} dotted={`${uid}-breakGlass`} striped={`${uid}-denied`} />
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} className={v === 0 ? 'kring-chart__axis' : 'kring-chart__grid'} />
            <text x={LEFT - 6} y={y(v)} dy="0.35em" textAnchor="end" className="kring-chart__label">
              {v}
            </text>
          </g>
        ))}
        <text x={12} y={TOP + PLOT_HEIGHT / 2} textAnchor="middle" transform={`rotate(-90 12 ${TOP + PLOT_HEIGHT / 2})`} className="kring-chart__label">
          {t('officer.chart.yAxis')}
        </text>
        {days.map((d, i) => {
          const x = LEFT + i * band + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={d.day}>
              <title>{t('officer.chart.barTitle', { day: long.format(dayDate(d.day)), allowed: d.allowed, denied: d.denied, breakGlass: d.breakGlass })}</title>
              {SERIES.map((series) => {
                const value = d[series];
                if (value === 0) return null;
                const y0 = y(base);
                base += value;
                const y1 = y(base);
                return <rect key={series} x={x} y={y1} width={barWidth} height={Math.max(0.5, y0 - y1)} fill={thin ? undefined : fillOf(series)} className={thin ? `kring-chart__fill--${series === 'breakGlass' ? 'break-glass' : series}` : 'kring-chart__bar'} />;
              })}
              {i % labelEvery === 0 && (
                <text x={LEFT + i * band + band / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" className="kring-chart__label">
                  {short.format(dayDate(d.day))}
                </text>
              )}
            </g>
          );
        })}
        <text x={LEFT + PLOT_WIDTH / 2} y={HEIGHT - 6} textAnchor="middle" className="kring-chart__label">
          {t('officer.chart.xAxis')}
        </text>
        {max === 0 && (
          <text x={LEFT + PLOT_WIDTH / 2} y={TOP + PLOT_HEIGHT / 2} textAnchor="middle" className="kring-chart__label">
            {t('officer.chart.nothing')}
          </text>
        )}
      </svg>
      <ul className="kring-chart__legend" aria-label={t('officer.chart.legend')}>
        {(['allowed', 'denied', 'breakGlass'] as const).map((series) => (
          <li key={series} className="kring-chart__legend-item">
            <svg className="kring-chart__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" fill={fillOf(series)} className="kring-chart__bar" />
            </svg>
            <span>
              {label(series)} ({t(`officer.chart.pattern.${series}`)}): <strong>{totals[series]}</strong>
            </span>
          </li>
        ))}
      </ul>
      <SecondaryActionButton type="button" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)}>
        {asTable ? t('officer.chart.hideTable') : t('officer.chart.showTable')}
      </SecondaryActionButton>
      <div id={tableId} hidden={!asTable}>
        {asTable && (
          <Table>
            <TableCaption>{summary}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('officer.chart.day')}</TableHeaderCell>
                <TableHeaderCell>{label('allowed')}</TableHeaderCell>
                <TableHeaderCell>{label('denied')}</TableHeaderCell>
                <TableHeaderCell>{label('breakGlass')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.day}>
                  <TableHeaderCell scope="row">
                    <time dateTime={d.day}>{long.format(dayDate(d.day))}</time>
                  </TableHeaderCell>
                  <TableCell className="kring-number">{d.allowed}</TableCell>
                  <TableCell className="kring-number">{d.denied}</TableCell>
                  <TableCell className="kring-number">{d.breakGlass}</TableCell>
                </TableRow>
              ))}
              <TableRow className="kring-chart__total-row">
                <TableHeaderCell scope="row">{t('officer.chart.total')}</TableHeaderCell>
                <TableCell className="kring-number">{totals.allowed}</TableCell>
                <TableCell className="kring-number">{totals.denied}</TableCell>
                <TableCell className="kring-number">{totals.breakGlass}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        )}
      </div>
    </div>
  );
}
