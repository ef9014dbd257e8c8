import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ConsentEntity, type ProposedConsent } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { FamilyFileWriter, type InvolvementEntity } from '@kring/family-file';
import { ReferralEntity } from './referral.entity';
import { ReferralStatus } from './referral-vocabulary';
import type { ReferralDraft } from './refer-to-service';
import { referralTextPlace, type ReferralText } from './sealed-fields';

/** How a consent proposed with a referral was collected (the consent receipt's field). */
export const REFERRAL_COLLECTION_METHOD = 'KRING_REFERRAL';

/** Who refers: a professional, for their organisation. */
export interface Referrer {
  readonly professionalId: string;
  readonly organisationId: string;
}

/**
 * Stores referrals as the use cases decided them: the referral and the consent it carries in one
 * step, texts sealed with the family's data key and bound to the row; acceptance with the
 * involvement it makes. The gateway and the demo world write through it. Checks nothing itself:
 * `referToService`, `proposeConsent`, `acceptReferral`, `declineReferral` and `withdrawReferral` decided.
 */
export class ReferralWriter {
  constructor(private readonly crypto: KringCrypto) {}

  /** The proposed consent (no signature) and the referral that carries it. */
  async refer(
    manager: EntityManager,
    input: { readonly familyId: string; readonly key: DataKey; readonly serviceId: string; readonly draft: ReferralDraft; readonly consent: ProposedConsent; readonly purpose: string; readonly policyVersion: string; readonly by: Referrer; readonly at: Date },
  ): Promise<ReferralEntity> {
    const consentId = randomUUID();
    await manager.insert(ConsentEntity, {
      id: consentId,
      familyId: input.familyId,
      ...input.consent,
      grantedByMemberId: null,
      proposedByProfessionalId: input.by.professionalId,
      collectionMethod: REFERRAL_COLLECTION_METHOD,
      policyVersion: input.policyVersion,
      revokedAt: null,
      revokedByMemberId: null,
      revocationReasonCiphertext: null,
    });
    const id = randomUUID();
    const row: ReferralEntity = {
      id,
      familyId: input.familyId,
      subjectMemberId: input.draft.subjectMemberId,
      serviceId: input.serviceId,
      receivingOrganisationId: input.draft.receivingOrganisationId,
      referringOrganisationId: input.by.organisationId,
      referredByProfessionalId: input.by.professionalId,
      consentId,
      purpose: input.purpose,
      status: ReferralStatus.PROPOSED,
      referredAt: input.at,
      waitingWeeks: input.draft.waitingWeeks,
      waitingStatedOn: input.draft.waitingStatedOn,
      noteCiphertext: this.seal(input.key, id, 'note', input.draft.note),
      answeredAt: null,
      answeredByProfessionalId: null,
      declineReasonCiphertext: null,
      involvementId: null,
    };
    await manager.insert(ReferralEntity, row);
    return row;
  }

  /**
   * Accepted: the organisation is involved from `today` (a new involvement, its accepting
   * professional the contact), or through the involvement that runs already; the row as it is now.
   */
  async accept(manager: EntityManager, row: ReferralEntity, input: { readonly professionalId: string; readonly running: InvolvementEntity | undefined; readonly today: string; readonly at: Date }): Promise<ReferralEntity> {
    const involvement =
      input.running ??
      (await new FamilyFileWriter(this.crypto).addInvolvement(manager, { familyId: row.familyId, organisationId: row.receivingOrganisationId, contactProfessionalId: input.professionalId, startsOn: input.today, caseDirection: false }));
    return this.answer(manager, row, { status: ReferralStatus.ACCEPTED, answeredAt: input.at, answeredByProfessionalId: input.professionalId, involvementId: involvement.id });
  }

  /** Declined with a reason (sealed); the consent it carried ends with it. */
  async decline(manager: EntityManager, row: ReferralEntity, input: { readonly key: DataKey; readonly reason: string; readonly professionalId: string; readonly at: Date }): Promise<ReferralEntity> {
    await this.endConsent(manager, row, input.at);
    return this.answer(manager, row, { status: ReferralStatus.DECLINED, answeredAt: input.at, answeredByProfessionalId: input.professionalId, declineReasonCiphertext: this.seal(input.key, row.id, 'declineReason', input.reason) });
  }

  /** Withdrawn by the referrer; the consent it carried ends with it. */
  async withdraw(manager: EntityManager, row: ReferralEntity, input: { readonly professionalId: string; readonly at: Date }): Promise<ReferralEntity> {
    await this.endConsent(manager, row, input.at);
    return this.answer(manager, row, { status: ReferralStatus.WITHDRAWN, answeredAt: input.at, answeredByProfessionalId: input.professionalId });
  }

  /** Erasure: every text of the family's referrals destroyed (set to NULL), not only made unreadable. */
  async eraseFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query('UPDATE referral SET note_ciphertext = NULL, decline_reason_ciphertext = NULL WHERE family_id = $1', [familyId]);
  }

  private async answer(manager: EntityManager, row: ReferralEntity, changes: Partial<ReferralEntity>): Promise<ReferralEntity> {
    await manager.update(ReferralEntity, { id: row.id }, changes);
    return { ...row, ...changes };
  }

  /** A consent proposed for a referral that will not be taken up is of no use to anyone: it ends (revoked by nobody), unless it ended already. */
  private async endConsent(manager: EntityManager, row: ReferralEntity, at: Date): Promise<void> {
    await manager.query('UPDATE consent SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [row.consentId, at]);
  }

  private seal(key: DataKey, id: string, text: ReferralText, value: string | null): Buffer | null {
    return value === null ? null : this.crypto.cipher.encrypt(key, referralTextPlace(id, text), value);
  }
}
