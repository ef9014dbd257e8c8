import { type AccessLogDecision, type AccessLogEntry, LogDecision } from './access-log.model';

export type ExportFormat = 'csv' | 'jsonl' | 'logius';

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  logius: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'logius.jsonl' },
};

/** One decision of an entry, with its place in the entry's list; the decision is null only for an entry that lists none. */
interface DecisionRow {
  readonly entry: AccessLogEntry;
  readonly decision: AccessLogDecision | null;
  readonly index: number;
}

type Cell = string | number | boolean | null;

const CSV_COLUMNS: readonly [string, (r: DecisionRow) => Cell][] = [
  ['occurred_at', (r) => r.entry.occurredAt.toISOString()],
  ['trace_id', (r) => r.entry.traceId],
  ['activity', (r) => r.entry.activity],
  ['purpose', (r) => r.entry.purpose],
  // The row's own decision, ALLOWED or DENIED, as it always was: a row was an entry of one
  // group of decisions, and is now one decision. The entry's outcome is `entry_decision`.
  ['decision', (r) => r.decision?.outcome ?? null],
  ['basis', (r) => r.decision?.basis ?? null],
  ['basis_refs', (r) => r.decision?.basisRefs.join(' ') ?? null],
  ['reason', (r) => r.decision?.reason ?? null],
  ['break_glass', (r) => r.entry.breakGlass],
  ['category', (r) => r.decision?.category ?? null],
  ['fields', (r) => r.decision?.fields.join(' ') ?? null],
  ['family_id', (r) => r.entry.familyId],
  ['subject_member_ids', (r) => r.entry.subjectMemberIds.join(' ')],
  ['target_kind', (r) => r.decision?.targetKind ?? null],
  ['target_id', (r) => (r.decision?.targetIds.length === 1 ? (r.decision.targetIds[0] as string) : null)],
  ['source_organisation', (r) => r.decision?.sourceOrganisation?.name ?? null],
  ['actor_kind', (r) => r.entry.actor.kind],
  ['actor_organisation', (r) => r.entry.actor.organisation?.name ?? null],
  ['actor_role', (r) => r.entry.actor.role],
  ['actor_professional_id', (r) => r.entry.actor.professionalId],
  ['actor_name', (r) => r.entry.actor.name],
  ['chain', (r) => r.entry.chainKey],
  ['sequence', (r) => r.entry.sequence],
  ['entry_id', (r) => r.entry.id],
  // Added last, each in its turn, so readers that count columns keep working; target_id stays for decisions of one target.
  ['target_ids', (r) => r.decision?.targetIds.join(' ') ?? null],
  // Since the log's shape of DESIGN.md §10 an entry holds several decisions, one row each:
  // the row's place in the entry's decisions (from 0, as in the JSON lines' list), and the
  // entry's outcome over them (ALLOWED, DENIED or PARTLY_ALLOWED).
  ['decision_index', (r) => r.index],
  ['entry_decision', (r) => r.entry.decision],
];

