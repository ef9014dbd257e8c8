import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ConsentEntity, ConsentSignatureEntity, dutchDate, SignatureCapacity, type SubjectFacts } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { BREAK_GLASS_SEALED_FIELDS, BreakGlassGrantEntity, FamilyFileWriter, INVOLVEMENT_SHIELDING_SEALED_FIELDS, InvolvementShieldingEntity, isInvolvedOn } from '@kring/family-file';
import { FamilyPlanItemShowingEntity, FamilyPlanWriter, type FamilyPlanItemEntity, type PlanItemStatus } from '@kring/family-plan';
import { Domain } from '@kring/identity';
import { MessagesWriter, startThread } from '@kring/messages';
import { membersWhoCannotReadWhole, type PurposeCatalogue } from '@kring/policy';
import { ReferralEntity, ReferralStatus } from '@kring/referral';
import { AccessRoute, ProblemCode, publishService, ServiceWriter } from '@kring/social-map';
import type { ReferenceMessage, ReferencePlan, ReferenceThread, ReferenceWorld } from '../reference/reference-world';

/**
 * Stores a generated world through the real writers (real encryption), in one transaction, and
 * returns it as stored: the plan's items carry the ids the plan writer gave them.
 */
export async function writeWorld(
  { dataSource, crypto, catalogue }: { readonly dataSource: DataSource; readonly crypto: KringCrypto; readonly catalogue: PurposeCatalogue },
  world: ReferenceWorld,
): Promise<ReferenceWorld> {
  const writer = new FamilyFileWriter(crypto);
  return dataSource.transaction(async (manager) => {
    const index = new Map(world.members.map((m, i) => [m.id, i]));
    const { key } = await writer.createFamily(manager, {
      id: world.familyId,
      registeredByOrganisationId: world.registeredByOrganisationId,
      members: world.members.map((m) => ({ id: m.id, name: m.name, birthDate: m.birthDate, bsn: m.bsn, relation: m.relation })),
      authority: world.authority.map((a) => ({ adult: index.get(a.adultId) as number, child: index.get(a.childId) as number })),
    });
    for (const i of world.involvements) {
      await writer.addInvolvement(manager, {
        id: i.id,
        familyId: world.familyId,
        organisationId: i.organisationId,
        contactProfessionalId: null,
        startsOn: i.startsOn,
        endsOn: i.endsOn,
        caseDirection: i.caseDirection,
      });
    }
    for (const r of world.records) {
      await writer.addRecord(manager, key, {
        id: r.id,
        familyId: world.familyId,
        sourceOrganisationId: r.sourceOrganisationId,
        authorProfessionalId: null,
        authorMemberId: r.authorId,
        supersedesRecordId: r.supersedesId,
        sectionType: r.sectionType,
        subjectMemberIds: r.subjectIds,
        values: r.values,
      });
    }
    // Shieldings: the reason is sealed like the gateway seals it; a professional of the organisation shielded it (and lifted it, for a lifted one).
    for (const [n, x] of (world.shieldings ?? []).entries()) {
      const involvement = world.involvements.find((i) => i.id === x.involvementId);
      if (involvement === undefined) throw new Error('a shielding of an involvement the world does not hold');
      const id = randomUUID();
      const by = (await professionalsOf(manager, [involvement.organisationId])).get(involvement.organisationId) as string;
      await manager.insert(InvolvementShieldingEntity, {
        id,
        familyId: world.familyId,
        involvementId: x.involvementId,
        memberId: x.memberId,
        organisationId: involvement.organisationId,
        shieldedByProfessionalId: by,
        reasonCiphertext: crypto.cipher.encrypt(key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.reason, rowId: id }, `Reden ${n}`),
        shieldedAt: new Date(),
        ...(x.lifted === true
          ? { liftedAt: new Date(), liftedByProfessionalId: by, liftReasonCiphertext: crypto.cipher.encrypt(key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.liftReason, rowId: id }, `Opgeheven ${n}`) }
          : {}),
      });
    }
    const plan = await writePlan(manager, new FamilyPlanWriter(crypto), key, world);
    if (world.consents.length > 0) await writeConsents(manager, world);
    const threads = await writeThreads(manager, new MessagesWriter(crypto), key, world, catalogue);
    await writeReferrals(manager, world);
    await writeBreakGlass(manager, crypto, key, world);
    return { ...world, plan, threads };
  });
}

