// Prints one plain summary line after the run ("tests: N passed, N failed, N skipped"),
// which CI and people skimming a long log both read; and, when they were skipped, why the
// browser tests did not run.
import { loudly } from './browser.mjs';
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites + results.numRuntimeErrorTestSuites;
    const suiteNote = failedSuites > 0 ? ` (${failedSuites} suite(s) failed to run or failed)` : '';
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped${suiteNote}\n`);
    if (process.env.KRING_BROWSER_SKIPPED) {
      process.stdout.write(loudly(['BROWSER TESTS SKIPPED: the portal was not tested in a browser.', `Why: ${process.env.KRING_BROWSER_SKIPPED}`]));
    }
  }
}
