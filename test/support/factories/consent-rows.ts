import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ConsentEntity, ConsentSignatureEntity, SignatureCapacity } from '@kring/consent';
import type { DataCategory } from '@kring/family-file';
import type { Domain } from '@kring/identity';
import { daysInMs } from './dates';
import type { MadeFamily, MadeMember, MadeOrganisation, Partner } from './world.types';

export interface ConsentRow {
  readonly subject: MadeMember;
  /** An organisation (or the partner standing for it), or every organisation of a domain. */
  readonly recipient: MadeOrganisation | Partner | { readonly domain: Domain };
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly string[];
  /** Default: a day before `now`. */
  readonly validFrom?: Date;
  /** Default: 300 days after `validFrom`. */
  readonly validUntil?: Date;
  /** Who signed, in order; the first is who granted it. Default: the subject. */
  readonly signedBy?: readonly MadeMember[];
  /** When they signed; default `validFrom`. */
  readonly signedAt?: Date;
  readonly revokedAt?: Date | null;
}

/**
 * Stores a consent as rows, signatures included, the way a paper form is entered:
 * for a test that needs a consent in the past, expired or signed by the wrong person,
 * which `grantConsent` (which checks capacity and dates) would refuse to make.
 */
export async function insertConsentRow(dataSource: DataSource, family: MadeFamily, row: ConsentRow, now: Date, policyVersion: string): Promise<{ id: string }> {
  const id = randomUUID();
  const validFrom = row.validFrom ?? new Date(now.getTime() - daysInMs(1));
  const validUntil = row.validUntil ?? new Date(validFrom.getTime() + daysInMs(300));
  const signers = row.signedBy ?? [row.subject];
  const recipient = row.recipient;
  await dataSource.transaction(async (manager) => {
    await manager.insert(ConsentEntity, {
      id,
      familyId: family.id,
      subjectMemberId: row.subject.id,
      recipientOrganisationId: 'id' in recipient ? recipient.id : null,
      recipientDomain: 'id' in recipient ? null : recipient.domain,
      categories: [...row.categories],
      purposes: [...row.purposes],
      validFrom,
      validUntil,
      grantedByMemberId: (signers[0] ?? row.subject).id,
      collectionMethod: 'PAPER_FORM',
      policyVersion,
      revokedAt: row.revokedAt ?? null,
      revokedByMemberId: null,
    });
    if (signers.length === 0) return;
    await manager.insert(
      ConsentSignatureEntity,
      signers.map((signer) => ({
        consentId: id,
        memberId: signer.id,
        // The capacity a signer claims; the rule judges who actually holds authority, not this label.
        capacity: signer.id === row.subject.id ? SignatureCapacity.SUBJECT : SignatureCapacity.PARENT_WITH_AUTHORITY,
        signedAt: row.signedAt ?? validFrom,
      })),
    );
  });
  return { id };
}
