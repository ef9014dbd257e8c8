import type { ExpectedAnswer } from '../reference/reference-access-rule';

/** Counts of what the generated worlds led to, so a run can prove it reached every branch of the rule. */
export class ObservedDistribution {
  readonly counts = new Map<string, number>();
  worlds = 0;

  add(answer: ExpectedAnswer): void {
    this.worlds += 1;
    if (answer.kind === 'error') {
      this.bump(`error ${answer.code}`);
      return;
    }
    this.bump('file');
    for (const v of answer.trace.verdicts) this.bump(v.allowed ? `allowed ${v.basis}` : `denied ${v.reason}`);
    for (const j of answer.trace.judgements) this.bump(`consent ${j.judgement} ${j.band}`);
    for (const story of answer.trace.stories) this.bump(`story ${story}`);
  }

  /** Cases named by a reference beside the file's answer (the plan's). */
  addCases(cases: readonly string[]): void {
    for (const c of cases) this.bump(c);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Entries of `required` that never occurred; an entry matches every key it is a prefix of. */
  missing(required: readonly string[]): string[] {
    return required.filter((prefix) => ![...this.counts.keys()].some((key) => key === prefix || key.startsWith(`${prefix} `)));
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([['worlds', this.worlds], ...[...this.counts].sort(([a], [b]) => a.localeCompare(b))]);
  }

  private bump(key: string): void {
    this.counts.set(key, this.count(key) + 1);
  }
}
