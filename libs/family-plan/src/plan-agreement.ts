import { ageOn, capacityBand, isRequiredSigner, signaturesSuffice, type SubjectFacts } from '@kring/consent';
import type { PlanItemKind } from './plan-vocabulary';

/** An agreement as the rule sees it: who, with which version, and whether it was withdrawn. */
export interface PlanAgreementFacts {
  readonly memberId: string | null;
  readonly professionalId: string | null;
  readonly version: number;
  readonly agreedAt: Date;
  readonly withdrawnAt: Date | null;
}

/** A current plan item as agreement sees it: its kind, subjects, and the version it last changed in. */
export interface AgreedItemFacts {
  readonly kind: PlanItemKind;
  readonly fromVersion: number;
  readonly subjectMemberIds: readonly string[];
}

/** Where agreement with one item stands. */
export interface ItemAgreement {
  readonly agreed: boolean;
  readonly caseDirectorAgreed: boolean;
  /** Members whose agreement would still count towards a subject whose agreement is missing (by capacity). */
  readonly waitingForMemberIds: readonly string[];
}

/**
 * Each party's latest agreement (a member or a professional), so a withdrawal, or a new
 * agreement after one, is what counts. Ordered by when it was given.
 */
export function latestAgreements(agreements: readonly PlanAgreementFacts[]): PlanAgreementFacts[] {
  const latest = new Map<string, PlanAgreementFacts>();
  for (const a of [...agreements].sort((x, y) => x.agreedAt.getTime() - y.agreedAt.getTime())) {
    const party = a.memberId ?? `p:${a.professionalId}`;
    latest.delete(party); // a party who agreed again moves to the end
    latest.set(party, a);
  }
  return [...latest.values()];
}

/**
 * Agreement with one item of the plan (DESIGN.md §9, "Agreement"). An agreement with version
 * *v* covers every item not changed since *v*: a change asks again only those whose
 * agreement it concerns, so a change to one member's goal does not undo the rest of the
 * family's agreement (nor tell them it happened). The case director's agreement counts for
 * every item; for a goal, each of its subjects must have agreed by the capacity rule of §3
 * (a parent with authority for a child under 12, the child and a parent from 12 to 15, the
 * member alone from 16), judged on `today`. A withdrawn agreement counts for nothing. The
 * case director is whoever holds case direction now: a new one agrees afresh. A subject
 * whose birth date cannot be read cannot be shown to have agreed.
 */
export function itemAgreement(
  item: AgreedItemFacts,
  agreements: readonly PlanAgreementFacts[],
  subjects: ReadonlyMap<string, SubjectFacts>,
  caseDirectorId: string | null,
  today: string,
): ItemAgreement {
  const counting = latestAgreements(agreements).filter((a) => a.withdrawnAt === null && a.version >= item.fromVersion);
  const caseDirectorAgreed = caseDirectorId !== null && counting.some((a) => a.professionalId === caseDirectorId);
  if (item.kind !== 'GOAL') return { agreed: caseDirectorAgreed, caseDirectorAgreed, waitingForMemberIds: [] };
  const signers = new Set(counting.map((a) => a.memberId).filter((id): id is string => id !== null));
  const waiting = new Set<string>();
  let everySubject = true;
  for (const id of item.subjectMemberIds) {
    const subject = subjects.get(id);
    if (subject === undefined || subject.birthDate === null) {
      everySubject = false;
      continue;
    }
    const band = capacityBand(ageOn(subject.birthDate, today));
    if (signaturesSuffice(band, subject, signers)) continue;
    everySubject = false;
    // Waiting are those whose agreement is still missing: the subject if theirs counts and is not
    // given; the parents with authority if a parent's counts and none of them gave it (one suffices).
    if (isRequiredSigner(band, subject, subject.memberId) && !signers.has(subject.memberId)) waiting.add(subject.memberId);
    const parents = [...subject.authorityHolders].filter((id) => id !== subject.memberId && isRequiredSigner(band, subject, id));
    if (!parents.some((id) => signers.has(id))) for (const id of parents) waiting.add(id);
  }
  return { agreed: caseDirectorAgreed && everySubject, caseDirectorAgreed, waitingForMemberIds: [...waiting].sort() };
}

/** Whether a member's agreement would count for an item at all: they are among those whose say counts for one of its subjects. */
export function countsForItem(memberId: string, item: AgreedItemFacts, subjects: ReadonlyMap<string, SubjectFacts>, today: string): boolean {
  return item.subjectMemberIds.some((id) => {
    const subject = subjects.get(id);
    return subject !== undefined && subject.birthDate !== null && isRequiredSigner(capacityBand(ageOn(subject.birthDate, today)), subject, memberId);
  });
}

/** The plan's rows as they stood at `version`: those it had added and not yet replaced. */
export function itemsAt<Row extends { readonly fromVersion: number; readonly untilVersion: number | null }>(rows: readonly Row[], version: number): Row[] {
  return rows.filter((r) => r.fromVersion <= version && (r.untilVersion === null || r.untilVersion > version));
}