/**
 * The world's proposed referrals (docs/referral.md), each to a service of its receiving organisation
 * (published once per organisation, as publishService does): rows only, no involvement, as
 * referToService leaves them until the organisation accepts.
 */
async function writeReferrals(manager: EntityManager, world: ReferenceWorld): Promise<void> {
  const referrals = world.referrals ?? [];
  if (referrals.length === 0) return;
  const organisations = [...new Set(referrals.flatMap((r) => [r.referringOrganisationId, r.receivingOrganisationId]))];
  const professionals = await professionalsOf(manager, organisations);
  const services = new Map<string, string>();
  for (const organisationId of new Set(referrals.map((r) => r.receivingOrganisationId))) {
    const [found] = await manager.query<{ id: string }[]>('SELECT id FROM service WHERE organisation_id = $1 LIMIT 1', [organisationId]);
    if (found !== undefined) {
      services.set(organisationId, found.id);
      continue;
    }
    const decided = publishService(
      { name: 'Hulp dichtbij', description: 'Hulp voor het hele gezin, dichtbij en zonder wachtlijst.', domain: Domain.WMO, problems: [ProblemCode.OPVOEDING], municipalityCodes: ['GM0074'], accessRoute: AccessRoute.REFERRAL, phone: '0513 000000' },
      { mayPublish: true, today: '2026-01-01' },
    );
    if (!decided.ok) throw new Error(`the test service is refused: ${JSON.stringify(decided.refusal)}`);
    const published = await new ServiceWriter().publish(manager, { organisationId, professionalId: professionals.get(organisationId) as string, draft: decided.draft, at: new Date('2026-01-01T10:00:00Z') });
    services.set(organisationId, published.id);
  }
  await manager.insert(
    ReferralEntity,
    referrals.map((r) => ({
      id: r.id,
      familyId: world.familyId,
      subjectMemberId: r.subjectId,
      serviceId: services.get(r.receivingOrganisationId) as string,
      receivingOrganisationId: r.receivingOrganisationId,
      referringOrganisationId: r.referringOrganisationId,
      referredByProfessionalId: professionals.get(r.referringOrganisationId) as string,
      consentId: r.consentId,
      purpose: 'CASE_COORDINATION',
      status: ReferralStatus.PROPOSED,
      referredAt: new Date('2026-01-01T10:00:00Z'),
      waitingWeeks: null,
      waitingStatedOn: null,
      noteCiphertext: null,
      answeredAt: null,
      answeredByProfessionalId: null,
      declineReasonCiphertext: null,
      involvementId: null,
    })),
  );
}

/** The plan's writes in order, each through the plan's writer as one version (sealed with the family key); then the family's choices to show items. */
async function writePlan(manager: EntityManager, writer: FamilyPlanWriter, key: DataKey, world: ReferenceWorld): Promise<ReferencePlan> {
  const stored = new Map<string, Pick<FamilyPlanItemEntity, 'id' | 'itemId'>>();
  const sources = [...new Set(world.plan.items.map((i) => i.sourceOrganisationId).filter((id): id is string => id !== null))];
  const professionals = sources.length === 0 ? new Map<string, string>() : await professionalsOf(manager, sources);
  for (const [version, w] of world.plan.writes.entries()) {
    const item = world.plan.items.find((i) => i.id === w.itemId);
    const says = item?.versions[w.nth];
    if (item === undefined || says === undefined) throw new Error('a plan write of an item or version the world does not hold');
    const { actor } = item;
    const row = await writer.writeItem(manager, {
      familyId: world.familyId,
      key,
      latestVersion: version,
      current: stored.get(item.id) ?? null,
      draft: {
        kind: item.kind,
        subjectMemberIds: item.subjectIds,
        category: says.category,
        sourceOrganisationId: item.sourceOrganisationId,
        actor:
          actor === null
            ? null
            : { kind: actor.kind, organisationId: actor.kind === 'ORGANISATION' ? actor.organisationId : null, memberId: actor.kind === 'MEMBER' ? actor.memberId : null },
        content: { text: says.text, status: says.status as PlanItemStatus | null, dueOn: says.dueOn, networkPerson: actor?.kind === 'NETWORK' ? actor.name : null },
      },
      author:
        item.sourceOrganisationId === null
          ? { memberId: w.byMemberId ?? (item.subjectIds[0] as string) }
          : { organisationId: item.sourceOrganisationId, professionalId: professionals.get(item.sourceOrganisationId) as string },
      at: w.at,
    });
    stored.set(item.id, row);
  }
  const idOf = (id: string) => (stored.get(id) as { itemId: string }).itemId;
  // What the writer's chooseShown stores, one row per choice, in one statement: worlds are many.
  const chosenAt = world.plan.writes.at(-1)?.at ?? new Date();
  const showings = world.plan.items.flatMap((item) => item.shownBy.map((memberId) => ({ itemId: idOf(item.id), memberId, familyId: world.familyId, chosenAt })));
  if (showings.length > 0) await manager.insert(FamilyPlanItemShowingEntity, showings);
  return { items: world.plan.items.map((i) => ({ ...i, id: idOf(i.id) })), writes: world.plan.writes.map((w) => ({ ...w, itemId: idOf(w.itemId) })) };
}

