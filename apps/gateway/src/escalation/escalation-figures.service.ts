import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { involvedOnSql } from '@kring/family-file';
import { OrganisationEntity, type ProfessionalPrincipal } from '@kring/identity';
import { actorOf, permissionsFor, permittedWhere } from '@kring/policy';
import { badInput } from '../common/kring-error';
import { organisationModel } from '../directory/organisation.model';
import type { EscalationFigures } from './escalation.model';

/** The longest period figures are asked for at once: ten years. */
const MAX_PERIOD_DAYS = 3660;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The officers' figures of escalations (DESIGN.md §9: "officers and the chain see counts and
 * time to decision"; docs/escalation.md): per organisation, the escalations raised in a period
 * about families it was involved with on the day they were raised, by status, overdue and
 * decided late, and the median and 90th percentile of calendar days from raising to decision.
 * Counts only: no family, member or text, so nothing to decrypt and nothing about a data
 * subject to log. A privacy officer sees their own organisation's row, the chain's officer
 * every organisation's (the permission table, in SQL).
 */
@Injectable()
export class EscalationFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async figures(principal: ProfessionalPrincipal, from: string, to: string): Promise<EscalationFigures[]> {
    for (const [field, value] of [['from', from], ['to', to]] as const) if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badInput(field, 'must be a date written YYYY-MM-DD');
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (days < 0) throw badInput('to', 'must not be before from');
    if (days > MAX_PERIOD_DAYS) throw badInput('to', `must be at most ${MAX_PERIOD_DAYS} days after from`);
    const today = dutchDate(this.clock.now());
    const parameters: unknown[] = [from, to, today];
    const permitted = permittedWhere(permissionsFor(actorOf(principal)), 'read', 'EscalationFigures', { organisationId: { column: 'i.organisation_id' } }, (value) => {
      parameters.push(value);
      return `$${parameters.length}`;
    });
    const raisedOn = `(e.raised_at AT TIME ZONE 'Europe/Amsterdam')::date`;
    const daysToDecision = `EXTRACT(EPOCH FROM e.decided_at - e.raised_at) / 86400`;
    const rows = await this.dataSource.query<FigureRow[]>(
      `SELECT i.organisation_id,
              count(DISTINCT e.id)::int AS raised,
              count(DISTINCT e.id) FILTER (WHERE e.taken_on_at IS NULL)::int AS open,
              count(DISTINCT e.id) FILTER (WHERE e.taken_on_at IS NOT NULL AND e.decided_at IS NULL)::int AS taken_on,
              count(DISTINCT e.id) FILTER (WHERE e.decided_at IS NOT NULL)::int AS decided,
              count(DISTINCT e.id) FILTER (WHERE e.taken_on_by_organisation_id = i.organisation_id)::int AS taken_on_by_this,
              count(DISTINCT e.id) FILTER (WHERE e.decided_at IS NULL AND e.due_on < $3::date)::int AS overdue,
              count(DISTINCT e.id) FILTER (WHERE e.decided_at IS NOT NULL AND (e.decided_at AT TIME ZONE 'Europe/Amsterdam')::date > e.due_on)::int AS decided_late,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysToDecision}) FILTER (WHERE e.decided_at IS NOT NULL) AS median,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY ${daysToDecision}) FILTER (WHERE e.decided_at IS NOT NULL) AS p90
         FROM escalation e
         JOIN involvement i ON i.family_id = e.family_id AND ${involvedOnSql('i', raisedOn)}
        WHERE ${raisedOn} BETWEEN $1::date AND $2::date AND ${permitted}
        GROUP BY i.organisation_id`,
      parameters,
    );
    if (rows.length === 0) return [];
    const organisations = await this.dataSource.manager.find(OrganisationEntity, { where: { id: In(rows.map((r) => r.organisation_id)) } });
    const byId = new Map(organisations.map((o) => [o.id, organisationModel(o)]));
    const round = (value: string | number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
    return rows
      .map((r) => ({
        organisation: byId.get(r.organisation_id) as EscalationFigures['organisation'],
        raised: r.raised,
        open: r.open,
        takenOn: r.taken_on,
        decided: r.decided,
        takenOnByThisOrganisation: r.taken_on_by_this,
        overdue: r.overdue,
        decidedLate: r.decided_late,
        medianDaysToDecision: round(r.median),
        p90DaysToDecision: round(r.p90),
      }))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl') || a.organisation.id.localeCompare(b.organisation.id));
  }
}

interface FigureRow {
  organisation_id: string;
  raised: number;
  open: number;
  taken_on: number;
  decided: number;
  taken_on_by_this: number;
  overdue: number;
  decided_late: number;
  median: string | number | null;
  p90: string | number | null;
}
