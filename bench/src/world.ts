import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import {
  ageOn,
  capacityBand,
  CapacityBand,
  CONSENT_SEALED_FIELDS,
  type ConsentEntity,
  type ConsentSignatureEntity,
  consentStatus,
  ConsentStatus,
  dutchDate,
  isRequiredSigner,
  SignatureCapacity,
  type SubjectFacts,
} from '@kring/consent';
import { FieldCipher, isValidBsn, loadSodium, type DataKey, type KringCrypto, type Sodium, type WrappedDataKey } from '@kring/crypto';
import {
  BREAK_GLASS_SEALED_FIELDS,
  type BreakGlassGrantEntity,
  DataCategory as C,
  FamilyEntity,
  FamilyFileWriter,
  familyKeyOwner,
  FamilyMemberEntity,
  findSectionType,
  InvolvementEntity,
  MemberRelation,
  ParentalAuthorityEntity,
  RecordEntity,
  RecordSubjectEntity,
  validateSectionValues,
  type FieldValue,
} from '@kring/family-file';
import { DirectoryWriter, Domain, OrganisationEntity, ProfessionalEntity, ProfessionalRole as R } from '@kring/identity';

/** A member as the seeded world made them: every birth date is known (none was damaged). */
type SeededSubject = SubjectFacts & { readonly birthDate: string };

export interface BenchWorld {
  readonly familyIds: readonly string[];
  /** Professionals who read files: each is of an organisation involved with EVERY family (so the headline read never hits NOT_FOUND). */
  readonly readers: readonly { professionalId: string; organisationId: string; domain: string }[];
  /** For the consent-churn scenario: adult members (18+, decide alone) with their family, who may grant consents to `recipientOrganisationId`. */
  readonly granters: readonly { familyId: string; memberId: string }[];
  readonly recipientOrganisationId: string;
}

export interface SeedOptions {
  readonly families: number;
  /** The same seed gives the same world (ids, people, records, consents); only nonces and data keys differ. */
  readonly seed?: number;
  /** The purpose catalogue's version, written into every consent receipt. */
  readonly policyVersion: string;
  readonly log?: (line: string) => void;
  /**
   * Worker threads that encrypt and write families in parallel (default: one per core). Only
   * from the compiled bench (dist): under ts-jest, and with 0, everything runs in this thread.
   */
  readonly workers?: number;
}

/** Families written per transaction. */
const BATCH = 500;
const DAY = 86_400_000;

/**
 * Seeds a benchmark world of `families` families into an empty, migrated Kring schema, as
 * the gateway itself would have written it: the real writers (FamilyFileWriter, DirectoryWriter)
 * and the real cipher encrypt every value; their rows are then inserted in bulk with `pg`.
 * Writes no access-log entries: the world's log starts empty (and intact).
 *
 * Encryption, not the database, bounds the speed: libsodium-wrappers draws every nonce in
 * 4-byte calls to WebCrypto, some 85 µs per value. So the compiled bench encrypts in worker
 * threads, one per core. The key material stays in this thread, which makes each family's
 * data key and blind indexes with the real key ring and hands only those to a worker.
 */
export async function seedWorld(adminUrl: string, crypto: KringCrypto, options: SeedOptions): Promise<BenchWorld> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const client = await connect(adminUrl);
  try {
    await requireEmptySchema(client);
    const started = Date.now();
    const directory = await writeDirectory(client, crypto, new Dice(hash32(seed, 0)));
    const setup: WorkerSetup = { kind: WORKER_KIND, adminUrl, seed, now: now.getTime(), policyVersion: options.policyVersion, organisations: directory.organisations };
    const jobs = jobsOf(crypto, seed, options.families);
    const totals = new Totals();
    const written: BatchSummary[] = [];
    const onWritten = (summary: BatchSummary) => {
      written.push(summary);
      totals.add(summary);
      const seconds = (Date.now() - started) / 1000;
      log(`  ${totals.families.toLocaleString('en')} / ${options.families.toLocaleString('en')} families (${seconds.toFixed(1)} s, ${Math.round(totals.families / seconds)} families/s)`);
    };
    const workers = workerScript() === null ? 0 : Math.max(0, Math.floor(options.workers ?? availableParallelism()));
    log(`seeding ${options.families.toLocaleString('en')} families (seed ${seed}) in batches of ${BATCH}, ${workers === 0 ? 'in this thread' : `in ${workers} worker threads`}`);
    if (workers === 0) await seedHere(setup, jobs, onWritten);
    else await seedInWorkers(workers, setup, jobs, onWritten);
    const seconds = (Date.now() - started) / 1000;
    log(totals.describe());
    const vacuumStarted = Date.now();
    // A benchmark should read a settled database: statistics, hint bits and visibility map in place.
    for (const table of SEEDED_TABLES) await client.query(`VACUUM (ANALYZE) ${table}`);
    log(`seeded in ${seconds.toFixed(1)} s, then VACUUM (ANALYZE) in ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    written.sort((a, b) => a.first - b.first);
    return {
      familyIds: written.flatMap((w) => w.familyIds),
      readers: directory.wmo.professionals.map((professionalId) => ({ professionalId, organisationId: directory.wmo.id, domain: Domain.WMO })),
      granters: written.flatMap((w) => w.granters),
      recipientOrganisationId: directory.wmo.id,
    };
  } finally {
    await client.end();
  }
}

async function connect(adminUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'kring-bench-seed' });
  await client.connect();
  // Nothing here needs to survive a crash of the server: the seed is rerun instead.
  await client.query('SET synchronous_commit = off');
  return client;
}

const SEEDED_TABLES = ['organisation', 'professional', 'family', 'family_member', 'parental_authority', 'involvement', 'record', 'record_subject', 'consent', 'consent_signature', 'break_glass_grant'];

async function requireEmptySchema(client: pg.Client): Promise<void> {
  const found = await client.query<{ family: string | null }>(`SELECT to_regclass('public.family')::text AS family`);
  if (found.rows[0]?.family === null) throw new Error('the Kring schema is not there: run the migrations first');
  const existing = await client.query(`SELECT 1 FROM organisation LIMIT 1`);
  if (existing.rowCount !== 0) throw new Error('the database holds organisations already: the bench world is seeded into an empty schema');
}

// ---------------------------------------------------------------------------------------------
// Jobs, secrets and threads
// ---------------------------------------------------------------------------------------------

const WORKER_KIND = 'kring-bench-world';

/** What a thread needs to plan and write families, besides its jobs. */
interface WorkerSetup {
  readonly kind: typeof WORKER_KIND;
  readonly adminUrl: string;
  readonly seed: number;
  /** Milliseconds since the epoch: every thread judges ages and dates against the same instant. */
  readonly now: number;
  readonly policyVersion: string;
  readonly organisations: readonly BenchOrganisation[];
}

/**
 * A family's secrets, made in the main thread with the real key ring and blind index: the
 * only parts of seeding that need key material, which therefore never leaves that thread.
 */
interface FamilySecrets {
  readonly familyId: string;
  readonly key: Uint8Array;
  readonly wrapped: Uint8Array;
  readonly kekVersion: number;
  readonly dataKeyVersion: number;
  /** Blind indexes of the family's BSNs (bsnsOf), in that order. */
  readonly bsnIndexes: readonly Uint8Array[];
}

interface Job {
  readonly first: number;
  readonly last: number;
  readonly secrets: readonly FamilySecrets[];
}

/** What a written batch reports: small, so it crosses threads cheaply. */
interface BatchSummary {
  readonly first: number;
  readonly familyIds: string[];
  readonly granters: { familyId: string; memberId: string }[];
  readonly counts: Counts;
}

type ToWorker = { readonly job: Job } | { readonly done: true };
type FromWorker = { readonly ready: true } | { readonly written: BatchSummary } | { readonly finished: true } | { readonly failed: string };

/** The world's jobs, made as threads ask for them. */
function* jobsOf(crypto: KringCrypto, seed: number, families: number): Generator<Job, void, undefined> {
  for (let first = 0; first < families; first += BATCH) {
    const last = Math.min(families, first + BATCH);
    const secrets: FamilySecrets[] = [];
    for (let n = first; n < last; n++) {
      const familyId = familyIdOf(seed, n);
      const { key, stored } = crypto.keyRing.newDataKey(familyKeyOwner(familyId));
      const bsnIndexes = bsnsOf(n).map((bsn) => crypto.blindIndex.bsn(bsn));
      secrets.push({ familyId, key: key.bytes, wrapped: stored.wrapped, kekVersion: stored.kekVersion, dataKeyVersion: key.version, bsnIndexes });
    }
    yield { first, last, secrets };
  }
}

/**
 * KringCrypto as the writers use it, in a thread without key material: the real cipher, and
 * for the family at hand the data key and blind indexes the main thread made.
 */
class HandedOverCrypto {
  readonly cipher: FieldCipher;
  readonly keyRing: Pick<KringCrypto['keyRing'], 'newDataKey'>;
  readonly blindIndex: Pick<KringCrypto['blindIndex'], 'bsn'>;
  private family: { readonly secrets: FamilySecrets; readonly bsns: readonly string[] } | null = null;

  constructor(sodium: Sodium) {
    this.cipher = new FieldCipher(sodium);
    this.keyRing = { newDataKey: (owner) => this.dataKey(owner) };
    this.blindIndex = { bsn: (bsn) => this.bsnIndex(bsn) };
  }

  handOver(secrets: FamilySecrets, bsns: readonly string[]): void {
    this.family = { secrets, bsns };
  }

  /** Typed as what FamilyFileWriter takes; it uses only the three members above. */
  get crypto(): KringCrypto {
    return this as unknown as KringCrypto;
  }

  private dataKey(owner: string): { key: DataKey; stored: WrappedDataKey } {
    const secrets = this.family?.secrets;
    if (secrets === undefined || owner !== familyKeyOwner(secrets.familyId)) throw new Error(`no data key was handed over for ${owner}`);
    return { key: { owner, version: secrets.dataKeyVersion, bytes: secrets.key }, stored: { wrapped: Buffer.from(secrets.wrapped), kekVersion: secrets.kekVersion } };
  }

  private bsnIndex(bsn: string): Buffer {
    const at = this.family?.bsns.indexOf(bsn) ?? -1;
    const index = at < 0 ? undefined : this.family?.secrets.bsnIndexes[at];
    if (index === undefined) throw new Error('no blind index was handed over for this BSN');
    return Buffer.from(index);
  }
}

/** Plans and writes jobs one after another, encrypting the next while the database writes the last. */
class BatchRunner {
  private inFlight: Promise<void> = Promise.resolve();

  private constructor(
    private readonly client: pg.Client,
    private readonly planner: FamilyPlanner,
    private readonly onWritten: (summary: BatchSummary) => void,
  ) {}

  static async open(setup: WorkerSetup, onWritten: (summary: BatchSummary) => void): Promise<BatchRunner> {
    const crypto = new HandedOverCrypto(await loadSodium());
    const planner = new FamilyPlanner(crypto, new Directory(setup.organisations), setup.seed, new Date(setup.now), setup.policyVersion);
    return new BatchRunner(await connect(setup.adminUrl), planner, onWritten);
  }

  async take(job: Job): Promise<void> {
    const batch = await this.planner.batch(job);
    await this.inFlight;
    this.inFlight = writeBatch(this.client, batch).then(() => this.onWritten(summaryOf(job.first, batch)));
    // Handled when awaited; this only keeps Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.inFlight.finally(() => this.client.end());
  }
}

async function seedHere(setup: WorkerSetup, jobs: Iterable<Job>, onWritten: (summary: BatchSummary) => void): Promise<void> {
  const runner = await BatchRunner.open(setup, onWritten);
  try {
    for (const job of jobs) await runner.take(job);
  } finally {
    await runner.close();
  }
}

/** Hands jobs to worker threads as each asks for one; resolves when every thread has written its last. */
function seedInWorkers(count: number, setup: WorkerSetup, jobs: Iterator<Job, void, undefined>, onWritten: (summary: BatchSummary) => void): Promise<void> {
  const script = workerScript();
  if (script === null) return Promise.reject(new Error('worker threads need the compiled bench'));
  return new Promise<void>((resolve, reject) => {
    const threads = Array.from({ length: count }, () => new Worker(script, { workerData: setup }));
    let running = count;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const thread of threads) void thread.terminate();
      reject(error);
    };
    for (const thread of threads) {
      thread.on('message', (message: FromWorker) => {
        if ('ready' in message) {
          const next = jobs.next();
          thread.postMessage((next.done === true ? { done: true } : { job: next.value }) satisfies ToWorker);
        } else if ('written' in message) {
          onWritten(message.written);
        } else if ('finished' in message) {
          running--;
          if (running === 0 && !failed) resolve();
        } else {
          fail(new Error(`a seeding thread failed: ${message.failed}`));
        }
      });
      thread.on('error', fail);
      thread.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a seeding thread stopped with exit code ${code}`));
      });
    }
  });
}

