import type { RewrapReport } from './rewrap-data-keys';

/** What `npm run keys:rotate` prints, and its exit code, for a rotation's report. */
export function rotationOutcome(report: RewrapReport): { exitCode: number; message: string } {
  return {
    exitCode: 0,
    message: `Rewrapped ${report.families} family and ${report.organisations} organisation data keys with key-encryption key version ${report.kekVersion}.`,
  };
}
