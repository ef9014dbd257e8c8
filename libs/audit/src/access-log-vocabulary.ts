/**
 * The words the access log is written in: every value Kring writes in an entry's activity,
 * target kind, basis, actor kind and decision. Plain data, no imports: the portal imports
 * this file (as `@kring/audit/vocabulary`) for its filters and labels, without pulling in
 * the log's node code. A new activity is added here first; the writer's types then
 * accept it, and the portal's filter offers it.
 */

/** What happened: a read, a change to the file or its consents, or an operation on the log or the keys. */
export const ACTIVITIES = [
  'READ_FAMILY_FILE',
  'READ_OWN_FILE',
  'READ_CONSENTS',
  'GRANT_CONSENT',
  'SIGN_CONSENT',
  'REVOKE_CONSENT',
  /** A member was issued signed consent receipts (ISO/IEC TS 27560) of a consent about their reach. */
  'ISSUE_CONSENT_RECEIPT',
  /** Consents were exported as FHIR R4 Consent resources (GET /fhir/Consent): by a member for their reach, or a privacy officer. */
  'EXPORT_FHIR_CONSENTS',
  'ADD_RECORD',
  'REGISTER_FAMILY',
  'REGISTER_INVOLVEMENT',
  'END_INVOLVEMENT',
  'BREAK_GLASS_OPENED',
  'BREAK_GLASS_REVIEWED',
  /** A privacy officer deferred the family's notice of an emergency access, with a reason, until a date (docs/break-glass.md). */
  'DEFER_BREAK_GLASS_NOTICE',
  /** A member read the notice of an emergency access about their reach, with its justification (docs/break-glass.md). */
  'READ_BREAK_GLASS_NOTICE',
  'EXPORT_ACCESS_LOG',
  'ROTATE_KEY_ENCRYPTION_KEY',
  'ERASE_FAMILY',
  /** The circle (DESIGN.md §9): who is involved, since when, and their contact. */
  'READ_CIRCLE',
  /** An organisation with a statutory task shielded its involvement from named members. */
  'SHIELD_INVOLVEMENT',
  /** The shielding organisation lifted a shielding: the member may see the involvement again. */
  'LIFT_SHIELDING',
  /** A privacy officer read the list of shieldings. */
  'READ_SHIELDINGS',
  /** Case direction handed over to a professional of another involved organisation, with a note. */
  'TRANSFER_CASE_DIRECTION',
  /** A member asked for another case director. */
  'REQUEST_OTHER_CASE_DIRECTOR',
  /** A team lead read the members' requests for another case director. */
  'READ_CASE_DIRECTOR_REQUESTS',
  /** The family plan (DESIGN.md §9) was read: by a professional for a purpose, or by a member. */
  'READ_FAMILY_PLAN',
  /** A plan item was added or changed (a new version of the plan). */
  'WRITE_PLAN_ITEM',
  /** A member or the case director agreed with the plan as it stood, or withdrew that agreement. */
  'AGREE_TO_PLAN',
  'WITHDRAW_PLAN_AGREEMENT',
  /** A member chose to show a plan item to the whole family, or took that back. */
  'SHOW_PLAN_ITEM_TO_FAMILY',
  /** A member wrote (a new version of) our story about themselves or a child in their reach. */
  'WRITE_OUR_STORY',
  /** A professional started a thread around the family (DESIGN.md §9, kringberichten), with its topic and who takes part. */
  'START_THREAD',
  /** A thread was read: its topic and who takes part (a list of threads), or a page of its messages. */
  'READ_THREAD',
  /** A message was posted in a thread. */
  'POST_MESSAGE',
  /** Its author withdrew a message: its text destroyed, a tombstone left. */
  'WITHDRAW_MESSAGE',
  /** A member joined a thread about their reach. */
  'JOIN_THREAD',
  /** A professional, or a member for their reach, raised an escalation (DESIGN.md §9, doorbraak): what blocks, what was tried. */
  'RAISE_ESCALATION',
  /** Escalations were read: a family's, a member's own, or a team lead's queue. */
  'READ_ESCALATIONS',
  /** A team lead took an escalation on, with its decision deadline. */
  'TAKE_ON_ESCALATION',
  /** A team lead recorded the breakthrough decision of an escalation. */
  'DECIDE_ESCALATION',
  /** An administrator registered an organisation of the chain (docs/administration.md). */
  'REGISTER_ORGANISATION',
  /** An administrator registered a professional: name, roles, contact, the identity broker's subject. */
  'REGISTER_PROFESSIONAL',
  /** An administrator changed a professional's roles. */
  'CHANGE_PROFESSIONAL_ROLES',
  /** An administrator deactivated a professional: no token of theirs is accepted from then on. */
  'DEACTIVATE_PROFESSIONAL',
  /** An administrator read the directory of professionals (names and contacts are staff data). */
  'READ_DIRECTORY',
  /** A professional published a service of their organisation on the social map (DESIGN.md §9, sociale kaart). No personal data. */
  'PUBLISH_SERVICE',
  /** A professional changed what the social map says about one of their organisation's services; the entry names the fields changed. */
  'UPDATE_SERVICE',
  /** A professional stated a service's waiting time (stamped today). */
  'SET_WAITING_TIME',
  /** A professional took a service of their organisation off the social map. */
  'WITHDRAW_SERVICE',
  /** A professional referred a member to a service on the social map, proposing the consent it needs (docs/referral.md). */
  'REFER_TO_SERVICE',
  /** Referrals were read: a family's, a member's own, or those to the caller's organisation. */
  'READ_REFERRALS',
  /** The receiving organisation accepted a referral: it is involved from that day. */
  'ACCEPT_REFERRAL',
  /** The receiving organisation declined a referral, with a reason. */
  'DECLINE_REFERRAL',
  /** The referring organisation withdrew a referral still proposed. */
  'WITHDRAW_REFERRAL',
  /** A privacy officer looked a member up by BSN (through its blind index; the BSN itself is never stored) to filter the log on them. */
  'LOOK_UP_MEMBER_BY_BSN',
  /** A privacy officer looked members up by name (compared in memory, never stored) to filter the log on them. */
  'LOOK_UP_MEMBERS_BY_NAME',
  /** A privacy officer looked professionals up by name to filter the log on them. */
  'LOOK_UP_PROFESSIONALS',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** What an entry is about; its ids are in the entry's target ids. */
export const TARGET_KINDS = ['FAMILY', 'MEMBER', 'RECORD', 'INVOLVEMENT', 'CONSENT', 'BREAK_GLASS', 'PLAN_ITEM', 'THREAD', 'MESSAGE', 'ESCALATION', 'ORGANISATION', 'PROFESSIONAL', 'SERVICE', 'REFERRAL'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Why an allowed access or change was lawful (DESIGN.md §4); a refusal has none.
 * INVOLVED_ORGANISATION: an organisation involved today sees who else is involved (the circle, docs/circle.md).
 * SHOWN_TO_FAMILY: a member reads a plan item about others that they chose to show the whole family (docs/family-plan.md).
 * OVERSIGHT: the chain privacy officer's supervision of what another organisation of the chain did (GDPR art. 39), e.g.
 * reading its shieldings; not the organisation's own record, and no statutory task of its domain. Also a privacy officer's
 * lookup of a member or professional (by BSN or name) to filter the log on them (docs/access-log.md).
 */
export const BASES = ['OWN_RECORD', 'STATUTORY_TASK', 'CONSENT', 'BREAK_GLASS', 'DATA_SUBJECT', 'INVOLVED_ORGANISATION', 'SHOWN_TO_FAMILY', 'OVERSIGHT'] as const;
export type Basis = (typeof BASES)[number];

/** Who acted. Professionals are named by id (their name is for privacy officers only); citizens by member id. */
export const ACTOR_KINDS = ['PROFESSIONAL', 'CITIZEN', 'SYSTEM'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Whether a decision let the data through. */
export const DECISIONS = ['ALLOWED', 'DENIED'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * An entry's outcome over its decisions: every one allowed, every one denied, or some of
 * each (a read that showed some categories and withheld others). Entries written before
 * the log's shape of DESIGN.md §10 hold one decision, so ALLOWED or DENIED.
 */
export const ENTRY_OUTCOMES = ['ALLOWED', 'DENIED', 'PARTLY_ALLOWED'] as const;
export type EntryOutcome = (typeof ENTRY_OUTCOMES)[number];

/** Whether a stored or typed-in value is one of the words of a list (a filter's input, a stored row). */
export function isOneOf<Word extends string>(words: readonly Word[], value: string): value is Word {
  return (words as readonly string[]).includes(value);
}