/** A worker thread's life: ask for a job, plan and write it, until there are none left. */
async function runWorker(setup: WorkerSetup, port: MessagePort): Promise<void> {
  const runner = await BatchRunner.open(setup, (written) => port.postMessage({ written } satisfies FromWorker));
  const next = () => new Promise<ToWorker>((resolve) => port.once('message', resolve));
  try {
    for (;;) {
      port.postMessage({ ready: true } satisfies FromWorker);
      const message = await next();
      if ('done' in message) break;
      await runner.take(message.job);
    }
  } finally {
    await runner.close();
  }
  port.postMessage({ finished: true } satisfies FromWorker);
}

/** This file when it runs compiled (the bench's dist build), for worker threads to load; null under ts-jest, which runs the TypeScript. */
function workerScript(): string | null {
  return typeof __filename === 'string' && __filename.endsWith('.js') ? __filename : null;
}

// ---------------------------------------------------------------------------------------------
// Capturing the real writers' rows
// ---------------------------------------------------------------------------------------------

type EntityClass<T> = new () => T;

/**
 * Stands in for TypeORM's EntityManager under the real writers: they build and encrypt the
 * rows exactly as in the gateway, and this keeps what they would insert, for one bulk insert.
 */
class CapturingManager {
  private readonly captured = new Map<EntityClass<unknown>, unknown[]>();

  create<T>(_target: EntityClass<T>, plain: Partial<T>): T {
    return plain as T;
  }

  insert<T>(target: EntityClass<T>, values: T | T[]): Promise<void> {
    const rows = this.captured.get(target) ?? [];
    if (Array.isArray(values)) rows.push(...(values as unknown[]));
    else rows.push(values);
    this.captured.set(target, rows);
    return Promise.resolve();
  }

  /** The rows captured for an entity, emptying the store. */
  take<T>(target: EntityClass<T>): T[] {
    const rows = (this.captured.get(target) ?? []) as T[];
    this.captured.delete(target);
    return rows;
  }

  get manager(): EntityManager {
    return this as unknown as EntityManager;
  }
}

// ---------------------------------------------------------------------------------------------
// Organisations and professionals
// ---------------------------------------------------------------------------------------------

const ORGANISATIONS: readonly { readonly domain: Domain; readonly name: string }[] = [
  { domain: Domain.WMO, name: 'Gemeente Leeuwarden Sociaal Wijkteam' },
  { domain: Domain.YOUTH_CARE, name: 'Jeugdhulp Fryslân Noord' },
  { domain: Domain.DEBT_ASSISTANCE, name: 'Schuldhulpverlening Leeuwarden' },
  { domain: Domain.PARTICIPATION, name: 'Werkplein Leeuwarden' },
  { domain: Domain.CHILD_SAFETY, name: 'Veilig Thuis Fryslân' },
  { domain: Domain.EDUCATION, name: 'Leerplicht Leeuwarden' },
];
const PROFESSIONALS_PER_ORGANISATION = 5;

interface BenchOrganisation {
  readonly id: string;
  readonly domain: Domain;
  /** Professionals with role PROFESSIONAL: they read, write records and open break-glass grants. */
  readonly professionals: readonly string[];
  readonly privacyOfficer: string;
}

class Directory {
  constructor(readonly organisations: readonly BenchOrganisation[]) {}

  get wmo(): BenchOrganisation {
    return this.byDomain(Domain.WMO);
  }

  byDomain(domain: Domain): BenchOrganisation {
    const found = this.organisations.find((o) => o.domain === domain);
    if (found === undefined) throw new Error(`the bench world has no ${domain} organisation`);
    return found;
  }
}

