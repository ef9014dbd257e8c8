import type { Sodium } from '@kring/crypto';
import type { ChainedEntry } from './access-log-entry';
import { entryHash, GENESIS_HASH } from './chain';
import { checkpointIsAuthentic, type Checkpoint } from './checkpoint';

/** What is wrong at the first broken place of a chain. */
export type Breakage = 'CHANGED' | 'MISSING' | 'INSERTED' | 'REORDERED' | 'CHECKPOINT_INVALID' | 'TRUNCATED';

export interface ChainVerdict {
  readonly chainKey: string;
  readonly intact: boolean;
  readonly entries: number;
  readonly checkpointsVerified: number;
  /** The first broken entry: its sequence (and id when there is a row), and what is wrong. */
  readonly firstBroken: { readonly sequence: number; readonly entryId: string | null; readonly problem: Breakage } | null;
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Checks one chain: every entry's hash against its content and its predecessor,
 * sequences without gaps, and every signed checkpoint against the entry it names.
 * Each entry is hashed in the encoding version it was written in (v1 or v2, see
 * `canonicalEncoding`), so chains that span the change verify end to end.
 * Entries come in stored sequence order; `ids` gives each row's id for the report.
 */
export function verifyChain(
  sodium: Sodium,
  chainKey: string,
  entries: readonly (ChainedEntry & { readonly id: string })[],
  checkpoints: readonly Checkpoint[],
  publicKey: Uint8Array,
  head: { readonly sequence: number } | null,
): ChainVerdict {
  const broken = (sequence: number, entryId: string | null, problem: Breakage, checked = 0): ChainVerdict => ({
    chainKey,
    intact: false,
    entries: entries.length,
    checkpointsVerified: checked,
    firstBroken: { sequence, entryId, problem },
  });
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const positionOf = new Map(entries.map((e, i) => [hex(e.entryHash), i]));
  let previous: { sequence: number; hash: Uint8Array } = { sequence: 0, hash: GENESIS_HASH };
  for (const [i, entry] of entries.entries()) {
    // A v2 entry (target ids) never has the v1 column set: the writer leaves it NULL, and
    // the v2 encoding does not cover it, so a value there was put in afterwards.
    if (entry.targetIds !== null && entry.targetId !== null) return broken(entry.sequence, entry.id, 'CHANGED');
    const recomputed = entryHash(sodium, entry.previousHash, chainKey, entry);
    if (!same(recomputed, entry.entryHash)) return broken(entry.sequence, entry.id, 'CHANGED');
    if (entry.sequence > previous.sequence + 1) return broken(previous.sequence + 1, null, 'MISSING');
    if (!same(entry.previousHash, previous.hash)) {
      const linkedTo = positionOf.get(hex(entry.previousHash));
      const before = entries[i - 1];
      const next = entries[i + 1];
      // Links past its predecessor to the one before: the predecessor was put in.
      if (linkedTo !== undefined && linkedTo === i - 2 && before !== undefined) return broken(before.sequence, before.id, 'INSERTED');
      // Links to an entry that sits elsewhere: entries were moved.
      if (linkedTo !== undefined) return broken(entry.sequence, entry.id, 'REORDERED');
      // Links to nothing we hold. If the chain goes on from here, its predecessor is gone; otherwise it was put in.
      if (next !== undefined && same(next.previousHash, entry.entryHash)) return broken(entry.sequence, null, 'MISSING');
      return broken(entry.sequence, entry.id, 'INSERTED');
    }
    if (entry.sequence !== previous.sequence + 1) return broken(previous.sequence + 1, null, 'MISSING');
    previous = { sequence: entry.sequence, hash: entry.entryHash };
  }
  if (head !== null && head.sequence > previous.sequence) return broken(previous.sequence + 1, null, 'TRUNCATED');
  if (head !== null && head.sequence < previous.sequence) {
    const first = entries.find((e) => e.sequence === head.sequence + 1);
    return broken(head.sequence + 1, first?.id ?? null, 'INSERTED');
  }
  let checked = 0;
  for (const checkpoint of checkpoints) {
    const entry = entries.find((e) => e.sequence === checkpoint.sequence);
    if (!checkpointIsAuthentic(sodium, checkpoint, publicKey)) return broken(checkpoint.sequence, entry?.id ?? null, 'CHECKPOINT_INVALID', checked);
    if (entry === undefined) return broken(checkpoint.sequence, null, 'TRUNCATED', checked);
    if (!same(entry.entryHash, checkpoint.entryHash)) return broken(checkpoint.sequence, entry.id, 'CHANGED', checked);
    checked += 1;
  }
  return { chainKey, intact: true, entries: entries.length, checkpointsVerified: checked, firstBroken: null };
}
