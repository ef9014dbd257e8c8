import { loadConfig } from '@kring/config';
import { PERSONAS } from '@kring/demo-world';
import { DevIssuer, type DevTokenSubject } from '@kring/identity';

const USAGE = `usage: npm run token -- <persona> | --professional ID | --member ID  [--ttl SECONDS]
personas: ${Object.keys(PERSONAS).join(', ')}`;

/**
 * Prints a bare development token, signed by the development issuer's key in the
 * data folder. Needs no running gateway or database; refuses when an external
 * issuer is configured, since its tokens cannot be made here.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  if (config.identity.kind !== 'development-issuer') {
    throw new Error('an external issuer is configured (KRING_JWKS_URL); get tokens from it instead');
  }
  const ttlIndex = args.indexOf('--ttl');
  const ttl = ttlIndex >= 0 ? Number(args[ttlIndex + 1]) : 8 * 3600;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error(USAGE);
  const subject = readSubject(ttlIndex >= 0 ? args.filter((_, i) => i !== ttlIndex && i !== ttlIndex + 1) : args);
  const issuer = await DevIssuer.open(config.dataDir, config.identity.issuer, config.identity.audience);
  process.stdout.write(`${await issuer.sign(subject, ttl)}\n`);
}

function readSubject(args: string[]): DevTokenSubject {
  const [first, second] = args;
  const isUuid = (value: string | undefined): value is string => value !== undefined && /^[0-9a-f-]{36}$/i.test(value);
  if (first === '--professional' && isUuid(second)) return { kind: 'professional', professionalId: second };
  if (first === '--member' && isUuid(second)) return { kind: 'citizen', memberId: second };
  const persona = first === undefined ? undefined : PERSONAS[first];
  if (persona === undefined || args.length !== 1) throw new Error(USAGE);
  return persona.kind === 'professional'
    ? { kind: 'professional', professionalId: persona.professionalId, organisationId: persona.organisationId }
    : { kind: 'citizen', memberId: persona.memberId };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