async function writeDirectory(client: pg.Client, crypto: KringCrypto, dice: Dice): Promise<Directory> {
  const writer = new DirectoryWriter(crypto);
  const capture = new CapturingManager();
  const organisations: BenchOrganisation[] = [];
  for (const { domain, name } of ORGANISATIONS) {
    const organisation = await writer.registerOrganisation(capture.manager, { id: dice.uuid(), name, domain });
    const register = async (roles: R[]) => (await writer.registerProfessional(capture.manager, organisation, { id: dice.uuid(), name: personName(dice), roles })).id;
    const professionals: string[] = [];
    for (let i = 0; i < PROFESSIONALS_PER_ORGANISATION; i++) professionals.push(await register([R.PROFESSIONAL]));
    const privacyOfficer = await register([R.PRIVACY_OFFICER]);
    if (domain === Domain.WMO) {
      await register([R.CHAIN_PRIVACY_OFFICER]);
      await register([R.ADMIN]);
    }
    organisations.push({ id: organisation.id, domain, professionals, privacyOfficer });
  }
  await insertRows(client, 'organisation', ORGANISATION_COLUMNS, capture.take(OrganisationEntity));
  await insertRows(client, 'professional', PROFESSIONAL_COLUMNS, capture.take(ProfessionalEntity));
  return new Directory(organisations);
}

// ---------------------------------------------------------------------------------------------
// Families
// ---------------------------------------------------------------------------------------------

interface PlannedMember {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly bsn: string;
  readonly relation: MemberRelation;
  /** Age today. */
  readonly age: number;
}

interface PlannedInvolvement {
  readonly organisation: BenchOrganisation;
  readonly startsOn: string;
  readonly endsOn: string | null;
  caseDirection: boolean;
}

/** The rows of a batch of families, ready for the database. */
interface Batch {
  readonly families: FamilyEntity[];
  readonly members: FamilyMemberEntity[];
  readonly authority: ParentalAuthorityEntity[];
  readonly involvements: InvolvementEntity[];
  readonly records: RecordEntity[];
  readonly subjects: RecordSubjectEntity[];
  readonly consents: ConsentEntity[];
  readonly signatures: ConsentSignatureEntity[];
  readonly grants: BreakGlassGrantEntity[];
  readonly granters: { familyId: string; memberId: string }[];
  /** Consent statuses as the gateway judges them now, for the summary. */
  readonly statuses: ConsentStatus[];
}

/** Plans each family from its own dice (so family n is the same whatever the batch size) and encrypts it through the real writers. */
class FamilyPlanner {
  private readonly files: FamilyFileWriter;
  private readonly today: string;

  constructor(
    private readonly crypto: HandedOverCrypto,
    private readonly directory: Directory,
    private readonly seed: number,
    private readonly now: Date,
    private readonly policyVersion: string,
  ) {
    this.files = new FamilyFileWriter(crypto.crypto);
    this.today = dutchDate(now);
  }

