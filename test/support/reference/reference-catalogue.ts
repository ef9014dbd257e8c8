import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataCategory } from '@kring/family-file';
import type { ReferencePurpose } from './reference-world';

/** The purpose register as data, read from the policy file itself rather than through the gateway's loader. */
export function readCatalogue(): ReferencePurpose[] {
  const doc = JSON.parse(readFileSync(join(process.cwd(), 'libs/policy/purposes.json'), 'utf8')) as { purposes: ReferencePurpose[] };
  return doc.purposes.map((p) => ({ code: p.code, domains: p.domains, maxCategories: p.maxCategories as DataCategory[], statutoryFor: p.statutoryFor }));
}
