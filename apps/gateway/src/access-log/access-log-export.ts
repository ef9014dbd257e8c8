import { LogDecision, type AccessLogEntry } from './access-log.model';

export type ExportFormat = 'csv' | 'jsonl' | 'logius';

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  logius: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'logius.jsonl' },
};

const CSV_COLUMNS: readonly [string, (e: AccessLogEntry) => string | number | boolean | null][] = [
  ['occurred_at', (e) => e.occurredAt.toISOString()],
  ['trace_id', (e) => e.traceId],
  ['activity', (e) => e.activity],
  ['purpose', (e) => e.purpose],
  ['decision', (e) => e.decision],
  ['basis', (e) => e.basis],
  ['basis_refs', (e) => e.basisRefs.join(' ')],
  ['reason', (e) => e.reason],
  ['break_glass', (e) => e.breakGlass],
  ['category', (e) => e.category],
  ['fields', (e) => e.fields.join(' ')],
  ['family_id', (e) => e.familyId],
  ['subject_member_ids', (e) => e.subjectMemberIds.join(' ')],
  ['target_kind', (e) => e.targetKind],
  ['target_id', (e) => e.targetId],
  ['source_organisation', (e) => e.sourceOrganisation?.name ?? null],
  ['actor_kind', (e) => e.actor.kind],
  ['actor_organisation', (e) => e.actor.organisation?.name ?? null],
  ['actor_role', (e) => e.actor.role],
  ['actor_professional_id', (e) => e.actor.professionalId],
  ['actor_name', (e) => e.actor.name],
  ['chain', (e) => e.chainKey],
  ['sequence', (e) => e.sequence],
  ['entry_id', (e) => e.id],
  // Added last, so readers that count columns keep working; target_id stays for entries of one target.
  ['target_ids', (e) => e.targetIds.join(' ')],
];

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

/** One CSV line (RFC 4180), with spreadsheet formula injection neutralised. */
export function csvLine(entry: AccessLogEntry): string {
  return `${CSV_COLUMNS.map(([, value]) => csvCell(value(entry))).join(',')}\r\n`;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function jsonLine(entry: AccessLogEntry): string {
  return `${JSON.stringify({ ...entry, occurredAt: entry.occurredAt.toISOString() })}\n`;
}

/**
 * The entry in the shape of Logius' Logboek Dataverwerkingen (see docs/access-log.md):
 * one record per data subject, since the standard names one betrokkene per operation.
 */
export function logiusLines(entry: AccessLogEntry, serviceVersion: string): string {
  const time = entry.occurredAt.getTime();
  const subjects = entry.subjectMemberIds.length > 0 ? entry.subjectMemberIds : [null];
  return subjects
    .map((subject, i) => {
      const attributes: Record<string, string | boolean | number> = {
        'dpl.core.processing_activity_id': `urn:kring:processing-activity:${entry.purpose ?? entry.activity}`,
        'kring.decision': entry.decision,
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
        ['kring.basis', entry.basis],
        ['kring.basis_refs', entry.basisRefs.join(' ') || null],
        ['kring.reason', entry.reason],
        ['kring.category', entry.category],
        ['kring.fields', entry.fields.join(' ') || null],
        ['kring.target_kind', entry.targetKind],
        ['kring.target_ids', entry.targetIds.join(' ') || null],
        ['kring.actor_organisation', entry.actor.organisation?.name ?? null],
        ['kring.actor_role', entry.actor.role],
        ['kring.source_organisation', entry.sourceOrganisation?.name ?? null],
      ];
      for (const [key, value] of optional) if (value !== null) attributes[key] = value;
      return JSON.stringify({
        trace_id: entry.traceId,
        // 8 bytes, unique per operation: from the entry id, and per subject when an entry has several.
        operation_id: `${operationIdBase(entry.id)}${i.toString(16).padStart(2, '0')}`.slice(0, 16),
        status_code: entry.decision === LogDecision.ALLOWED ? 'STATUS_CODE_OK' : 'STATUS_CODE_ERROR',
        name: entry.category === null ? entry.activity : `${entry.activity}:${entry.category}`,
        start_time: time,
        end_time: time,
        resource: { attributes: { 'service.name': 'kring-gateway', 'service.version': serviceVersion } },
        attributes,
      });
    })
    .map((line) => `${line}\n`)
    .join('');
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