  async batch(job: Job): Promise<Batch> {
    const batch: Batch = { families: [], members: [], authority: [], involvements: [], records: [], subjects: [], consents: [], signatures: [], grants: [], granters: [], statuses: [] };
    for (let n = job.first; n < job.last; n++) {
      await this.family(batch, n, job.secrets[n - job.first] as FamilySecrets);
      // Lets the socket carry the previous batch to the database while this one is encrypted.
      if (n % 25 === 24) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // A family's records and consents arrive over months in real life, not side by side on one page.
    const shuffle = new Dice(hash32(this.seed, 2, job.first));
    return { ...batch, records: shuffle.shuffled(batch.records), consents: shuffle.shuffled(batch.consents) };
  }

  private async family(batch: Batch, n: number, secrets: FamilySecrets): Promise<void> {
    const dice = new Dice(hash32(this.seed, 1, n));
    const capture = new CapturingManager();
    const familyId = dice.uuid();
    if (familyId !== secrets.familyId) throw new Error(`family ${n} came with the secrets of another family`);
    this.crypto.handOver(secrets, bsnsOf(n));
    const members = this.members(dice, n);
    const adults = members.filter((m) => m.age >= 18);
    const parents = members.filter((m) => m.relation === MemberRelation.PARENT);
    const minors = members.filter((m) => m.age < 18);
    // Every parent holds authority over every minor child, except now and then a second parent who does not (gezag with one parent only).
    const withAuthority = parents.length === 2 && dice.chance(0.12) ? parents.slice(0, 1) : parents;
    const authority = withAuthority.flatMap((p) => minors.map((c) => ({ adult: members.indexOf(p), child: members.indexOf(c) })));

    const involvements = this.involvements(dice, minors.length > 0);
    const registrar = dice.chance(0.6) ? this.directory.wmo : dice.pick(involvements.slice(1)).organisation;
    const registeredAt = this.instant(dice, daysBetween(involvements.find((i) => i.organisation === registrar)?.startsOn ?? this.today, this.today));

    const { key } = await this.files.createFamily(capture.manager, {
      id: familyId,
      registeredByOrganisationId: registrar.id,
      members: members.map(({ id, name, birthDate, bsn, relation }) => ({ id, name, birthDate, bsn, relation })),
      authority,
    });
    for (const i of involvements) {
      await this.files.addInvolvement(capture.manager, {
        id: dice.uuid(),
        familyId,
        organisationId: i.organisation.id,
        contactProfessionalId: dice.pick(i.organisation.professionals),
        startsOn: i.startsOn,
        endsOn: i.endsOn,
        caseDirection: i.caseDirection,
      });
    }
    await this.records(capture, dice, familyId, key, members, involvements);

    // The database would have stamped these at registration and at each write; the file lists members in this order.
    const familyRows = capture.take(FamilyEntity);
    for (const family of familyRows) family.createdAt = registeredAt;
    const memberRows = capture.take(FamilyMemberEntity);
    memberRows.forEach((m, i) => (m.createdAt = new Date(registeredAt.getTime() + i)));
    const involvementRows = capture.take(InvolvementEntity);
    for (const i of involvementRows) i.createdAt = new Date(`${i.startsOn}T08:00:00Z`);
    batch.families.push(...familyRows);
    batch.members.push(...memberRows);
    batch.authority.push(...capture.take(ParentalAuthorityEntity));
    batch.involvements.push(...involvementRows);
    batch.records.push(...capture.take(RecordEntity));
    batch.subjects.push(...capture.take(RecordSubjectEntity));

    const subjects = new Map<string, SeededSubject>(
      members.map((m) => [m.id, { memberId: m.id, birthDate: m.birthDate, authorityHolders: new Set(authority.filter((a) => members[a.child] === m).map((a) => (members[a.adult] as PlannedMember).id)) }]),
    );
    for (const m of members) this.consentsAbout(dice, familyId, key, m, subjects, parents, involvements, batch);
    if (dice.chance(0.015)) batch.grants.push(this.breakGlass(dice, familyId, key, involvements));
    for (const m of adults) batch.granters.push({ familyId, memberId: m.id });
  }

  private members(dice: Dice, n: number): PlannedMember[] {
    const size = dice.int(3, 7);
    const parentCount = dice.chance(0.35) ? 1 : 2;
    const others = size - parentCount >= 3 && dice.chance(0.12) ? 1 : 0;
    // Children of every age, so every capacity band occurs; now and then an adult child still at home.
    const childAges = Array.from({ length: size - parentCount - others }, () => (dice.chance(0.06) ? dice.int(18, 22) : dice.int(0, 17))).sort((a, b) => b - a);
    const eldest = childAges[0] ?? 0;
    const surname = dice.pick(SURNAMES);
    const bsns = bsnsOf(n);
    const planned: Omit<PlannedMember, 'id' | 'bsn' | 'birthDate'>[] = [];
    for (let p = 0; p < parentCount; p++) {
      const own = p === 1 && dice.chance(0.4) ? dice.pick(SURNAMES) : surname;
      planned.push({ name: `${dice.pick(ADULT_NAMES)} ${own}`, relation: MemberRelation.PARENT, age: dice.int(Math.max(30, eldest + 19), Math.max(50, eldest + 25)) });
    }
    for (let o = 0; o < others; o++) planned.push({ name: `${dice.pick(ELDER_NAMES)} ${dice.pick(SURNAMES)}`, relation: MemberRelation.OTHER, age: dice.int(60, 80) });
    for (const age of childAges) planned.push({ name: `${dice.pick(CHILD_NAMES)} ${surname}`, relation: MemberRelation.CHILD, age });
    return planned.map((m, i) => {
      const birthDate = addDays(yearsBefore(this.today, m.age), -dice.int(7, 364));
      return { ...m, id: dice.uuid(), bsn: bsns[i] as string, birthDate, age: ageOn(birthDate, this.today) };
    });
  }

  /** The WMO team first (involved with every family, open), then one to three others, some of them ended. */
  private involvements(dice: Dice, hasMinors: boolean): PlannedInvolvement[] {
    const wmo: PlannedInvolvement = { organisation: this.directory.wmo, startsOn: addDays(this.today, -dice.int(60, 1000)), endsOn: null, caseDirection: dice.chance(0.85) };
    const weights: [Domain, number][] = [
      [Domain.YOUTH_CARE, hasMinors ? 0.6 : 0.05],
      [Domain.DEBT_ASSISTANCE, 0.55],
      [Domain.PARTICIPATION, 0.45],
      [Domain.EDUCATION, hasMinors ? 0.25 : 0],
      [Domain.CHILD_SAFETY, hasMinors ? 0.12 : 0],
    ];
    const domains = dice.weightedSample(weights, dice.int(1, 3));
    const others = domains.map((domain): PlannedInvolvement => {
      const ended = dice.chance(0.2);
      const startedDaysAgo = ended ? dice.int(200, 1000) : dice.int(10, 900);
      return {
        organisation: this.directory.byDomain(domain),
        startsOn: addDays(this.today, -startedDaysAgo),
        endsOn: ended ? addDays(this.today, -dice.int(1, startedDaysAgo - 60)) : null,
        caseDirection: false,
      };
    });
    if (!wmo.caseDirection) {
      const director = others.find((i) => i.endsOn === null && i.organisation.domain !== Domain.CHILD_SAFETY);
      if (director !== undefined) director.caseDirection = true;
    }
    return [wmo, ...others];
  }

  private async records(capture: CapturingManager, dice: Dice, familyId: string, key: DataKey, members: readonly PlannedMember[], involvements: readonly PlannedInvolvement[]): Promise<void> {
    const count = dice.int(RECORDS_PER_FAMILY.min, RECORDS_PER_FAMILY.max);
    const types = [...dice.shuffled(SECTION_NAMES), ...Array.from({ length: count - SECTION_NAMES.length }, () => dice.weighted(SECTION_WEIGHTS))];
    for (const sectionType of types) {
      const writers = involvements.filter((i) => WRITERS[sectionType].includes(i.organisation.domain));
      const source = writers.length > 0 ? dice.pick(writers) : (involvements[0] as PlannedInvolvement);
      const values = sectionValues(dice, sectionType, this.today);
      const type = findSectionType(sectionType);
      if (type === undefined || validateSectionValues(type, values).length > 0) throw new Error(`the bench world made invalid ${sectionType} values`);
      const record = await this.files.addRecord(capture.manager, key, {
        id: dice.uuid(),
        familyId,
        sourceOrganisationId: source.organisation.id,
        authorProfessionalId: dice.pick(source.organisation.professionals),
        sectionType,
        subjectMemberIds: subjectsOf(dice, sectionType, members).map((m) => m.id),
        values,
      });
      const until = source.endsOn === null ? 0 : daysBetween(source.endsOn, this.today);
      record.createdAt = this.instant(dice, dice.int(until, Math.max(until, daysBetween(source.startsOn, this.today))));
    }
  }

  /** The consents about one member: to the WMO team above all, to the other involved organisations now and then, in every state. */
  private consentsAbout(
    dice: Dice,
    familyId: string,
    key: DataKey,
    member: PlannedMember,
    subjects: ReadonlyMap<string, SeededSubject>,
    parents: readonly PlannedMember[],
    involvements: readonly PlannedInvolvement[],
    out: Pick<Batch, 'consents' | 'signatures' | 'statuses'>,
  ): void {
    const adult = member.age >= 18;
    // Twelve to fifteen: often the co-signature is still awaited.
    const awaiting = capacityBand(member.age) === CapacityBand.CHILD_AND_PARENT_SIGN ? 0.25 : 0.05;
    const templates: ConsentTemplate[] = [];
    if (dice.chance(adult ? 0.8 : 0.65)) templates.push(wmoConsent(dice, this.directory.wmo));
    for (const i of involvements.slice(1)) {
      const template = OTHER_CONSENTS[i.organisation.domain]?.(dice, i.organisation, adult);
      if (template !== undefined && dice.chance(0.35)) templates.push(template);
    }
    const subject = subjects.get(member.id) as SeededSubject;
    for (const template of templates) {
      const roll = dice.float();
      const lifecycle: Lifecycle = roll < awaiting ? 'awaiting' : roll < awaiting + 0.12 ? 'revoked' : roll < awaiting + 0.27 ? 'expired' : 'current';
      const guardians = subject.authorityHolders.size > 0 ? [...subject.authorityHolders] : parents.map((p) => p.id);
      this.consent(dice, familyId, key, subject, guardians, subjects, template, lifecycle, out);
      // Half of the expired consents were renewed.
      if (lifecycle === 'expired' && dice.chance(0.5)) this.consent(dice, familyId, key, subject, guardians, subjects, template, 'current', out);
    }
  }

  private consent(
    dice: Dice,
    familyId: string,
    key: DataKey,
    subject: SeededSubject,
    /** Who signs as parent: those holding authority, or for an adult child, the parents who held it when they signed. */
    parents: readonly string[],
    family: ReadonlyMap<string, SeededSubject>,
    template: ConsentTemplate,
    wanted: Lifecycle,
    out: Pick<Batch, 'consents' | 'signatures' | 'statuses'>,
  ): void {
    const id = dice.uuid();
    // Nobody consents before they are born: a young child's consents are all of this year.
    const bornDaysAgo = daysBetween(subject.birthDate, this.today) - 1;
    const lifecycle = wanted === 'expired' && bornDaysAgo < 420 ? 'current' : wanted;
    const daysAgo = lifecycle === 'expired' ? dice.int(400, Math.min(800, bornDaysAgo)) : dice.int(1, Math.min(lifecycle === 'awaiting' ? 40 : 330, bornDaysAgo));
    const validFrom = this.instant(dice, daysAgo);
    // At most twelve months (DESIGN.md §3); an expired one ran out at least a month ago.
    const validUntil = new Date(validFrom.getTime() + (lifecycle === 'expired' ? dice.int(90, 364) : 364) * DAY);
    const signedOn = dutchDate(validFrom);
    const signers: [string, SignatureCapacity][] = [];
    switch (capacityBand(ageOn(subject.birthDate, signedOn))) {
      case CapacityBand.PARENT_SIGNS:
        signers.push([dice.pick(parents), SignatureCapacity.PARENT_WITH_AUTHORITY]);
        break;
      case CapacityBand.CHILD_AND_PARENT_SIGN: {
        const both: [string, SignatureCapacity][] = [[subject.memberId, SignatureCapacity.SUBJECT], [dice.pick(parents), SignatureCapacity.PARENT_WITH_AUTHORITY]];
        const ordered = dice.chance(0.5) ? both : both.reverse();
        // Waiting for the co-signature: only the first of the two signed.
        signers.push(...(lifecycle === 'awaiting' ? ordered.slice(0, 1) : ordered));
        break;
      }
      case CapacityBand.SUBJECT_SIGNS:
        signers.push([subject.memberId, SignatureCapacity.SUBJECT]);
        break;
    }
    const signatures = signers.map(([memberId, capacity], i): ConsentSignatureEntity => ({
      consentId: id,
      memberId,
      capacity,
      signedAt: i === 0 ? validFrom : new Date(Math.min(validFrom.getTime() + dice.int(1, 5 * 24 * 3600) * 1000, this.now.getTime() - 60_000)),
    }));
    let revokedAt: Date | null = null;
    let revokedBy: string | null = null;
    let reason: Buffer | null = null;
    if (lifecycle === 'revoked') {
      const band = capacityBand(ageOn(subject.birthDate, this.today));
      revokedBy = dice.pick([...family.keys()].filter((m) => isRequiredSigner(band, subject, m)));
      const lastSigned = Math.max(...signatures.map((s) => s.signedAt.getTime()));
      revokedAt = new Date(lastSigned + dice.int(1, Math.max(1, Math.floor((this.now.getTime() - lastSigned) / 1000) - 60)) * 1000);
      if (dice.chance(0.5)) reason = this.crypto.cipher.encrypt(key, { field: CONSENT_SEALED_FIELDS.revocationReason, rowId: id }, dice.pick(REVOCATION_REASONS));
    }
    const consent: ConsentEntity = {
      id,
      familyId,
      subjectMemberId: subject.memberId,
      recipientOrganisationId: 'organisationId' in template.recipient ? template.recipient.organisationId : null,
      recipientDomain: 'domain' in template.recipient ? template.recipient.domain : null,
      categories: template.categories,
      purposes: template.purposes,
      validFrom,
      validUntil,
      grantedByMemberId: signers[0]?.[0] ?? subject.memberId,
      proposedByProfessionalId: null,
      collectionMethod: dice.pick(COLLECTION_METHODS),
      policyVersion: this.policyVersion,
      revokedAt,
      revokedByMemberId: revokedBy,
      revocationReasonCiphertext: reason,
      createdAt: validFrom,
    };
    out.consents.push(consent);
    out.signatures.push(...signatures);
    out.statuses.push(consentStatus({ ...consent, signatures }, subject, this.now));
  }

  /** An emergency grant of the past (expired, so it changes no read), reviewed or still awaiting review. */
  private breakGlass(dice: Dice, familyId: string, key: DataKey, involvements: readonly PlannedInvolvement[]): BreakGlassGrantEntity {
    const id = dice.uuid();
    const organisation = dice.pick(involvements.filter((i) => i.endsOn === null)).organisation;
    const openedAt = this.instant(dice, dice.int(1, 120));
    const reviewed = dice.chance(0.7);
    const seal = (field: keyof typeof BREAK_GLASS_SEALED_FIELDS, text: string) => this.crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS[field], rowId: id }, text);
    const verdict = dice.chance(0.85) ? 'JUSTIFIED' : 'UNJUSTIFIED';
    const professionalId = dice.pick(organisation.professionals);
    // The colleague consulted: chosen without the dice (the rest of the world stays as it was drawn),
    // a professional of another involved organisation, or another of the same one.
    const colleagues = [...involvements.filter((i) => i.organisation.id !== organisation.id).flatMap((i) => i.organisation.professionals), ...organisation.professionals].filter((p) => p !== professionalId);
    return {
      id,
      familyId,
      professionalId,
      organisationId: organisation.id,
      justificationCiphertext: seal('justification', dice.pick(JUSTIFICATIONS)),
      purpose: 'CHILD_PROTECTION',
      categories: [C.CONTACT, C.HOUSEHOLD, C.SAFETY],
      openedAt,
      expiresAt: new Date(openedAt.getTime() + dice.int(30, 240) * 60_000),
      reviewVerdict: reviewed ? verdict : null,
      reviewNoteCiphertext: reviewed ? seal('reviewNote', verdict === 'JUSTIFIED' ? 'Terecht: acute zorg om de kinderen, ouders niet bereikbaar.' : 'Niet terecht: er was tijd om de ouders eerst te vragen.') : null,
      reviewedByProfessionalId: reviewed ? organisation.privacyOfficer : null,
      reviewedAt: reviewed ? new Date(Math.min(openedAt.getTime() + dice.int(1, 60) * 3600_000, this.now.getTime() - 60_000)) : null,
      consultedProfessionalId: colleagues[0] ?? null,
      concernedMemberIds: [],
      noticeDeferredUntil: null,
      noticeDeferralReasonCiphertext: null,
      noticeDeferredByProfessionalId: null,
      noticeDeferredAt: null,
    };
  }

  /** An instant `daysAgo` days before now, during office hours or so. */
  private instant(dice: Dice, daysAgo: number): Date {
    return new Date(this.now.getTime() - daysAgo * DAY - dice.int(0, 10 * 3600) * 1000);
  }
}