/** The entry as one row per decision, in the order decided. An entry that lists none (the API never gives one) still gets a row, so no entry drops out of an export. */
function decisionRows(entry: AccessLogEntry): DecisionRow[] {
  if (entry.decisions.length === 0) return [{ entry, decision: null, index: 0 }];
  return entry.decisions.map((decision, index) => ({ entry, decision, index }));
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

/** The entry's CSV lines (RFC 4180), one per decision, with spreadsheet formula injection neutralised. */
export function csvLines(entry: AccessLogEntry): string {
  return decisionRows(entry)
    .map((row) => `${CSV_COLUMNS.map(([, value]) => csvCell(value(row))).join(',')}\r\n`)
    .join('');
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line per entry, its decisions as a list (an entry of the shape before DESIGN.md §10: a
 * list of one). The entry-level summaries the API keeps for old clients (basis, basisRefs,
 * reason, category, fields, targetKind, targetIds, targetId, sourceOrganisation) are left
 * out: they are null wherever the decisions differ, which a line read by a script cannot
 * tell from "none", and the decisions say it all (docs/access-log.md, *Export*).
 */
export function jsonLine(entry: AccessLogEntry): string {
  return `${JSON.stringify({
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    traceId: entry.traceId,
    activity: entry.activity,
    purpose: entry.purpose,
    decision: entry.decision,
    breakGlass: entry.breakGlass,
    familyId: entry.familyId,
    subjectMemberIds: entry.subjectMemberIds,
    actor: entry.actor,
    decisions: entry.decisions,
    chainKey: entry.chainKey,
    sequence: entry.sequence,
  })}\n`;
}

/**
 * The entry in the shape of Logius' Logboek Dataverwerkingen (see docs/access-log.md): one
 * record per decision and data subject, since the standard names one betrokkene and one
 * outcome (status code) per operation. An entry of the present shape has one subject (or
 * none) and several decisions; an older one may name several subjects and has one decision.
 */
export function logiusLines(entry: AccessLogEntry, serviceVersion: string): string {
  const time = entry.occurredAt.getTime();
  const subjects = entry.subjectMemberIds.length > 0 ? entry.subjectMemberIds : [null];
  const rows = decisionRows(entry);
  const operationIds = operationIdsOf(entry.id, subjects.length * rows.length);
  return subjects
    .flatMap((subject, s) =>
      rows.map(({ decision, index }) => {
        const attributes: Record<string, string | boolean | number> = {
          'dpl.core.processing_activity_id': `urn:kring:processing-activity:${entry.purpose ?? entry.activity}`,
          'kring.decision': decision?.outcome ?? entry.decision,
          'kring.entry_decision': entry.decision,
          'kring.decision_index': index,
          'kring.break_glass': entry.breakGlass,
          'kring.entry_id': entry.id,
          'kring.chain': entry.chainKey,
          'kring.sequence': entry.sequence,
        };
        if (subject !== null) {
          attributes['dpl.core.data_subject_id'] = subject;
          attributes['dpl.core.data_subject_id_type'] = 'kring-member-pseudonym';
        }
        const optional: [string, string | null][] = [
          ['kring.basis', decision?.basis ?? null],
          ['kring.basis_refs', decision?.basisRefs.join(' ') || null],
          ['kring.reason', decision?.reason ?? null],
          ['kring.category', decision?.category ?? null],
          ['kring.fields', decision?.fields.join(' ') || null],
          ['kring.target_kind', decision?.targetKind ?? null],
          ['kring.target_ids', decision?.targetIds.join(' ') || null],
          ['kring.actor_organisation', entry.actor.organisation?.name ?? null],
          ['kring.actor_role', entry.actor.role],
          ['kring.source_organisation', decision?.sourceOrganisation?.name ?? null],
        ];
        for (const [key, value] of optional) if (value !== null) attributes[key] = value;
        const outcome = decision?.outcome ?? entry.decision;
        const category = decision?.category ?? null;
        return JSON.stringify({
          trace_id: entry.traceId,
          operation_id: operationIds(s * rows.length + index),
          status_code: outcome === LogDecision.ALLOWED ? 'STATUS_CODE_OK' : 'STATUS_CODE_ERROR',
          name: category === null ? entry.activity : `${entry.activity}:${category}`,
          start_time: time,
          end_time: time,
          resource: { attributes: { 'service.name': 'kring-gateway', 'service.version': serviceVersion } },
          attributes,
        });
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * The operation ids (8 bytes, 16 hex) of an entry's records, unique per record: seven bytes
 * from the entry id and the record's number as the eighth. The number is the subject's index
 * for an entry of one decision, so an older entry keeps the operation ids exports always gave
 * it. An entry of more than 256 records (none is written; the bound is the kinds, categories
 * and source organisations of one read) takes six bytes and a two-byte number for all of
 * them, so its ids stay distinct.
 */
function operationIdsOf(entryId: string, records: number): (record: number) => string {
  const base = operationIdBase(entryId);
  if (records <= 256) return (record) => `${base}${record.toString(16).padStart(2, '0')}`;
  return (record) => `${base.slice(0, 12)}${record.toString(16).padStart(4, '0')}`;
}

/**
 * Seven bytes of an entry id that tell entries apart, for the Logius operation id. A random
 * (version 4) id gives its first seven, as exports always did, so an entry keeps its
 * operation id. A time-ordered (version 7) id starts with its millisecond, which every entry
 * of one read shares: it gives its last seven, which are random.
 */
function operationIdBase(entryId: string): string {
  const hex = entryId.replace(/-/g, '');
  return hex[12] === '7' ? hex.slice(-14) : hex.slice(0, 14);
}
