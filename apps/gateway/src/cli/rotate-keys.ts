import { createLogger, loadConfig } from '@kring/config';
import { rewrapDataKeys } from '../keys/rewrap-data-keys';
import { rotationOutcome } from '../keys/rotation-outcome';
import { createRuntime } from '../runtime/create-runtime';

/**
 * `npm run keys:rotate`: after adding a new key-encryption key version to
 * KRING_KEY_ENCRYPTION_KEYS (keeping the old one), rewraps every data key with it.
 * Gateways keep running meanwhile; remove the old version once this reports done.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config, createLogger('warn'), { seedDemoWorld: false });
  try {
    const report = await rewrapDataKeys(runtime.dataSource, runtime.crypto, runtime.accessLog);
    const outcome = rotationOutcome(report);
    process.stdout.write(`${outcome.message}\n`);
    process.exitCode = outcome.exitCode;
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
