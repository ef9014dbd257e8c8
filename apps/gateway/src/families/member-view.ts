import { subjectFactsOf } from '@kring/consent';
import type { KringCrypto } from '@kring/crypto';
import { unwrapFamilyKey } from '@kring/family-file';
import { allInReach, membersInReach } from '@kring/policy';
import type { FileContents } from './family-file.assembler';
import { unreadableBirthDates, type FamilyRows } from './family-snapshot';

/** A member's own view of their family's file, and the reach it was scoped to. */
export interface MemberView extends FileContents {
  readonly reach: ReadonlySet<string>;
}

/**
 * A family member's view, scoped to their reach before anything is decided or decrypted
 * (DESIGN.md §5.7 and §9), as a professional's list is scoped to their organisation's
 * involvements: what is about anyone outside the reach is not in the view at all, so it is
 * neither decided, decrypted, redacted nor logged. Not its section type, its date or a count.
 *
 * - Members: those in reach.
 * - Records: those all of whose subjects are in reach. A joint record with another adult
 *   (the joint debts) is absent; the member's right of access to it (GDPR Art. 15) goes
 *   through the organisation that holds it.
 * - Authority: between members in reach only, so `holdsAuthorityOver` names the children in reach.
 * - Involvements: an involvement is about every member, so they are in the view only when
 *   every member of the family is in reach, and never one shielded from the member (it does
 *   not exist in their view). The circle (`myCircle`, docs/circle.md) gives every member the
 *   organisations involved with their reach.
 *
 * Only the birth dates that decide the reach are decrypted: the member's own and those of
 * the children over whom they hold authority.
 */
export function memberView(crypto: KringCrypto, rows: FamilyRows, memberId: string, today: string): MemberView {
  const key = unwrapFamilyKey(crypto, rows.family);
  const children = new Set(rows.authority.filter((a) => a.adultMemberId === memberId).map((a) => a.childMemberId));
  const candidates = subjectFactsOf(
    crypto,
    key,
    rows.members.filter((m) => m.id === memberId || children.has(m.id)),
    rows.authority,
  );
  const reach = membersInReach(memberId, candidates.values(), today);
  const everyoneInReach = rows.members.every((m) => reach.has(m.id));
  return {
    reach,
    key,
    unreadableBirthDates: unreadableBirthDates(candidates),
    family: rows.family,
    organisations: rows.organisations,
    members: rows.members.filter((m) => reach.has(m.id)),
    authority: rows.authority.filter((a) => reach.has(a.adultMemberId) && reach.has(a.childMemberId)),
    involvements: everyoneInReach ? rows.involvements.filter((i) => !rows.shieldings.some((s) => s.involvementId === i.id && s.memberId === memberId)) : [],
    records: rows.records.filter((r) => allInReach(reach, rows.subjectsByRecord.get(r.id) ?? [])),
    subjectsByRecord: rows.subjectsByRecord,
  };
}
