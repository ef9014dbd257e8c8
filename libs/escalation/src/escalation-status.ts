import { EscalationStatus } from './escalation-vocabulary';

/** What an escalation's status and deadline are decided on: when it was taken on and decided, and its last day. */
export interface EscalationTimes {
  readonly takenOnAt: Date | null;
  readonly decidedAt: Date | null;
  /** YYYY-MM-DD (Dutch calendar). */
  readonly dueOn: string;
}

/** Open until a team lead takes it on; taken on until they decide; decided. */
export function escalationStatus(times: Pick<EscalationTimes, 'takenOnAt' | 'decidedAt'>): EscalationStatus {
  if (times.decidedAt !== null) return EscalationStatus.DECIDED;
  if (times.takenOnAt !== null) return EscalationStatus.TAKEN_ON;
  return EscalationStatus.OPEN;
}

/** Overdue: not decided, and its last day (`dueOn`) has passed on `today` (YYYY-MM-DD, Dutch calendar). */
export function isOverdue(times: EscalationTimes, today: string): boolean {
  return times.decidedAt === null && today > times.dueOn;
}
