import { createLogger, loadConfig } from '@kring/config';
import { closeOnEveryWayOut } from '../infrastructure/close-on-every-way-out';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { startInfrastructure } from '../infrastructure/start-infrastructure';
import { DEFAULT_PATIENCE_MS, rewrapDataKeys } from '../keys/rewrap-data-keys';
import { rotationOutcome } from '../keys/rotation-outcome';

/**
 * `npm run keys:rotate [-- --patience <seconds>]`: after adding a new key-encryption key
 * version to KRING_KEY_ENCRYPTION_KEYS on every gateway (keeping the old one), rewraps
 * every data key with it. Gateways keep running meanwhile. It exits 0 and names the
 * versions that may be removed only when none is needed any more; otherwise it exits 75
 * with the count of data keys left, and the old version must stay.
 */
async function main(): Promise<void> {
  const patienceMs = readPatience(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger('warn');
  let infrastructure: Infrastructure | null = null;
  closeOnEveryWayOut({ logger, signalMeans: 'interrupted', close: async () => infrastructure?.close() });
  infrastructure = await startInfrastructure(config, logger, { seedDemoWorld: false });
  try {
    const { dataSource, crypto, accessLog } = infrastructure;
    const report = await rewrapDataKeys(dataSource, crypto, accessLog, { patienceMs });
    const outcome = rotationOutcome(report);
    (outcome.exitCode === 0 ? process.stdout : process.stderr).write(`${outcome.message}\n`);
    process.exitCode = outcome.exitCode;
  } finally {
    await infrastructure.close();
  }
}

function readPatience(args: readonly string[]): number {
  if (args.length === 0) return DEFAULT_PATIENCE_MS;
  const [flag, value] = args;
  const seconds = Number(value);
  if (args.length !== 2 || flag !== '--patience' || !/^\d+$/.test(value ?? '') || seconds < 1) {
    throw new Error('usage: npm run keys:rotate [-- --patience <seconds, at least 1>]');
  }
  return seconds * 1000;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