// ---------------------------------------------------------------------------------------------
// Consents
// ---------------------------------------------------------------------------------------------

type Lifecycle = 'current' | 'revoked' | 'expired' | 'awaiting';

interface ConsentTemplate {
  readonly recipient: { readonly organisationId: string } | { readonly domain: Domain };
  readonly categories: C[];
  readonly purposes: string[];
}

const COLLECTION_METHODS = ['KRING_PORTAL', 'KRING_PORTAL', 'KRING_API', 'PAPER_FORM'] as const;

/** Case coordination by the WMO team: the consent that decides most of what its readers see. */
function wmoConsent(dice: Dice, wmo: BenchOrganisation): ConsentTemplate {
  const planning = dice.chance(0.4);
  const categories = [C.PERSONAL_IDENTITY, C.INVOLVEMENT, ...[C.CONTACT, C.HOUSEHOLD, C.CARE_TRAJECTORY, C.FINANCES, C.WORK_PARTICIPATION, C.SHARED_PLAN].filter(() => dice.chance(0.55))];
  if (planning && dice.chance(0.3)) categories.push(C.HEALTH);
  return {
    recipient: dice.chance(0.6) ? { organisationId: wmo.id } : { domain: Domain.WMO },
    categories,
    purposes: planning ? ['CASE_COORDINATION', 'SUPPORT_PLANNING'] : ['CASE_COORDINATION'],
  };
}

/** What a member consents to sharing with the other organisations involved, by their domain. */
const OTHER_CONSENTS: Partial<Record<Domain, (dice: Dice, organisation: BenchOrganisation, adult: boolean) => ConsentTemplate | undefined>> = {
  [Domain.DEBT_ASSISTANCE]: (dice, organisation, adult) =>
    adult
      ? {
          recipient: dice.chance(0.5) ? { organisationId: organisation.id } : { domain: Domain.DEBT_ASSISTANCE },
          categories: [C.PERSONAL_IDENTITY, C.CONTACT, C.FINANCES, ...[C.HOUSEHOLD, C.WORK_PARTICIPATION].filter(() => dice.chance(0.5))],
          purposes: dice.chance(0.5) ? ['DEBT_RESOLUTION', 'CASE_COORDINATION'] : ['DEBT_RESOLUTION'],
        }
      : undefined,
  [Domain.PARTICIPATION]: (dice, organisation, adult) =>
    adult ? { recipient: { organisationId: organisation.id }, categories: [C.PERSONAL_IDENTITY, C.CONTACT, C.WORK_PARTICIPATION, ...(dice.chance(0.5) ? [C.FINANCES] : [])], purposes: ['REINTEGRATION'] } : undefined,
  [Domain.YOUTH_CARE]: (dice, organisation) => ({
    recipient: { organisationId: organisation.id },
    categories: [C.PERSONAL_IDENTITY, C.HOUSEHOLD, C.CARE_TRAJECTORY, C.SHARED_PLAN, ...(dice.chance(0.4) ? [C.HEALTH] : [])],
    purposes: ['SUPPORT_PLANNING', 'CASE_COORDINATION'],
  }),
  [Domain.EDUCATION]: (_dice, _organisation, adult) => (adult ? undefined : { recipient: { domain: Domain.EDUCATION }, categories: [C.PERSONAL_IDENTITY, C.INVOLVEMENT, C.SHARED_PLAN], purposes: ['CASE_COORDINATION'] }),
};

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** The issue's realistic size; each record holds some 4 recorded fields. */
const RECORDS_PER_FAMILY = { min: 10, max: 30 } as const;

type SectionName = 'ContactDetails' | 'CareTrajectory' | 'SupportProvision' | 'DebtSituation' | 'IncomeAndWork' | 'SafetySignal' | 'FamilyPlan';

const SECTION_NAMES: readonly SectionName[] = ['ContactDetails', 'CareTrajectory', 'SupportProvision', 'DebtSituation', 'IncomeAndWork', 'SafetySignal', 'FamilyPlan'];
const SECTION_WEIGHTS: [SectionName, number][] = [
  ['ContactDetails', 1],
  ['CareTrajectory', 3],
  ['SupportProvision', 2],
  ['DebtSituation', 1.5],
  ['IncomeAndWork', 1.5],
  ['SafetySignal', 1],
  ['FamilyPlan', 1],
];

/** Which domains write which sections; where none of them is involved, the WMO team wrote it. */
const WRITERS: Record<SectionName, readonly Domain[]> = {
  ContactDetails: [Domain.WMO, Domain.YOUTH_CARE, Domain.DEBT_ASSISTANCE, Domain.PARTICIPATION, Domain.EDUCATION],
  CareTrajectory: [Domain.YOUTH_CARE, Domain.WMO],
  SupportProvision: [Domain.WMO],
  DebtSituation: [Domain.DEBT_ASSISTANCE],
  IncomeAndWork: [Domain.PARTICIPATION, Domain.DEBT_ASSISTANCE],
  SafetySignal: [Domain.CHILD_SAFETY, Domain.YOUTH_CARE, Domain.EDUCATION],
  FamilyPlan: [Domain.WMO, Domain.YOUTH_CARE],
};

