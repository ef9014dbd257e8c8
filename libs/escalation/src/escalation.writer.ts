import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import type { EscalationDecisionDraft } from './decide-escalation';
import { EscalationEntity } from './escalation.entity';
import type { EscalationDraft } from './raise-escalation';
import { escalationTextPlace, type EscalationText } from './sealed-fields';

/** Who raised an escalation, as stored: a member, or a professional for their organisation. */
export type EscalationAuthor = { readonly memberId: string } | { readonly professionalId: string; readonly organisationId: string };

/**
 * Stores escalations as the use cases decided them: sealed with the family's data key, bound to
 * the row. The gateway and the demo world write through it, so both store the same shape.
 * Checks nothing itself: `raiseEscalation`, `takeOnEscalation` and `decideEscalation` decided.
 */
export class EscalationWriter {
  constructor(private readonly crypto: KringCrypto) {}

  async raise(manager: EntityManager, input: { readonly familyId: string; readonly key: DataKey; readonly draft: EscalationDraft; readonly purpose: string; readonly by: EscalationAuthor; readonly at: Date }): Promise<EscalationEntity> {
    const { draft, key, by } = input;
    const id = randomUUID();
    const seal = (text: EscalationText, value: string | null) => (value === null ? null : this.crypto.cipher.encrypt(key, escalationTextPlace(id, text), value));
    const row: EscalationEntity = {
      id,
      familyId: input.familyId,
      kind: draft.kind,
      subjectMemberIds: [...draft.subjectMemberIds],
      category: draft.category,
      purpose: input.purpose,
      blockingKind: draft.blockingKind,
      blockingOrganisationId: draft.blockingOrganisationId,
      blocksCiphertext: seal('blocks', draft.blocks),
      triedCiphertext: seal('tried', draft.tried),
      raisedByMemberId: 'memberId' in by ? by.memberId : null,
      raisedByProfessionalId: 'professionalId' in by ? by.professionalId : null,
      raisedByOrganisationId: 'professionalId' in by ? by.organisationId : null,
      raisedAt: input.at,
      dueOn: draft.dueOn,
      takenOnByProfessionalId: null,
      takenOnByOrganisationId: null,
      takenOnAt: null,
      decidedByProfessionalId: null,
      decidedAt: null,
      decisionCiphertext: null,
      setAsideCiphertext: null,
      authorityCiphertext: null,
      budgetCiphertext: null,
    };
    await manager.insert(EscalationEntity, row);
    return row;
  }

  /** A team lead takes it on; the row as it is now. */
  async takeOn(manager: EntityManager, row: EscalationEntity, by: { readonly professionalId: string; readonly organisationId: string }, at: Date): Promise<EscalationEntity> {
    const changes = { takenOnByProfessionalId: by.professionalId, takenOnByOrganisationId: by.organisationId, takenOnAt: at };
    await manager.update(EscalationEntity, { id: row.id }, changes);
    return { ...row, ...changes };
  }

  /** The breakthrough decision, sealed; the row as it is now. */
  async decide(manager: EntityManager, row: EscalationEntity, input: { readonly key: DataKey; readonly draft: EscalationDecisionDraft; readonly professionalId: string; readonly at: Date }): Promise<EscalationEntity> {
    const { draft, key } = input;
    const seal = (text: EscalationText, value: string | null) => (value === null ? null : this.crypto.cipher.encrypt(key, escalationTextPlace(row.id, text), value));
    const changes = {
      decidedByProfessionalId: input.professionalId,
      decidedAt: input.at,
      decisionCiphertext: seal('decision', draft.decision),
      setAsideCiphertext: seal('setAside', draft.setAside),
      authorityCiphertext: seal('authority', draft.authority),
      budgetCiphertext: seal('budget', draft.budgetCents === null ? null : String(draft.budgetCents)),
    };
    await manager.update(EscalationEntity, { id: row.id }, changes);
    return { ...row, ...changes };
  }

  /** Erasure: every text of the family's escalations destroyed (set to NULL), not only made unreadable. */
  async eraseFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(
      `UPDATE escalation SET blocks_ciphertext = NULL, tried_ciphertext = NULL, decision_ciphertext = NULL, set_aside_ciphertext = NULL, authority_ciphertext = NULL, budget_ciphertext = NULL
        WHERE family_id = $1`,
      [familyId],
    );
  }
}