/**
 * The threads as the API would have stored them: each asked of `startThread` (the use case the
 * gateway asks) with the facts of its start day, the members who cannot read it whole by the
 * messages rule (`membersWhoCannotReadWhole`, shielded members exempt), and stored through the
 * `MessagesWriter`; then the members who joined, its messages in order, and the withdrawals.
 * Whether the access rule let the starter read what they started is left out of the facts
 * (as the demo world does): the worlds do not record the consents as they stood on the start
 * day, and the rule's own tests cover `CLOSED_TO_STARTER`. A thread `startThread` refuses fails
 * the run: the world generator and the use case disagree about who may start what.
 * Returned with the ids the writer gave them.
 */
async function writeThreads(manager: EntityManager, writer: MessagesWriter, key: DataKey, world: ReferenceWorld, catalogue: PurposeCatalogue): Promise<ReferenceThread[]> {
  const threads = world.threads ?? [];
  if (threads.length === 0) return [];
  const organisationIds = [...new Set(threads.flatMap((t) => t.participantOrganisationIds))];
  const professionals = await professionalsOf(manager, organisationIds);
  const domains = new Map((await manager.query<{ id: string; domain: string }[]>('SELECT id, domain FROM organisation WHERE id = ANY($1)', [organisationIds])).map((o) => [o.id, o.domain]));
  const professionalOf = (organisationId: string) => ({ professionalId: professionals.get(organisationId) as string, organisationId });
  const stored: ReferenceThread[] = [];
  for (const t of threads) {
    const day = dutchDate(t.startedAt);
    const [starter, ...others] = t.participantOrganisationIds.map(professionalOf);
    if (starter === undefined) throw new Error('a thread of the world without a professional');
    const subjects = subjectFactsOf(world);
    const shielded = new Set((world.shieldings ?? []).filter((x) => x.lifted !== true && t.participantOrganisationIds.includes(organisationOf(world, x.involvementId))).map((x) => x.memberId));
    const decision = startThread(
      { topic: t.topic, subjectMemberIds: t.subjectIds, category: t.category, purpose: t.purpose, participantProfessionalIds: others.map((p) => p.professionalId), firstMessage: null },
      {
        starter,
        familyMemberIds: world.members.map((m) => m.id),
        involvedOrganisationIds: world.involvements.filter((i) => isInvolvedOn(i, day)).map((i) => i.organisationId),
        candidates: new Map(others.map((p) => [p.professionalId, { ...p, domain: domains.get(p.organisationId) as string, casework: true }])),
        purposeDomains: catalogue.find(t.purpose)?.domains ?? [],
        membersWhoCannotReadWhole: membersWhoCannotReadWhole(t.subjectIds, subjects, day, shielded),
        closedToStarter: null,
      },
    );
    if (!decision.ok) throw new Error(`startThread refuses a thread of the world (${decision.refusal}): the generator and the use case disagree`);
    const { thread } = await writer.startThread(manager, { familyId: world.familyId, key, draft: decision.draft, at: t.startedAt });
    for (const memberId of t.memberIds) await writer.join(manager, thread, memberId, t.startedAt);
    const messages: ReferenceMessage[] = [];
    for (const m of t.messages) {
      const author = m.byMemberId !== null ? { memberId: m.byMemberId } : professionalOf(m.byOrganisationId as string);
      const row = await writer.post(manager, { thread, key, author, body: m.body, at: m.sentAt });
      if (m.withdrawnAt !== null) await writer.withdraw(manager, row.id, m.withdrawnAt);
      messages.push({ ...m, id: row.id });
    }
    stored.push({ ...t, id: thread.id, messages });
  }
  return stored;
}