/** Whom a record of a section is about. */
function subjectsOf(dice: Dice, sectionType: SectionName, members: readonly PlannedMember[]): PlannedMember[] {
  const adults = members.filter((m) => m.age >= 18);
  const parents = members.filter((m) => m.relation === MemberRelation.PARENT);
  const children = members.filter((m) => m.relation === MemberRelation.CHILD);
  const minors = members.filter((m) => m.age < 18);
  switch (sectionType) {
    case 'ContactDetails':
    case 'IncomeAndWork':
      return [dice.pick(adults)];
    case 'SupportProvision':
      return [dice.chance(0.8) ? dice.pick(adults) : dice.pick(members)];
    case 'CareTrajectory':
      return [dice.chance(0.6) && children.length > 0 ? dice.pick(children) : dice.pick(members)];
    case 'DebtSituation':
      return parents.length > 1 && dice.chance(0.6) ? parents : [dice.pick(adults)];
    case 'SafetySignal':
      return minors.length === 0 ? [dice.pick(members)] : dice.chance(0.6) ? [dice.pick(minors)] : minors;
    case 'FamilyPlan':
      return dice.chance(0.3) ? [...members] : parents;
  }
}

/** Realistic values of a section: its required fields always, each optional one most of the time. */
function sectionValues(dice: Dice, sectionType: SectionName, today: string): Record<string, FieldValue> {
  const some = (values: Record<string, () => FieldValue>, required: readonly string[]): Record<string, FieldValue> =>
    Object.fromEntries(Object.entries(values).filter(([name]) => required.includes(name) || dice.chance(0.75)).map(([name, make]) => [name, make()]));
  const past = (min: number, max: number) => () => addDays(today, -dice.int(min, max));
  const future = (min: number, max: number) => () => addDays(today, dice.int(min, max));
  const euros = (min: number, max: number) => () => Math.round(dice.int(min * 100, max * 100)) / 100;
  const list = (options: readonly string[], max: number) => () => dice.shuffled(options).slice(0, dice.int(1, max));
  switch (sectionType) {
    case 'ContactDetails':
      return some(
        {
          address: () => `${dice.pick(STREETS)} ${dice.int(1, 180)}, ${dice.int(8900, 8939)} ${dice.pick(['AB', 'CK', 'GT', 'LM', 'RS', 'XZ'])} Leeuwarden`,
          phone: () => `06-${String(dice.int(10_000_000, 99_999_999))}`,
          email: () => `${dice.pick(['info', 'post', 'thuis', 'gezin'])}${dice.int(1, 999)}@${dice.pick(['example.nl', 'example.com', 'voorbeeld.nl'])}`,
        },
        [],
      );
    case 'CareTrajectory':
      return some(
        {
          provider: () => dice.pick(PROVIDERS),
          goals: list(CARE_GOALS, 3),
          startDate: past(30, 700),
          endDate: future(30, 400),
          frequency: () => dice.pick(['Wekelijks', 'Om de week', 'Twee keer per week', 'Maandelijks', 'Op afroep']),
          diagnosis: () => dice.pick(DIAGNOSES),
          medication: () => dice.pick(MEDICATION),
        },
        ['provider'],
      );
    case 'SupportProvision':
      return some(
        { provision: () => dice.pick(PROVISIONS), hoursPerWeek: () => dice.int(1, 16) / 2, decisionDate: past(10, 600) },
        ['provision'],
      );
    case 'DebtSituation':
      return some(
        {
          totalDebt: euros(800, 65_000),
          creditorCount: () => dice.int(1, 24),
          arrangement: () => dice.pick(ARRANGEMENTS),
          budgetManagement: () => dice.chance(0.5),
          monthlyInstalment: euros(25, 450),
        },
        ['totalDebt'],
      );
    case 'IncomeAndWork':
      return some(
        {
          benefit: () => dice.pick(BENEFITS),
          reintegrationRoute: () => dice.pick(ROUTES),
          jobCoach: () => `Jobcoach ${dice.pick(ADULT_NAMES)} van het Werkplein`,
        },
        [],
      );
    case 'SafetySignal':
      return some(
        {
          signal: () => dice.pick(SIGNALS),
          signalDate: past(1, 400),
          reporterRole: () => dice.pick(['Leerkracht', 'Huisarts', 'Buurvrouw', 'Wijkagent', 'Jeugdhulpverlener', 'Verloskundige']),
          riskAssessment: () => dice.pick(['Laag risico, blijven volgen', 'Verhoogd risico, veiligheidsplan opgesteld', 'Acuut onveilig, Veilig Thuis ingeschakeld']),
        },
        ['signal'],
      );
    case 'FamilyPlan':
      return some(
        { familyGoals: list(FAMILY_GOALS, 3), actions: list(ACTIONS, 4), whoDoesWhat: list(WHO_DOES_WHAT, 3), reviewDate: future(14, 180) },
        ['familyGoals'],
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Bulk inserts
// ---------------------------------------------------------------------------------------------

interface ColumnSpec<T> {
  readonly name: string;
  /** The array type the values travel as. */
  readonly type: 'uuid' | 'bytea' | 'text' | 'integer' | 'boolean' | 'date' | 'timestamptz';
  /** A cast from that type to the column's, for enums, enum arrays and jsonb. */
  readonly cast?: string;
  readonly value: (row: T) => unknown;
}

/** One INSERT ... SELECT FROM unnest(arrays) for any number of rows: one round trip, a few parameters. */
async function insertRows<T>(client: pg.Client, table: string, columns: readonly ColumnSpec<T>[], rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name).join(', ');
  const selected = columns.map((c, i) => (c.cast === undefined ? `c${i}` : `c${i}::${c.cast}`)).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  await client.query(`INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${arrays}) AS u(${aliases})`, columns.map((c) => rows.map(c.value)));
}

/** A PostgreSQL array literal of plain identifiers (enum labels, purpose codes), cast in SQL to the column's array type. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

const ORGANISATION_COLUMNS: ColumnSpec<OrganisationEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'domain', type: 'text', cast: 'organisation_domain', value: (r) => r.domain },
  { name: 'wrapped_data_key', type: 'bytea', value: (r) => r.wrappedDataKey },
  { name: 'kek_version', type: 'integer', value: (r) => r.kekVersion },
];
const PROFESSIONAL_COLUMNS: ColumnSpec<ProfessionalEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'subject', type: 'text', value: (r) => r.subject },
  { name: 'organisation_id', type: 'uuid', value: (r) => r.organisationId },
  { name: 'name_ciphertext', type: 'bytea', value: (r) => r.nameCiphertext },
  { name: 'roles', type: 'text', cast: 'professional_role[]', value: (r) => arrayLiteral(r.roles) },
];
const FAMILY_COLUMNS: ColumnSpec<FamilyEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'wrapped_data_key', type: 'bytea', value: (r) => r.wrappedDataKey },
  { name: 'kek_version', type: 'integer', value: (r) => r.kekVersion },
  { name: 'data_key_version', type: 'integer', value: (r) => r.dataKeyVersion },
  { name: 'registered_by_organisation_id', type: 'uuid', value: (r) => r.registeredByOrganisationId },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
const MEMBER_COLUMNS: ColumnSpec<FamilyMemberEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'family_id', type: 'uuid', value: (r) => r.familyId },
  { name: 'name_ciphertext', type: 'bytea', value: (r) => r.nameCiphertext },
  { name: 'birth_date_ciphertext', type: 'bytea', value: (r) => r.birthDateCiphertext },
  { name: 'bsn_ciphertext', type: 'bytea', value: (r) => r.bsnCiphertext },
  { name: 'relation_ciphertext', type: 'bytea', value: (r) => r.relationCiphertext },
  { name: 'bsn_blind_index', type: 'bytea', value: (r) => r.bsnBlindIndex },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
const AUTHORITY_COLUMNS: ColumnSpec<ParentalAuthorityEntity>[] = [
  { name: 'adult_member_id', type: 'uuid', value: (r) => r.adultMemberId },
  { name: 'child_member_id', type: 'uuid', value: (r) => r.childMemberId },
];
const INVOLVEMENT_COLUMNS: ColumnSpec<InvolvementEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'family_id', type: 'uuid', value: (r) => r.familyId },
  { name: 'organisation_id', type: 'uuid', value: (r) => r.organisationId },
  { name: 'contact_professional_id', type: 'uuid', value: (r) => r.contactProfessionalId },
  { name: 'starts_on', type: 'date', value: (r) => r.startsOn },
  { name: 'ends_on', type: 'date', value: (r) => r.endsOn },
  { name: 'case_direction', type: 'boolean', value: (r) => r.caseDirection },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
const RECORD_COLUMNS: ColumnSpec<RecordEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'family_id', type: 'uuid', value: (r) => r.familyId },
  { name: 'source_organisation_id', type: 'uuid', value: (r) => r.sourceOrganisationId },
  { name: 'author_professional_id', type: 'uuid', value: (r) => r.authorProfessionalId },
  { name: 'section_type', type: 'text', value: (r) => r.sectionType },
  { name: 'encrypted_fields', type: 'text', cast: 'jsonb', value: (r) => JSON.stringify(r.encryptedFields) },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
const RECORD_SUBJECT_COLUMNS: ColumnSpec<RecordSubjectEntity>[] = [
  { name: 'record_id', type: 'uuid', value: (r) => r.recordId },
  { name: 'member_id', type: 'uuid', value: (r) => r.memberId },
];
const CONSENT_COLUMNS: ColumnSpec<ConsentEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'family_id', type: 'uuid', value: (r) => r.familyId },
  { name: 'subject_member_id', type: 'uuid', value: (r) => r.subjectMemberId },
  { name: 'recipient_organisation_id', type: 'uuid', value: (r) => r.recipientOrganisationId },
  { name: 'recipient_domain', type: 'text', cast: 'organisation_domain', value: (r) => r.recipientDomain },
  { name: 'categories', type: 'text', cast: 'data_category[]', value: (r) => arrayLiteral(r.categories) },
  { name: 'purposes', type: 'text', cast: 'text[]', value: (r) => arrayLiteral(r.purposes) },
  { name: 'valid_from', type: 'timestamptz', value: (r) => r.validFrom },
  { name: 'valid_until', type: 'timestamptz', value: (r) => r.validUntil },
  { name: 'granted_by_member_id', type: 'uuid', value: (r) => r.grantedByMemberId },
  { name: 'collection_method', type: 'text', value: (r) => r.collectionMethod },
  { name: 'policy_version', type: 'text', value: (r) => r.policyVersion },
  { name: 'revoked_at', type: 'timestamptz', value: (r) => r.revokedAt },
  { name: 'revoked_by_member_id', type: 'uuid', value: (r) => r.revokedByMemberId },
  { name: 'revocation_reason_ciphertext', type: 'bytea', value: (r) => r.revocationReasonCiphertext },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
const SIGNATURE_COLUMNS: ColumnSpec<ConsentSignatureEntity>[] = [
  { name: 'consent_id', type: 'uuid', value: (r) => r.consentId },
  { name: 'member_id', type: 'uuid', value: (r) => r.memberId },
  { name: 'capacity', type: 'text', cast: 'signature_capacity', value: (r) => r.capacity },
  { name: 'signed_at', type: 'timestamptz', value: (r) => r.signedAt },
];
const GRANT_COLUMNS: ColumnSpec<BreakGlassGrantEntity>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'family_id', type: 'uuid', value: (r) => r.familyId },
  { name: 'professional_id', type: 'uuid', value: (r) => r.professionalId },
  { name: 'organisation_id', type: 'uuid', value: (r) => r.organisationId },
  { name: 'justification_ciphertext', type: 'bytea', value: (r) => r.justificationCiphertext },
  { name: 'purpose', type: 'text', value: (r) => r.purpose },
  { name: 'categories', type: 'text', cast: 'data_category[]', value: (r) => arrayLiteral(r.categories) },
  { name: 'opened_at', type: 'timestamptz', value: (r) => r.openedAt },
  { name: 'expires_at', type: 'timestamptz', value: (r) => r.expiresAt },
  { name: 'review_verdict', type: 'text', value: (r) => r.reviewVerdict },
  { name: 'review_note_ciphertext', type: 'bytea', value: (r) => r.reviewNoteCiphertext },
  { name: 'reviewed_by_professional_id', type: 'uuid', value: (r) => r.reviewedByProfessionalId },
  { name: 'reviewed_at', type: 'timestamptz', value: (r) => r.reviewedAt },
  // The colleague consulted (issue 19); the members concerned and the notice's deferral keep their defaults (none).
  { name: 'consulted_professional_id', type: 'uuid', value: (r) => r.consultedProfessionalId },
];

/** One batch in one transaction, parents before children so every foreign key holds when checked. */
async function writeBatch(client: pg.Client, batch: Batch): Promise<void> {
  await client.query('BEGIN');
  try {
    await insertRows(client, 'family', FAMILY_COLUMNS, batch.families);
    await insertRows(client, 'family_member', MEMBER_COLUMNS, batch.members);
    await insertRows(client, 'parental_authority', AUTHORITY_COLUMNS, batch.authority);
    await insertRows(client, 'involvement', INVOLVEMENT_COLUMNS, batch.involvements);
    await insertRows(client, 'record', RECORD_COLUMNS, batch.records);
    await insertRows(client, 'record_subject', RECORD_SUBJECT_COLUMNS, batch.subjects);
    await insertRows(client, 'consent', CONSENT_COLUMNS, batch.consents);
    await insertRows(client, 'consent_signature', SIGNATURE_COLUMNS, batch.signatures);
    await insertRows(client, 'break_glass_grant', GRANT_COLUMNS, batch.grants);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The world's shape in numbers. */
interface Counts {
  families: number;
  members: number;
  involvements: number;
  endedInvolvements: number;
  records: number;
  subjects: number;
  consents: number;
  signatures: number;
  grants: number;
  /** Consents by the status the gateway gives them now. */
  statuses: Partial<Record<ConsentStatus, number>>;
}

function summaryOf(first: number, batch: Batch): BatchSummary {
  const statuses: Partial<Record<ConsentStatus, number>> = {};
  for (const status of batch.statuses) statuses[status] = (statuses[status] ?? 0) + 1;
  return {
    first,
    familyIds: batch.families.map((f) => f.id),
    granters: batch.granters,
    counts: {
      families: batch.families.length,
      members: batch.members.length,
      involvements: batch.involvements.length,
      endedInvolvements: batch.involvements.filter((i) => i.endsOn !== null).length,
      records: batch.records.length,
      subjects: batch.subjects.length,
      consents: batch.consents.length,
      signatures: batch.signatures.length,
      grants: batch.grants.length,
      statuses,
    },
  };
}

class Totals {
  private readonly counts: Counts = { families: 0, members: 0, involvements: 0, endedInvolvements: 0, records: 0, subjects: 0, consents: 0, signatures: 0, grants: 0, statuses: {} };

  get families(): number {
    return this.counts.families;
  }

  add(summary: BatchSummary): void {
    const { statuses, ...counts } = summary.counts;
    for (const [name, value] of Object.entries(counts) as [keyof Omit<Counts, 'statuses'>, number][]) this.counts[name] += value;
    for (const status of Object.values(ConsentStatus)) this.counts.statuses[status] = (this.counts.statuses[status] ?? 0) + (statuses[status] ?? 0);
  }

  describe(): string {
    const c = this.counts;
    const per = (n: number) => (n / Math.max(1, c.families)).toFixed(1);
    const statuses = Object.values(ConsentStatus)
      .map((s) => `${s} ${c.statuses[s] ?? 0}`)
      .join(', ');
    return (
      `world: ${c.families} families; per family ${per(c.members)} members, ${per(c.involvements)} involvements (${c.endedInvolvements} ended in all), ` +
      `${per(c.records)} records (${per(c.subjects)} subject links), ${per(c.consents)} consents (${per(c.signatures)} signatures); ` +
      `consents now: ${statuses}; ${c.grants} break-glass grants`
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Dice, dates and BSNs
// ---------------------------------------------------------------------------------------------

/** Mixes numbers into one 32-bit seed (murmur3's finaliser over each). */
function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** The id of family `n`: the first draw of its dice. */
function familyIdOf(seed: number, n: number): string {
  return new Dice(hash32(seed, 1, n)).uuid();
}

/** A small seeded PRNG (sfc32, 128 bits of state, seeded through splitmix32): the same seed gives the same world. */
class Dice {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed | 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t;
    this.c |= 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.float() * list.length)] as T;
  }

  shuffled<T>(list: readonly T[]): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.float() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (options[options.length - 1] as readonly [T, number])[0];
  }

  /** Up to `count` distinct options, drawn by weight (options of weight 0 never). */
  weightedSample<T>(options: readonly (readonly [T, number])[], count: number): T[] {
    const left = options.filter(([, w]) => w > 0);
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const value = this.weighted(left);
      chosen.push(value);
      left.splice(left.findIndex(([v]) => v === value), 1);
    }
    return chosen;
  }

  /** A version-4 UUID from the dice. */
  uuid(): string {
    const hex = [this.next(), this.next(), this.next(), this.next()].map((n) => n.toString(16).padStart(8, '0')).join('');
    const variant = '89ab'[this.next() & 3] as string;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/**
 * Seven BSNs for family `n`, unique across the world: 8-digit prefixes from a block of 16
 * of the family's own, each completed with the check digit of the elfproef (a prefix whose
 * check digit would be 10 is skipped; at most two in a block of 16 are).
 */
function bsnsOf(n: number): string[] {
  const bsns: string[] = [];
  for (let prefix = 20_000_000 + n * 16; bsns.length < 7; prefix++) {
    const digits = String(prefix);
    const sum = [...digits].reduce((total, digit, i) => total + (9 - i) * Number(digit), 0);
    const check = sum % 11;
    if (check === 10) continue;
    const bsn = `${digits}${check}`;
    if (!isValidBsn(bsn)) throw new Error(`made an invalid BSN ${bsn}`);
    bsns.push(bsn);
  }
  return bsns;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

function personName(dice: Dice): string {
  return `${dice.pick(ADULT_NAMES)} ${dice.pick(SURNAMES)}`;
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const SURNAMES = [
  'de Vries', 'de Jong', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dijkstra',
  'Postma', 'Hoekstra', 'Bouma', 'Kuipers', 'van der Meer', 'Wijnstra', 'Sikkema', 'Yılmaz', 'El Amrani', 'Kaya', 'Öztürk', 'Haile', 'Nowak', 'Boateng', 'Tjoe-A-Fong',
];
const ADULT_NAMES = [
  'Marieke', 'Johan', 'Anouk', 'Pieter', 'Femke', 'Sander', 'Ingrid', 'Willem', 'Esther', 'Kees', 'Fatima', 'Mohamed', 'Sietske', 'Hessel', 'Baukje',
  'Jelle', 'Ayşe', 'Mehmet', 'Senait', 'Tesfay', 'Agnieszka', 'Tomasz', 'Kwame', 'Ama', 'Linda', 'Erik', 'Nicole', 'Dennis', 'Sandra', 'Mark',
];
const CHILD_NAMES = [
  'Sanne', 'Daan', 'Lotte', 'Sem', 'Emma', 'Noah', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Levi', 'Zoë', 'Milan', 'Saar', 'Bram', 'Nora', 'Jesse',
  'Yasmin', 'Adam', 'Elif', 'Yusuf', 'Hanna', 'Liam', 'Femke', 'Jorn', 'Wytske', 'Tjitte',
];
const ELDER_NAMES = ['Grietje', 'Hendrik', 'Aaltje', 'Sjoerd', 'Trijntje', 'Durk', 'Fatma', 'Ahmed'];
const STREETS = ['Kerkstraat', 'Tuinen', 'Nieuwestad', 'Voorstreek', 'Oostergrachtswal', 'Schieringerweg', 'Valeriusstraat', 'Vondelstraat', 'Camminghaburen', 'Zuidvliet'];
const PROVIDERS = [
  'Jeugdhulp Fryslân, ambulante gezinsbegeleiding', 'Jeugdhulp Fryslân, speltherapie', 'GGZ Friesland, volwassenenzorg', 'Kinder- en jeugdpsychiatrie Noord',
  'Wijkverpleging Leeuwarden', 'Verslavingszorg Noord Nederland', 'Praktijkondersteuner GGZ van de huisarts', 'Logopediepraktijk De Klank',
];
const CARE_GOALS = [
  'Weer elke schooldag naar school', 'Minder ruzie thuis bij het opstaan', 'Gevoelens over de spanningen thuis kunnen benoemen', 'Een vast dagritme',
  'Zelfstandig boodschappen doen', 'Minder piekeren en beter slapen', 'Grenzen stellen zonder schreeuwen', 'Weer contact met vriendinnen', 'Geen alcohol meer doordeweeks',
];
const DIAGNOSES = ['ADHD, gecombineerd beeld', 'Aanpassingsstoornis met angstklachten', 'Depressieve stoornis, matig', 'Autismespectrumstoornis', 'PTSS', 'Gegeneraliseerde angststoornis', 'Licht verstandelijke beperking', 'Diabetes type 1'];
const MEDICATION = ['Methylfenidaat 10 mg, twee keer per dag', 'Sertraline 50 mg, dagelijks', 'Melatonine 1 mg voor het slapen', 'Insuline volgens schema', 'Geen medicatie'];
const PROVISIONS = ['Huishoudelijke ondersteuning', 'Begeleiding individueel', 'Dagbesteding', 'Woningaanpassing: traplift', 'Respijtzorg voor de mantelzorger', 'Vervoersvoorziening (regiotaxi)', 'Beschermd wonen, ambulant'];
const ARRANGEMENTS = ['Minnelijke schuldregeling, met een budgetcoach', 'Saneringskrediet via de Kredietbank', 'Wsnp-traject aangevraagd', 'Stabilisatiefase: betalingsregelingen per schuldeiser', 'Nog geen regeling: inventarisatie loopt'];
const BENEFITS = ['Bijstandsuitkering (Participatiewet)', 'WW-uitkering', 'Wajong', 'Toeslagen (huur en zorg), geen uitkering', 'Inkomen uit deeltijdwerk, aangevuld met bijstand'];
const ROUTES = ['Werkfit-traject, richting logistiek', 'Taaltraject en vrijwilligerswerk', 'Werkervaringsplaats in de zorg', 'Opleiding mbo-2 met behoud van uitkering', 'Tijdelijk ontheven van de arbeidsplicht'];
const SIGNALS = [
  'Kind komt herhaaldelijk zonder ontbijt en in vuile kleren op school', 'Buren horen regelmatig hevige ruzies in de avond', 'Blauwe plekken op de bovenarm, uitleg wisselt',
  'Ongeoorloofd schoolverzuim, veertien dagen dit kwartaal', 'Moeder vertelt over dreiging door ex-partner', 'Oudste kind zorgt structureel voor jongere broertjes en zusjes',
];
const FAMILY_GOALS = ['Rust in huis, zodat de kinderen naar school kunnen', 'Geen nieuwe schulden', 'Samen eten op vaste tijden', 'Papa weer aan het werk', 'Een huis met een eigen kamer voor de oudste', 'Weten waar we met vragen terecht kunnen'];
const ACTIONS = ['Budgetcoach elke twee weken', 'Gezinsgesprek met jeugdhulp en wijkteam', 'Aanmelden bij de voedselbank', 'Huisarts vragen om verwijzing', 'Urgentie aanvragen bij de woningcorporatie', 'Weekplanning op de koelkast'];
const WHO_DOES_WHAT = ['Moeder: post openen met de budgetcoach', 'Vader: werkfit-traject volgen', 'Wijkteam: contact met school', 'Jeugdhulp: wekelijkse begeleiding', 'Oudste: elke dag zelf naar school fietsen'];
const REVOCATION_REASONS = ['Ik wil dit eerst met mijn hulpverlener bespreken.', 'De hulp is afgerond.', 'Ik ben het niet eens met wat er over mij geschreven is.', 'We zijn verhuisd naar een andere gemeente.'];
const JUSTIFICATIONS = [
  'Melding van acute dreiging; ouders onbereikbaar en kinderen mogelijk alleen thuis, adres en gezinssamenstelling nodig voor Veilig Thuis.',
  'Kind vertelt op school over geweld thuis en durft niet naar huis; overleg met ouders zou het kind in gevaar brengen.',
  'Politie vraagt spoed om contactgegevens in verband met zorgen om een baby; moeder neemt telefoon niet op.',
];

// A seeding worker thread loads this file; only then does this start it.
if (!isMainThread && parentPort !== null && (workerData as Partial<WorkerSetup> | null)?.kind === WORKER_KIND) {
  const port = parentPort;
  runWorker(workerData as WorkerSetup, port).catch((error: unknown) => port.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker));
}
