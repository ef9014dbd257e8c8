import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '@kring/config';
import type { Principal } from '@kring/identity';
import { DATE_TIME_RULE, parseDateTime } from '../common/date-time.scalar';
import { RefusalsLogged } from '../common/input-boundary.guard';
import { badInput, httpErrorBody, httpStatusOf, KringError } from '../common/kring-error';
import { Authenticated } from '../identity/access.decorator';
import type { KringRequest } from '../identity/auth.guard';
import { DenyReason } from '@kring/policy';
import { csvHeader, csvLines, EXPORT_FORMATS, jsonLine, logiusLines, type ExportFormat } from './access-log-export';
import { LogDecision, type AccessLogFilter } from './access-log.model';
import { AccessLogService } from './access-log.service';
import { AuditService, decisionOf, operationEntries } from './audit.service';

/**
 * `GET /access-log/export?format=csv|jsonl|logius&<filters>`: the same entries
 * `accessLog` gives the same caller, streamed in batches. The export itself is
 * logged first; if that cannot be written, nothing is exported.
 */
@Controller('access-log')
export class AccessLogExportController {
  constructor(
    private readonly log: AccessLogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Authenticated()
  @RefusalsLogged('EXPORT_ACCESS_LOG')
  @Get('export')
  async export(@Req() request: KringRequest & { traceId?: string }, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const principal = request.principal as Principal;
    try {
      const format = (parameter(query, 'format') ?? 'csv') as ExportFormat;
      // Own keys only: `toString` is "in" every object.
      if (!Object.hasOwn(EXPORT_FORMATS, format)) throw badInput('format', 'must be csv, jsonl or logius');
      const filter = filterFrom(query);
      // Validates the filter and the caller's scope before anything is written or logged.
      await this.log.page(principal, filter, 1, null);
      await this.audit.recordRefusal(
        { principal, traceId: request.traceId ?? '', at: this.clock.now() },
        ...operationEntries({
          activity: 'EXPORT_ACCESS_LOG',
          familyId: filter.familyId ?? null,
          subjectMemberIds: filter.memberId ? [filter.memberId] : [],
          decisions: [
            decisionOf({
            fields: [`format=${format}`, ...Object.entries(filter).filter(([, v]) => v !== undefined && v !== null).map(([k]) => `filter=${k}`)],
            basis: principal.kind === 'citizen' ? 'DATA_SUBJECT' : null,
            }),
          ],
        }),
      );
      const { contentType, extension } = EXPORT_FORMATS[format];
      response.status(200);
      response.setHeader('content-type', contentType);
      response.setHeader('content-disposition', `attachment; filename="kring-access-log.${extension}"`);
      response.setHeader('cache-control', 'no-store');
      if (format === 'csv') response.write(csvHeader());
      for await (const batch of this.log.all(principal, filter)) {
        const text = batch.map((entry) => (format === 'csv' ? csvLines(entry) : format === 'jsonl' ? jsonLine(entry) : logiusLines(entry, '0.1.0'))).join('');
        if (!response.write(text)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    } catch (error) {
      if (response.headersSent) {
        // Mid-stream: the only honest signal left is a broken transfer.
        response.destroy(error as Error);
        return;
      }
      if (!(error instanceof KringError)) throw error;
      response.status(httpStatusOf(error.code)).json(httpErrorBody(error));
    }
  }
}

/**
 * The filter `accessLog` takes, from the query string, with the same rules: date-times are
 * strict RFC 3339 (the DateTime scalar's own parser), enums and booleans take exactly the
 * words GraphQL takes (anything else is BAD_USER_INPUT, never a value read as "any"), ids
 * are checked where `accessLog` checks them, and a parameter counts once.
 */
function filterFrom(query: Record<string, unknown>): AccessLogFilter {
  const text = (name: string) => parameter(query, name);
  const date = (name: string): Date | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const parsed = parseDateTime(value);
    if (parsed === null) throw badInput(name, DATE_TIME_RULE);
    return parsed;
  };
  const oneOf = <Word extends string>(name: string, words: readonly Word[]): Word | undefined => {
    const value = text(name);
    if (value === undefined || (words as readonly string[]).includes(value)) return value as Word | undefined;
    throw badInput(name, `must be one of ${words.join(', ')}`);
  };
  const yesOrNo = (name: string): boolean | undefined => {
    const value = oneOf(name, ['true', 'false']);
    return value === undefined ? undefined : value === 'true';
  };
  return {
    familyId: text('familyId'),
    memberId: text('memberId'),
    professionalId: text('professionalId'),
    organisationId: text('organisationId'),
    sourceOrganisationId: text('sourceOrganisationId'),
    category: text('category'),
    purpose: text('purpose'),
    decision: oneOf('decision', Object.values(LogDecision)),
    reason: oneOf('reason', Object.values(DenyReason)),
    basis: text('basis'),
    activity: text('activity'),
    actorKind: text('actorKind'),
    byOthers: yesOrNo('byOthers'),
    breakGlass: yesOrNo('breakGlass'),
    from: date('from'),
    to: date('to'),
  };
}

/** One query-string parameter: given twice (`?purpose=a&purpose=b`) it is a list, which no filter takes. */
function parameter(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw badInput(name, 'must be given once, as text');
}
