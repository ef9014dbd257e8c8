import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ConsentEntity, ConsentSignatureEntity, SignatureCapacity } from '@kring/consent';
import type { KringCrypto } from '@kring/crypto';
import { FamilyFileWriter, INVOLVEMENT_SHIELDING_SEALED_FIELDS, InvolvementShieldingEntity } from '@kring/family-file';
import type { ReferenceWorld } from '../reference/reference-world';

/** Stores a generated world through the real writers (real encryption), in one transaction. */
export async function writeWorld({ dataSource, crypto }: { readonly dataSource: DataSource; readonly crypto: KringCrypto }, world: ReferenceWorld): Promise<void> {
  const writer = new FamilyFileWriter(crypto);
  await dataSource.transaction(async (manager) => {
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
      const [by] = await manager.query<{ id: string }[]>('SELECT id FROM professional WHERE organisation_id = $1 ORDER BY id LIMIT 1', [involvement.organisationId]);
      const id = randomUUID();
      await manager.insert(InvolvementShieldingEntity, {
        id,
        familyId: world.familyId,
        involvementId: x.involvementId,
        memberId: x.memberId,
        organisationId: involvement.organisationId,
        shieldedByProfessionalId: (by as { id: string }).id,
        reasonCiphertext: crypto.cipher.encrypt(key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.reason, rowId: id }, `Reden ${n}`),
        shieldedAt: new Date(),
        ...(x.lifted === true
          ? { liftedAt: new Date(), liftedByProfessionalId: (by as { id: string }).id, liftReasonCiphertext: crypto.cipher.encrypt(key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.liftReason, rowId: id }, `Opgeheven ${n}`) }
          : {}),
      });
    }
    if (world.consents.length === 0) return;
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
        grantedByMemberId: c.signatures[0]?.memberId ?? c.subjectId,
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
  });
}