/** The members as the capacity and reach rules see them: birth date and who holds authority over them. */
function subjectFactsOf(world: ReferenceWorld): Map<string, SubjectFacts> {
  return new Map(
    world.members.map((m) => [m.id, { memberId: m.id, birthDate: m.birthDate, authorityHolders: new Set(world.authority.filter((a) => a.childId === m.id).map((a) => a.adultId)) }]),
  );
}

function organisationOf(world: ReferenceWorld, involvementId: string): string {
  return world.involvements.find((i) => i.id === involvementId)?.organisationId ?? '';
}

/** The emergency grants, each opened by the professional of its organisation, its justification sealed as the gateway seals it. */
async function writeBreakGlass(manager: EntityManager, crypto: KringCrypto, key: DataKey, world: ReferenceWorld): Promise<void> {
  const grants = world.breakGlassGrants ?? [];
  if (grants.length === 0) return;
  const professionals = await professionalsOf(manager, [...new Set(grants.map((g) => g.organisationId))]);
  await manager.insert(
    BreakGlassGrantEntity,
    grants.map((g) => ({
      id: g.id,
      familyId: world.familyId,
      professionalId: professionals.get(g.organisationId) as string,
      organisationId: g.organisationId,
      justificationCiphertext: crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS.justification, rowId: g.id }, 'Zorgen om de veiligheid van een kind; de ouders zijn niet bereikbaar.'),
      purpose: g.purpose,
      categories: [...g.categories],
      openedAt: g.openedAt,
      expiresAt: g.expiresAt,
      reviewVerdict: null,
      reviewNoteCiphertext: null,
      reviewedByProfessionalId: null,
      reviewedAt: null,
    })),
  );
}

/** The professional of each organisation (registerOrganisations makes one each). */
async function professionalsOf(manager: EntityManager, organisationIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await manager.query<{ id: string; organisation_id: string }[]>(
    'SELECT DISTINCT ON (organisation_id) organisation_id, id FROM professional WHERE organisation_id = ANY($1) ORDER BY organisation_id, id',
    [organisationIds],
  );
  const found = new Map(rows.map((r) => [r.organisation_id, r.id]));
  const missing = organisationIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`organisations without a professional: ${missing.join(', ')}`);
  return found;
}

async function writeConsents(manager: EntityManager, world: ReferenceWorld): Promise<void> {
  const referrals = world.referrals ?? [];
  const professionals = referrals.length === 0 ? new Map<string, string>() : await professionalsOf(manager, [...new Set(referrals.map((r) => r.referringOrganisationId))]);
  const proposers = new Map(referrals.map((r) => [r.consentId, professionals.get(r.referringOrganisationId) as string]));
  await manager.insert(
    ConsentEntity,
    world.consents.map((c) => ({
      id: c.id,
      familyId: world.familyId,
      subjectMemberId: c.subjectId,
      recipientOrganisationId: c.recipientOrganisationId,
      recipientDomain: c.recipientDomain,
      categories: [...c.categories],
      purposes: [...c.purposes],
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      // A consent a referral carries was proposed by the referring organisation's professional (no grantor), as referToService stores it.
      grantedByMemberId: proposers.has(c.id) ? null : (c.signatures[0]?.memberId ?? c.subjectId),
      proposedByProfessionalId: proposers.get(c.id) ?? null,
      collectionMethod: 'TEST',
      policyVersion: 'test',
      revokedAt: c.revokedAt,
      revokedByMemberId: null,
      revocationReasonCiphertext: null,
    })),
  );
  const signatures = world.consents.flatMap((c) =>
    c.signatures.map((s) => ({
      consentId: c.id,
      memberId: s.memberId,
      // The capacity a signer claims; the rule must judge who actually holds authority, not the label.
      capacity: s.memberId === c.subjectId ? SignatureCapacity.SUBJECT : SignatureCapacity.PARENT_WITH_AUTHORITY,
      signedAt: s.signedAt,
    })),
  );
  if (signatures.length > 0) await manager.insert(ConsentSignatureEntity, signatures);
}
