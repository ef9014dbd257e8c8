/** A configuration problem that must stop the process before it serves anything. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Kring cannot start; configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}
