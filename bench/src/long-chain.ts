import { chainKeyOf, type AccessLogFacts } from '@kring/audit';
import { DEMO_ORGANISATIONS } from '@kring/demo-world';
import type { Infrastructure } from '../../apps/gateway/src/infrastructure/infrastructure';

/** The family whose chain the verification benchmark builds: no such family exists, only its log. */
export const LONG_CHAIN_FAMILY_ID = '30000000-0000-4000-8000-000000000001';

/** Entries per append: one transaction each, like a long run of reads. */
const APPEND_BATCH = 5_000;

const ORGANISATIONS = Object.values(DEMO_ORGANISATIONS);
const PURPOSES = ['CASE_COORDINATION', 'SUPPORT_PLANNING', 'DEBT_RESOLUTION', 'REINTEGRATION', 'ELIGIBILITY_ASSESSMENT'];
const CATEGORIES = ['CONTACT', 'FINANCES', 'HEALTH', 'CARE_TRAJECTORY', 'PERSONAL_IDENTITY'];
const FIELDS = [['address', 'email', 'phone'], ['totalDebt', 'creditors'], ['diagnosis'], ['goals', 'provider', 'start'], ['name', 'birthDate']];

/**
 * Grows one family's chain to `total` entries with the gateway's own writer (so every entry
 * is hashed and linked as a read's would be), in appends of 5,000, and signs a checkpoint
 * every `checkpointEvery` entries and at the end. Picks up where an earlier run stopped.
 */
export async function buildLongChain(infrastructure: Infrastructure, total: number, checkpointEvery: number, log: (line: string) => void): Promise<void> {
  const chainKey = chainKeyOf(LONG_CHAIN_FAMILY_ID);
  const headOf = async () => (await infrastructure.dataSource.query<{ sequence: string; entry_hash: Buffer }[]>(`SELECT sequence, entry_hash FROM access_log_chain_head WHERE chain_key = $1`, [chainKey]))[0];
  let written = Number((await headOf())?.sequence ?? 0);
  const firstAt = Date.UTC(2026, 0, 1);
  const spacingMs = (365 * 24 * 3600 * 1000) / total;
  while (written < total) {
    // Up to the next checkpoint at most, so that one is signed every `checkpointEvery` entries exactly.
    const count = Math.min(APPEND_BATCH, total - written, checkpointEvery - (written % checkpointEvery));
    const entries = Array.from({ length: count }, (_, i) => readEntry(written + i, new Date(firstAt + Math.floor((written + i) * spacingMs))));
    await infrastructure.dataSource.transaction((manager) => infrastructure.accessLog.append(manager, entries));
    written += count;
    if (written % checkpointEvery === 0 || written === total) {
      const head = await headOf();
      if (head === undefined) throw new Error('the long chain has no head');
      const checkpoint = infrastructure.checkpointSigner.sign(chainKey, Number(head.sequence), new Uint8Array(head.entry_hash), new Date());
      await infrastructure.dataSource.query(
        `INSERT INTO access_log_checkpoint (chain_key, sequence, entry_hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [chainKey, String(checkpoint.sequence), Buffer.from(checkpoint.entryHash), checkpoint.signedAt, checkpoint.keyId, Buffer.from(checkpoint.signature)],
      );
    }
    if (written % 100_000 === 0 || written === total) log(`  ${written.toLocaleString('en')} / ${total.toLocaleString('en')} chained entries`);
  }
}

/** The n-th entry: a read's entry about one member, its decisions varied over organisations, purposes, categories and outcomes. */
function readEntry(n: number, occurredAt: Date): AccessLogFacts {
  return {
    occurredAt,
    traceId: n.toString(16).padStart(32, '0'),
    actorKind: 'PROFESSIONAL',
    actorId: uuid('40000000', n % 500),
    actorOrganisationId: ORGANISATIONS[n % ORGANISATIONS.length] ?? null,
    actorRole: 'PROFESSIONAL',
    activity: 'READ_FAMILY_FILE',
    purpose: PURPOSES[n % PURPOSES.length] ?? null,
    familyId: LONG_CHAIN_FAMILY_ID,
    // One member per entry (encoding v3), with that member's decisions: a few categories of a few organisations' records.
    subjectMemberIds: [uuid('20000000', (n * 7) % 5)],
    decisions: [0, 1, 2].map((i) => {
      const kind = (n + i) % 5;
      const denied = (n + i) % 10 < 3;
      return {
        targetKind: 'RECORD' as const,
        targetIds: [uuid('50000000', n * 3 + i)],
        sourceOrganisationId: ORGANISATIONS[Math.floor(n / 7 + i) % ORGANISATIONS.length] ?? null,
        category: CATEGORIES[kind] ?? null,
        fields: FIELDS[kind] ?? [],
        outcome: denied ? ('DENIED' as const) : ('ALLOWED' as const),
        basis: denied ? null : ('CONSENT' as const),
        basisRefs: denied ? [] : [uuid('60000000', (n + i) % 40)],
        reason: denied ? 'NO_CONSENT' : null,
      };
    }),
    breakGlass: false,
  };
}

function uuid(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
