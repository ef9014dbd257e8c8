import { readFileSync } from 'node:fs';
import { isDataCategory, type DataCategory } from '@kring/family-file';
import { ALL_DOMAINS, type Domain } from '@kring/identity';
import type { Purpose } from './purpose';

/**
 * The purpose catalogue: versioned data loaded from the policy file at start and
 * served read-only. Loading refuses a file with any unknown domain or category,
 * so a typo cannot silently widen or narrow what a purpose reaches.
 */
export class PurposeCatalogue {
  private readonly byCode: ReadonlyMap<string, Purpose>;

  constructor(
    readonly version: string,
    readonly controller: string,
    purposes: readonly Purpose[],
  ) {
    this.byCode = new Map(purposes.map((p) => [p.code, p]));
  }

  /** Reads and validates a policy file; throws with every problem found. */
  static fromFile(path: string): PurposeCatalogue {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`the purpose catalogue ${path} cannot be read: ${(error as Error).message}`, { cause: error });
    }
    return PurposeCatalogue.fromJson(raw, path);
  }

  static fromJson(raw: unknown, source = 'policy'): PurposeCatalogue {
    const problems: string[] = [];
    const doc = raw as { version?: unknown; controller?: unknown; purposes?: unknown };
    if (typeof doc?.version !== 'string') problems.push('version must be a string');
    if (!Array.isArray(doc?.purposes)) problems.push('purposes must be a list');
    const purposes = Array.isArray(doc?.purposes) ? doc.purposes.map((p, i) => validatePurpose(p, i, problems)) : [];
    const codes = purposes.map((p) => p.code);
    const duplicates = new Set(codes.filter((code, i) => codes.indexOf(code) !== i));
    for (const code of duplicates) problems.push(`purpose ${code} appears more than once`);
    if (problems.length > 0) {
      throw new Error(`the purpose catalogue ${source} is invalid:\n  - ${problems.join('\n  - ')}`);
    }
    return new PurposeCatalogue(doc.version as string, typeof doc.controller === 'string' ? doc.controller : '', purposes);
  }

  /** Every purpose, in catalogue order. */
  all(): Purpose[] {
    return [...this.byCode.values()];
  }

  /** The purpose with that code, or undefined. */
  find(code: string): Purpose | undefined {
    return this.byCode.get(code);
  }
}

function validatePurpose(raw: unknown, index: number, problems: string[]): Purpose {
  const p = (raw ?? {}) as Record<string, unknown>;
  const where = typeof p['code'] === 'string' ? p['code'] : `purposes[${index}]`;
  for (const key of ['code', 'name', 'description', 'retention', 'retentionNote']) {
    if (typeof p[key] !== 'string' || p[key] === '') problems.push(`${where}: ${key} must be a non-empty string`);
  }
  if (typeof p['retention'] === 'string' && !/^P(?=\d)(\d+Y)?(\d+M)?(\d+D)?$/.test(p['retention'])) {
    problems.push(`${where}: retention must be an ISO 8601 duration such as P2Y`);
  }
  const basis = (p['lawfulBasis'] ?? {}) as Record<string, unknown>;
  if (typeof basis['article6'] !== 'string') problems.push(`${where}: lawfulBasis.article6 is required`);
  const domains = stringList(p['domains'], `${where}: domains`, problems);
  const statutoryFor = stringList(p['statutoryFor'], `${where}: statutoryFor`, problems);
  const maxCategories = stringList(p['maxCategories'], `${where}: maxCategories`, problems);
  for (const d of [...domains, ...statutoryFor]) {
    if (!(ALL_DOMAINS as readonly string[]).includes(d)) problems.push(`${where}: unknown domain ${d}`);
  }
  for (const d of statutoryFor) {
    if (!domains.includes(d)) problems.push(`${where}: statutory domain ${d} must also be allowed to use the purpose`);
  }
  for (const c of maxCategories) {
    if (!isDataCategory(c)) problems.push(`${where}: unknown data category ${c}`);
  }
  if (maxCategories.includes('HEALTH') && typeof basis['article9'] !== 'string') {
    problems.push(`${where}: reaches HEALTH, so it needs an Art. 9 exception in lawfulBasis.article9`);
  }
  // A member's own words are free text: what they write may well be about their health.
  if (maxCategories.includes('OWN_WORDS') && typeof basis['article9'] !== 'string') {
    problems.push(`${where}: reaches OWN_WORDS (free text that may touch on health), so it needs an Art. 9 exception in lawfulBasis.article9`);
  }
  return {
    code: String(p['code']),
    name: String(p['name']),
    description: String(p['description']),
    lawfulBasis: { article6: String(basis['article6']), article9: typeof basis['article9'] === 'string' ? basis['article9'] : null },
    domains: domains as Domain[],
    maxCategories: maxCategories as DataCategory[],
    statutoryFor: statutoryFor as Domain[],
    retention: String(p['retention']),
    retentionNote: String(p['retentionNote']),
  };
}

function stringList(value: unknown, where: string, problems: string[]): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problems.push(`${where} must be a list of strings`);
    return [];
  }
  return value as string[];
}
