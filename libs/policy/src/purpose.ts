import type { DataCategory } from '@kring/family-file';
import type { Domain } from '@kring/identity';

/** One entry of the register of processing activities (GDPR Art. 30). */
export interface Purpose {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly lawfulBasis: { readonly article6: string; readonly article9: string | null };
  /** Domains whose organisations may declare this purpose. */
  readonly domains: readonly Domain[];
  /** The most this purpose may ever reach; consent narrows within it, never widens it. */
  readonly maxCategories: readonly DataCategory[];
  /** Domains for which this purpose rests on a statutory task: no consent needed. */
  readonly statutoryFor: readonly Domain[];
  /** ISO 8601 duration. */
  readonly retention: string;
  readonly retentionNote: string;
}
