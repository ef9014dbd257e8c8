import type { RewrapReport } from './rewrap-data-keys';

/** EX_TEMPFAIL of sysexits.h: not done yet, try again later. */
export const EXIT_DATA_KEYS_REMAIN = 75;

export interface RotationOutcome {
  readonly exitCode: number;
  readonly message: string;
}

/**
 * What `npm run keys:rotate` tells the operator, and its exit code. It says an old version
 * may be removed only when the rotation's final count found no data key left on it:
 * removing it earlier makes those families unreadable.
 */
export function rotationOutcome(report: RewrapReport): RotationOutcome {
  const rewrapped = `Rewrapped ${keys(report.families, 'family')} and ${keys(report.organisations, 'organisation')} with key-encryption key version ${report.kekVersion}.`;
  const { families, organisations } = report.remaining;
  const older = report.olderKekVersions;
  const named = `version${older.length === 1 ? '' : 's'} ${older.join(', ')}`;
  if (families + organisations === 0) {
    const next = older.length === 0
      ? 'No older key-encryption key version is configured; there is nothing to remove.'
      : `Done: no data key is wrapped with an older version any more. You may remove ${named} from KRING_KEY_ENCRYPTION_KEYS on every gateway.`;
    return { exitCode: 0, message: `${rewrapped}\n${next}` };
  }
  return {
    exitCode: EXIT_DATA_KEYS_REMAIN,
    message:
      `${rewrapped}\nNOT DONE: ${keys(families, 'family')} and ${keys(organisations, 'organisation')} are still wrapped with an older version ` +
      `(rows held locked by a long transaction, or written by a gateway that does not have version ${report.kekVersion} yet). ` +
      `Do not remove ${older.length === 0 ? 'any version' : named}: those data keys would become unreadable. ` +
      `Check that every gateway has version ${report.kekVersion}, then run npm run keys:rotate again (with --patience <seconds> to wait longer).`,
  };
}

function keys(count: number, kind: string): string {
  return `${count} ${kind} data key${count === 1 ? '' : 's'}`;
}
