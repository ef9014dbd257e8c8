import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { DevIssuer, type ProfessionalPrincipal } from '@kring/identity';
import { decideFieldAccess, type FieldFacts } from '@kring/policy';
import { AuditService } from '../../apps/gateway/src/access-log/audit.service';
import { PrincipalResolver } from '../../apps/gateway/src/identity/principal.resolver';
import { assembleFamilyFile, RequestDecisions } from '../../apps/gateway/src/families/family-file.assembler';
import { FamilyFileService } from '../../apps/gateway/src/families/family-file.service';
import { familySnapshot, loadFamilyRowsForOrganisation, type FamilySnapshot } from '../../apps/gateway/src/families/family-snapshot';
import { readEntries } from '../../apps/gateway/src/families/read-entries';
import { startInfrastructure } from '../../apps/gateway/src/infrastructure/start-infrastructure';
import { argument, benchDatabase, readSavedWorld, savedWorldFile } from './bench-support';

/**
 * `npm run bench:read-path -- [--families 1000] [--reads 1500]`: the CPU time of each step of
 * a professional's read of a family file, in process, one read at a time: no HTTP, no
 * GraphQL, no load generator sharing the cores. It runs on a world that `npm run bench`
 * seeded (same `--families`), and prints each step as milliseconds of CPU per read and as
 * a ratio to loading the rows, the part the plain scenario does too. It tells where the
 * privacy costs of a read sit; `npm run bench` tells what they cost under load.
 */
async function main(): Promise<void> {
  const families = argument('families', 1000);
  const reads = Math.floor(argument('reads', 1500));
  const name = `kring_bench_f${families}_l0`;
  const state = process.env['DATABASE_URL'] ? null : readSavedWorld(savedWorldFile(name, 'embedded'));
  if (state === null) throw new Error(`no seeded world: run npm run bench -- --families ${families} --seed-only first (embedded PostgreSQL)`);
  const database = await benchDatabase(name, true);
  const env = { ...process.env, ...state.keys, DATABASE_URL: database.url, KRING_DATA_DIR: join(process.cwd(), '.kring', 'bench'), LOG_LEVEL: 'warn' };
  const audience = loadConfig({ ...env, NODE_ENV: 'development' }).identity.audience;
  const issuer = await DevIssuer.ephemeral('https://kring-bench.invalid', audience);
  const config = loadConfig({ ...env, NODE_ENV: 'production', KRING_OIDC_ISSUER: 'https://kring-bench.invalid', KRING_JWKS_URL: 'https://bench.invalid/jwks.json' });
  const infrastructure = await startInfrastructure(config, createLogger('warn'), { issuerKeys: issuer.jwks() });
  try {
    const reader = state.world.readers[0];
    const purpose = infrastructure.catalogue.find('CASE_COORDINATION');
    if (reader === undefined || purpose === undefined) throw new Error('the world has no reader, or the catalogue no CASE_COORDINATION');
    const token = await issuer.sign({ kind: 'professional', professionalId: reader.professionalId, organisationId: reader.organisationId }, 3600);
    const { dataSource, crypto, catalogue, clock, accessLog, tokenVerifier, registrations, logger } = infrastructure;
    const principal = (await new PrincipalResolver(dataSource, tokenVerifier, registrations).resolve(token)) as ProfessionalPrincipal;
    const audit = new AuditService(dataSource, accessLog, logger);
    const service = new FamilyFileService(dataSource, crypto, catalogue, clock, audit);
    const manager = infrastructure.dataSource.manager;
    const ids = state.world.familyIds;
    const familyAt = (i: number) => ids[(i * 7) % ids.length] as string;
    // The reader's organisation is involved with every family of the world, so every read finds its rows.
    const rowsOf = async (familyId: string) => {
      const found = await loadFamilyRowsForOrganisation(manager, familyId, new Date(), principal.organisationId, dutchDate(new Date()));
      return found.kind === 'involved' ? found.rows : null;
    };
    const snapshotOf = async (familyId: string) => {
      const rows = await rowsOf(familyId);
      return rows === null ? null : familySnapshot(infrastructure.crypto, rows);
    };

    // Snapshots loaded beforehand, so that assembling is timed without the database.
    const snapshots: FamilySnapshot[] = [];
    for (let i = 0; i < Math.min(300, ids.length); i++) {
      const snapshot = await snapshotOf(familyAt(i));
      if (snapshot !== null) snapshots.push(snapshot);
    }
    const assemble = (i: number) => {
      const snapshot = snapshots[i % snapshots.length] as FamilySnapshot;
      const at = new Date();
      const today = dutchDate(at);
      const rule = (field: FieldFacts) => decideFieldAccess({ caller: principal, purpose, family: snapshot.facts, field, at, today });
      return { snapshot, ...assembleFamilyFile(snapshot, infrastructure.crypto, new RequestDecisions(rule), purpose.code) };
    };

    const steps: [string, (i: number) => unknown][] = [
      ['rows: one statement (plain does this)', (i) => rowsOf(familyAt(i))],
      ['snapshot: rows, key unwrapped, facts', (i) => snapshotOf(familyAt(i))],
      ['assemble: rule, CASL, decrypt', (i) => assemble(i)],
      ['assemble and group log entries', (i) => {
        const { snapshot, decided } = assemble(i);
        return readEntries('READ_FAMILY_FILE', purpose.code, snapshot.family.id, decided);
      }],
      ['rows, then the append of a read\'s entries', async (i) => {
        const { snapshot, decided } = assemble(i);
        const drafts = readEntries('READ_FAMILY_FILE', purpose.code, snapshot.family.id, decided);
        const rows = await rowsOf(snapshot.family.id);
        return audit.recordRead({ principal, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', at: new Date() }, drafts, rows?.logHead ?? null);
      }],
      ['whole read, log appended', (i) => service.readForProfessional(principal, familyAt(i), purpose.code, '4bf92f3577b34da6a3ce929d0e0e4736')],
    ];
    const results: { step: string; cpuMsPerRead: number; wallMsPerRead: number }[] = [];
    // Every step warmed up before any is timed (JIT, prepared statements, the pool), so the
    // first step is not charged for what all of them share.
    for (const [, run] of steps) for (let i = 0; i < 200; i++) await run(i);
    for (const [step, run] of steps) {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      for (let i = 0; i < reads; i++) await run(i);
      const used = process.cpuUsage(cpu);
      results.push({ step, cpuMsPerRead: (used.user + used.system) / 1000 / reads, wallMsPerRead: (performance.now() - wall) / reads });
    }
    const baseline = results[0]?.cpuMsPerRead ?? NaN;
    process.stdout.write(`${reads} reads per step, ${families} families; CPU of this process (all its threads), per read\n`);
    for (const r of results) {
      process.stdout.write(`${r.step.padEnd(40)} CPU ${r.cpuMsPerRead.toFixed(3)} ms (${(r.cpuMsPerRead / baseline).toFixed(2)} × rows)  wall ${r.wallMsPerRead.toFixed(3)} ms\n`);
    }
  } finally {
    await infrastructure.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
