// Prints one plain summary line after the run ("tests: N passed, N failed, N skipped"),
// which CI and people skimming a long log both read.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites + results.numRuntimeErrorTestSuites;
    const suiteNote = failedSuites > 0 ? ` (${failedSuites} suite(s) failed to run or failed)` : '';
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped${suiteNote}\n`);
  }
}
