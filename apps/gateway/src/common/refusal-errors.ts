import { NETWORK_PERSON_LENGTH, PLAN_TEXT_LENGTH, type WritePlanItemRefusal } from '@kring/family-plan';
import { MAX_THREAD_PROFESSIONALS, MESSAGE_BODY_LENGTH, THREAD_TOPIC_LENGTH, type PostMessageRefusal, type StartThreadRefusal, type WithdrawMessageRefusal } from '@kring/messages';
import { ESCALATION_BUDGET_CENTS, ESCALATION_TEXT_LENGTH, type DecideEscalationRefusal, type RaiseEscalationRefusal, type TakeOnEscalationRefusal } from '@kring/escalation';
import { cutToCodePoints, LOGGED_PURPOSE_MAX_CODE_POINTS } from '@kring/audit';
import { BREAK_GLASS_PURPOSE, DEFERRAL_REASON_LENGTH, JUSTIFICATION_LENGTH, MAX_DEFERRAL_DAYS, MAX_DURATION_MINUTES, type ConsultedColleagueRefusal, type DeferNoticeRefusal, type OpenBreakGlassRefusal, type ReviewBreakGlassRefusal } from '@kring/break-glass';
import {
  CapacityBand,
  MAX_VALIDITY_MONTHS,
  type CapacityRefusal,
  type ConsentTermsRefusal,
  type GrantConsentRefusal,
  type ProposeConsentRefusal,
  type RevokeConsentRefusal,
  type SignConsentRefusal,
} from '@kring/consent';
import {
  ERASURE_REASON_LENGTH,
  HANDOVER_NOTE_LENGTH,
  REQUEST_REASON_LENGTH,
  SHIELDING_REASON_LENGTH,
  type EraseFamilyRefusal,
  type LiftShieldingRefusal,
  type ShieldingStandingRefusal,
  type RequestOtherCaseDirectorRefusal,
  type ShieldInvolvementRefusal,
  type TransferCaseDirectionRefusal,
  type WriteOurStoryRefusal,
} from '@kring/family-file';
import { PurposeRefusal } from '@kring/policy';
import {
  CONTACT_LENGTH,
  DIRECTORY_NAME_LENGTH,
  SUBJECT_LENGTH,
  type OrganisationRegistrationRefusal,
  type ProfessionalRegistrationRefusal,
} from '@kring/identity';
import {
  CONTACT_FIELD_LENGTH,
  MAX_MUNICIPALITIES,
  SERVICE_AGE,
  SERVICE_DESCRIPTION_LENGTH,
  SERVICE_NAME_LENGTH,
  WAITING_WEEKS,
  type PublishServiceRefusal,
  type ServiceChangeRefusal,
  type StateWaitingTimeRefusal,
} from '@kring/social-map';
import {
  DECLINE_REASON_LENGTH,
  REFERRAL_NOTE_LENGTH,
  type AcceptReferralRefusal,
  type DeclineReferralRefusal,
  type ReferToServiceRefusal,
  type WithdrawReferralRefusal,
} from '@kring/referral';
import { badInput, ErrorCode, forbidden, KringError, notFound } from './kring-error';

/*
 * The one map from the libraries' typed refusals to the API's errors (code and message). The
 * libraries decide and say why in their own vocabulary; only here does a reason become an
 * `extensions.code` and words a caller reads. Every switch is exhaustive: a reason nobody
 * maps does not compile.
 */

/** A purpose code the catalogue does not have. The code is the caller's own text: quoted, and cut as the log cuts it. */
function unknownPurpose(code: string, details: Readonly<Record<string, string>> = {}): KringError {
  return new KringError(ErrorCode.UNKNOWN_PURPOSE, `Purpose ${JSON.stringify(cutToCodePoints(code, LOGGED_PURPOSE_MAX_CODE_POINTS))} is not in the purpose catalogue; see \`purposes\`.`, details);
}

/** A declared purpose that cannot be used for a read. */
export function purposeRefusalError(refusal: PurposeRefusal, declared: { code: string | null | undefined; domain: string }): KringError {
  switch (refusal) {
    case PurposeRefusal.PURPOSE_REQUIRED:
      return new KringError(ErrorCode.PURPOSE_REQUIRED, 'Declare the purpose of this read (one of the codes of `purposes`).');
    case PurposeRefusal.UNKNOWN_PURPOSE:
      return unknownPurpose(declared.code ?? '');
    case PurposeRefusal.PURPOSE_NOT_FOR_DOMAIN:
      return new KringError(ErrorCode.FORBIDDEN, `Organisations of domain ${declared.domain} may not use purpose ${declared.code ?? ''}.`);
  }
}

/** The capacity rule's refusal, as the member reads it. */
function capacityRefused(refusal: CapacityRefusal, action: 'grant' | 'sign' | 'revoke'): KringError {
  switch (refusal.reason) {
    case 'BIRTH_DATE_UNREADABLE':
      return new KringError(ErrorCode.DATA_INTEGRITY, `This member's stored birth date failed its integrity check, so who may ${action} this consent cannot be established. Nothing was changed.`);
    case 'NOT_A_DECIDER': {
      const who: Record<CapacityBand, string> = {
        [CapacityBand.PARENT_SIGNS]: 'For a member under 12, a parent with authority decides',
        [CapacityBand.CHILD_AND_PARENT_SIGN]: 'For a member aged 12 to 15, the member and a parent with authority decide together',
        [CapacityBand.SUBJECT_SIGNS]: 'From 16, members decide on their own consent',
      };
      return new KringError(ErrorCode.CONSENT_CAPACITY, `${who[refusal.band]}; you cannot ${action} this consent.`);
    }
  }
}

/** Terms that cannot be granted, as the member reads them. */
export function termsRefused(refusal: ConsentTermsRefusal): KringError {
  switch (refusal.reason) {
    case 'RECIPIENT_NOT_EXACTLY_ONE':
      return badInput('recipientOrganisationId', 'or recipientDomain must be given, not both');
    case 'NO_CATEGORIES':
      return badInput('categories', 'must name at least one data category');
    case 'NO_PURPOSES':
      return badInput('purposes', 'must name at least one purpose');
    case 'UNKNOWN_PURPOSE':
      return unknownPurpose(refusal.purpose, { field: 'purposes' });
    case 'VALID_FROM_IN_THE_PAST':
      return badInput('validFrom', 'cannot lie in the past');
    case 'VALID_UNTIL_NOT_AFTER_VALID_FROM':
      return badInput('validUntil', 'must be after validFrom');
    case 'VALIDITY_OVER_TWELVE_MONTHS':
      return badInput('validUntil', `must be at most ${MAX_VALIDITY_MONTHS} months after validFrom; renew the consent after that`);
  }
}

/** A grant refused after its terms were checked: no such member, an unregistered recipient, or capacity. */
export function grantRefused(refusal: GrantConsentRefusal): KringError {
  switch (refusal.reason) {
    case 'SUBJECT_NOT_FOUND':
      return notFound('member');
    case 'RECIPIENT_NOT_REGISTERED':
      return badInput('recipientOrganisationId', 'is not a registered organisation');
    case 'BIRTH_DATE_UNREADABLE':
    case 'NOT_A_DECIDER':
      return capacityRefused(refusal, 'grant');
  }
}

/** A signature refused: the consent ended, or capacity. */
export function signRefused(refusal: SignConsentRefusal): KringError {
  switch (refusal.reason) {
    case 'CONSENT_ENDED':
      return badInput('id', `names a consent that is ${refusal.status.toLowerCase()}; grant a new one`);
    case 'BIRTH_DATE_UNREADABLE':
    case 'NOT_A_DECIDER':
      return capacityRefused(refusal, 'sign');
  }
}

/** A revocation refused: its reason too long, or capacity. */
export function revokeRefused(refusal: RevokeConsentRefusal): KringError {
  switch (refusal.reason) {
    case 'REASON_TOO_LONG':
      return revocationReasonTooLong();
    case 'BIRTH_DATE_UNREADABLE':
    case 'NOT_A_DECIDER':
      return capacityRefused(refusal, 'revoke');
  }
}

/** A revocation's reason over its limit. */
export function revocationReasonTooLong(): KringError {
  return badInput('reason', 'must be at most 1000 characters');
}

/** The refusals of opening emergency access, as the caller reads them. */
export function openRefused(refusal: OpenBreakGlassRefusal, domain: string): KringError {
  switch (refusal.reason) {
    case 'JUSTIFICATION_TOO_SHORT':
      return badInput('justification', `must explain in at least ${JUSTIFICATION_LENGTH.min} characters why you fear for a child's safety and cannot ask`);
    case 'JUSTIFICATION_TOO_LONG':
      return badInput('justification', `must be at most ${JUSTIFICATION_LENGTH.max} characters`);
    case 'DURATION_OUT_OF_RANGE':
      return badInput('durationMinutes', `must be between 1 and ${MAX_DURATION_MINUTES}`);
    case 'CATEGORY_NOT_ALLOWED':
      return badInput('categories', 'must be CONTACT, HOUSEHOLD and/or SAFETY');
    case 'PURPOSE_NOT_FOR_DOMAIN':
      return forbidden(`Organisations of domain ${domain} may not use purpose ${BREAK_GLASS_PURPOSE}.`);
  }
}

/** The refusals of the consulted colleague named when opening emergency access; `extensions.refusal` names which. */
export function consultedColleagueRefused(refusal: ConsultedColleagueRefusal): KringError {
  const field = 'consultedProfessionalId';
  const refuse = (message: string) => new KringError(ErrorCode.BAD_USER_INPUT, `${field} ${message}.`, { field, refusal: refusal.reason });
  switch (refusal.reason) {
    case 'CONSULTED_COLLEAGUE_REQUIRED':
      return refuse('must name the colleague you consulted before opening emergency access (the meldcode asks for it)');
    case 'SELF':
      return refuse('must name a colleague other than yourself');
    case 'UNKNOWN_COLLEAGUE':
      return refuse('names no professional in the directory');
    case 'NOT_A_COLLEAGUE':
      return refuse('must name a professional of an organisation involved with the family today, or a Veilig Thuis advisor');
  }
}

/** The refusals of the members a grant concerns. */
export function concernedMembersRefused(): KringError {
  return new KringError(ErrorCode.BAD_USER_INPUT, 'memberIds must name members of this family.', { field: 'memberIds', refusal: 'UNKNOWN_MEMBER' });
}

/** The refusals of deferring the family's notice of emergency access. */
export function deferRefused(refusal: DeferNoticeRefusal): KringError {
  switch (refusal.reason) {
    case 'REASON_LENGTH':
      return new KringError(ErrorCode.BAD_USER_INPUT, `reason must be ${DEFERRAL_REASON_LENGTH.min} to ${DEFERRAL_REASON_LENGTH.max} characters.`, { field: 'reason', refusal: refusal.reason });
    case 'UNTIL_OUT_OF_RANGE':
      return new KringError(ErrorCode.BAD_USER_INPUT, `until must lie after now and at most ${MAX_DEFERRAL_DAYS} days ahead.`, { field: 'until', refusal: refusal.reason });
    case 'NOT_FOUND':
      return notFound('break-glass grant');
    case 'OWN_GRANT':
      return forbidden('Nobody defers the family\'s notice of their own emergency access.');
  }
}

/** The refusals of a review, as the officer reads them. */
export function reviewRefused(refusal: ReviewBreakGlassRefusal): KringError {
  switch (refusal.reason) {
    case 'NOTE_LENGTH':
      return badInput('note', 'must be 1 to 2000 characters');
    case 'NOT_FOUND':
      return notFound('break-glass grant');
    case 'OWN_GRANT':
      return forbidden('Nobody reviews their own emergency access.');
    case 'ALREADY_REVIEWED':
      return badInput('id', 'names a grant that has been reviewed already');
  }
}

/** The refusals of an erasure, as the chain privacy officer reads them. */
export function erasureRefused(refusal: EraseFamilyRefusal): KringError {
  switch (refusal.reason) {
    case 'REASON_LENGTH':
      return badInput('reason', `must be ${ERASURE_REASON_LENGTH.min} to ${ERASURE_REASON_LENGTH.max} characters: the request's reference and its ground, no personal data`);
    case 'NOT_FOUND':
      return notFound('family');
    case 'BREAK_GLASS_UNREVIEWED':
      return badInput('id', `has ${refusal.grants} break-glass grant(s) not yet reviewed; review them before erasing the family`);
  }
}

/** The refusals of a handover of case direction; `extensions.refusal` names which. */
export function transferRefused(refusal: TransferCaseDirectionRefusal): KringError {
  switch (refusal) {
    case 'NOTE_LENGTH':
      return badInput('note', `must be ${HANDOVER_NOTE_LENGTH.min} to ${HANDOVER_NOTE_LENGTH.max} characters`);
    case 'NOT_CASE_DIRECTOR':
      return new KringError(ErrorCode.FORBIDDEN, 'Only the case director, or a team lead of their organisation, may hand case direction over.', { refusal });
    case 'TARGET_NOT_INVOLVED':
      return new KringError(ErrorCode.BAD_USER_INPUT, 'toProfessionalId is not a professional of another organisation involved with this family today.', { field: 'toProfessionalId', refusal });
  }
}

/** The refusals of a member's request for another case director. */
export function caseDirectorRequestRefused(refusal: RequestOtherCaseDirectorRefusal): KringError {
  switch (refusal) {
    case 'REASON_LENGTH':
      return badInput('reason', `must be ${REQUEST_REASON_LENGTH.min} to ${REQUEST_REASON_LENGTH.max} characters`);
    case 'NOT_OWN_NAME':
      return forbidden('A member asks for another case director in their own name.');
  }
}

/** The refusals of a shielding. */
export function shieldRefused(refusal: ShieldInvolvementRefusal): KringError {
  switch (refusal) {
    case 'REASON_LENGTH':
      return badInput('reason', `must be ${SHIELDING_REASON_LENGTH.min} to ${SHIELDING_REASON_LENGTH.max} characters`);
    case 'NO_MEMBERS':
      return badInput('memberIds', 'must name at least one member');
    case 'NOT_A_MEMBER':
      return badInput('memberIds', 'names someone who is not a member of this family');
    case 'ALREADY_SHIELDED':
      return badInput('memberIds', 'names a member from whom this involvement is shielded already');
    case 'NOT_OWN_INVOLVEMENT':
    case 'NO_STATUTORY_TASK':
    case 'NOT_CASEWORK':
      return standingRefused(refusal);
  }
}

/** The refusals of lifting a shielding; who may is the rule of who may shield. */
export function liftRefused(refusal: LiftShieldingRefusal): KringError {
  switch (refusal) {
    case 'REASON_LENGTH':
      return badInput('reason', `must be ${SHIELDING_REASON_LENGTH.min} to ${SHIELDING_REASON_LENGTH.max} characters`);
    case 'ALREADY_LIFTED':
      return badInput('shieldingId', 'names a shielding that has been lifted already');
    case 'NOT_OWN_INVOLVEMENT':
    case 'NO_STATUTORY_TASK':
    case 'NOT_CASEWORK':
      return standingRefused(refusal);
  }
}

/** Refusing another organisation's involvement says no more than FORBIDDEN. */
function standingRefused(refusal: ShieldingStandingRefusal): KringError {
  switch (refusal) {
    case 'NOT_OWN_INVOLVEMENT':
      return forbidden('Only the organisation whose involvement it is may shield it or lift its shieldings.');
    case 'NO_STATUTORY_TASK':
      return forbidden('Only an organisation with a statutory task (such as Veilig Thuis) may shield its involvement or lift its shieldings.');
    case 'NOT_CASEWORK':
      return forbidden('Shielding is for the professionals who work with the family.');
  }
}

/** The refusals of a plan write (docs/family-plan.md): who may not gets FORBIDDEN, what cannot be gets BAD_USER_INPUT; each names its refusal. */
export function planWriteRefused(refusal: WritePlanItemRefusal): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal });
  const no = (message: string) => new KringError(ErrorCode.FORBIDDEN, message, { refusal });
  switch (refusal) {
    case 'UNKNOWN_KIND':
      return bad('kind', 'is not a kind of plan item.');
    case 'TEXT_LENGTH':
      return bad('text', `must be ${PLAN_TEXT_LENGTH.min} to ${PLAN_TEXT_LENGTH.max} characters.`);
    case 'NO_SUBJECTS':
      return bad('subjectMemberIds', 'must name at least one member.');
    case 'NOT_A_MEMBER':
      return bad('subjectMemberIds', 'names someone who is not a member of this family.');
    case 'CATEGORY_NOT_FOR_PLAN':
      return bad('category', 'cannot be the topic of a plan item (who someone is, and their BSN, are not plan matters).');
    case 'STATUS_NOT_FOR_KIND':
      return bad('status', 'is not a status of this kind of item (a goal: OPEN, REACHED, DROPPED; an action: PLANNED, DONE, CANCELLED).');
    case 'ACTOR_REQUIRED':
      return bad('actor', 'is required for an action: an organisation, a member, or a person of the family\'s network.');
    case 'ACTOR_NOT_FOR_KIND':
      return bad('actor', 'is only for actions.');
    case 'ACTOR_NOT_INVOLVED':
      return bad('actor.organisationId', 'is not involved with this family today.');
    case 'NETWORK_PERSON_LENGTH':
      return bad('actor.name', `must be ${NETWORK_PERSON_LENGTH.min} to ${NETWORK_PERSON_LENGTH.max} characters.`);
    case 'DUE_DATE':
      return bad('dueOn', 'is not a date (YYYY-MM-DD).');
    case 'REVIEW_DATE_REQUIRED':
      return bad('dueOn', 'is required: the review date.');
    case 'UNKNOWN_ITEM':
      return new KringError(ErrorCode.NOT_FOUND, 'There is no such item in this plan.', { field: 'itemId', refusal });
    case 'KIND_CHANGED':
      return bad('kind', 'differs from the item\'s kind; write a new item instead.');
    case 'ACTOR_NOT_ALLOWED':
      return no('A member\'s action is carried out by a member or someone of the family\'s network; a professional\'s by their own organisation.');
    case 'NOT_YOURS':
      return no('An item is changed by whoever wrote it: the family, or the same organisation.');
    case 'OUTSIDE_REACH':
      return no('You write the plan for yourself and the children under 16 over whom you hold authority.');
    case 'NOT_CASE_DIRECTOR':
      return no('Only the case director sets the review date and agrees with the plan for the professionals.');
    case 'NOT_FOR_WRITER':
      return no('The family writes its own words; professionals write their organisation\'s actions and propose goals.');
  }
}

/** The refusals of writing our story. A member outside the writer's reach answers like one that does not exist. */
export function ourStoryRefused(refusal: WriteOurStoryRefusal): KringError {
  switch (refusal) {
    case 'TEXT_LENGTH':
      return badInput('text', 'must be 1 to 4000 characters');
    case 'NOT_IN_REACH':
      return notFound('member');
  }
}

/** The access rule closed a thread to the caller: FORBIDDEN, with the rule's reason (a consent revoked, an involvement ended, capacity lapsed). */
function threadClosed(refusal: 'THREAD_CLOSED' | 'CLOSED_TO_STARTER', reason: string): KringError {
  const what = refusal === 'CLOSED_TO_STARTER' ? 'You could not read this thread yourself' : 'This thread is closed to you now';
  return new KringError(ErrorCode.FORBIDDEN, `${what}: the access rule does not allow its category about every member it is about for its purpose (${reason}).`, { refusal, reason });
}

/** The refusals of starting a thread (docs/messages.md); each names its refusal. */
export function startThreadRefused(refusal: StartThreadRefusal, reason: string | undefined): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal });
  switch (refusal) {
    case 'TOPIC_LENGTH':
      return bad('topic', `must be ${THREAD_TOPIC_LENGTH.min} to ${THREAD_TOPIC_LENGTH.max} characters.`);
    case 'NO_SUBJECTS':
      return bad('subjectMemberIds', 'must name at least one member.');
    case 'NOT_A_MEMBER':
      return bad('subjectMemberIds', 'names someone who is not a member of this family.');
    case 'CATEGORY_NOT_FOR_THREAD':
      return bad('category', 'cannot be what a thread is about (who someone is, and their BSN, are not topics).');
    case 'TOO_MANY_PARTICIPANTS':
      return bad('participantProfessionalIds', `may name at most ${MAX_THREAD_PROFESSIONALS - 1} others.`);
    case 'PARTICIPANT_NOT_INVOLVED':
      return bad('participantProfessionalIds', 'names someone who is not a professional (PROFESSIONAL or TEAM_LEAD) of an organisation involved with this family today.');
    case 'PURPOSE_NOT_FOR_PARTICIPANT':
      return bad('participantProfessionalIds', "names a professional whose organisation's domain may not use this purpose.");
    case 'NOT_SHARED_WHOLE':
      return bad('subjectMemberIds', 'names members together whom not everyone this thread may not be kept from can read whole (both parents; a child of 16 or older with a younger one): start one thread per member.');
    case 'BODY_LENGTH':
      return bad('firstMessage', `must be ${MESSAGE_BODY_LENGTH.min} to ${MESSAGE_BODY_LENGTH.max} characters.`);
    case 'CLOSED_TO_STARTER':
      return threadClosed(refusal, reason ?? 'NO_CONSENT');
  }
}

/** The refusals of posting a message. */
export function postMessageRefused(refusal: PostMessageRefusal, reason: string | undefined): KringError {
  switch (refusal) {
    case 'BODY_LENGTH':
      return new KringError(ErrorCode.BAD_USER_INPUT, `body must be ${MESSAGE_BODY_LENGTH.min} to ${MESSAGE_BODY_LENGTH.max} characters.`, { field: 'body', refusal });
    case 'NOT_A_PARTICIPANT':
      return notParticipating();
    case 'THREAD_CLOSED':
      return threadClosed(refusal, reason ?? 'NO_CONSENT');
  }
}

/** A member reads and posts in a thread once they joined it. */
export function notParticipating(): KringError {
  return new KringError(ErrorCode.FORBIDDEN, 'You take part in this thread once you join it (joinThread).', { refusal: 'NOT_A_PARTICIPANT' });
}

/** The closed thread of a page read. */
export function threadClosedToReader(reason: string): KringError {
  return threadClosed('THREAD_CLOSED', reason);
}

/** The refusals of withdrawing a message. */
export function withdrawMessageRefused(refusal: WithdrawMessageRefusal): KringError {
  switch (refusal) {
    case 'UNKNOWN_MESSAGE':
      return new KringError(ErrorCode.NOT_FOUND, 'No message with this id is known to you.', { refusal });
    case 'NOT_YOUR_MESSAGE':
      return new KringError(ErrorCode.FORBIDDEN, 'A message is withdrawn by whoever wrote it.', { refusal });
    case 'ALREADY_WITHDRAWN':
      return new KringError(ErrorCode.BAD_USER_INPUT, 'This message was withdrawn already.', { field: 'id', refusal });
  }
}

/** The refusals of raising an escalation (docs/escalation.md); each names its refusal. */
export function raiseEscalationRefused(refusal: RaiseEscalationRefusal, reason: string | undefined): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal });
  const length = `must be ${ESCALATION_TEXT_LENGTH.min} to ${ESCALATION_TEXT_LENGTH.max} characters.`;
  switch (refusal) {
    case 'NOT_ALLOWED':
      return new KringError(ErrorCode.FORBIDDEN, 'You are not allowed to raise an escalation about this family.', { refusal });
    case 'NO_SUBJECTS':
      return bad('subjectMemberIds', 'must name at least one member.');
    case 'NOT_A_MEMBER':
      return bad('subjectMemberIds', 'names someone who is not a member of this family.');
    case 'NOT_IN_REACH':
      return bad('subjectMemberIds', 'names someone outside your reach: you raise an escalation about yourself and the children under 16 in your care.');
    case 'CATEGORY_NOT_FOR_ESCALATION':
      return bad('category', 'is required, and cannot be PERSONAL_IDENTITY or NATIONAL_ID.');
    case 'BLOCKING_ORGANISATION':
      return bad('blockingOrganisationId', 'names a known organisation when what blocks is an ORGANISATION, and is left out otherwise.');
    case 'BLOCKS_LENGTH':
      return bad('blocks', length);
    case 'TRIED_LENGTH':
      return bad('tried', length);
    case 'CLOSED_TO_RAISER':
      return new KringError(ErrorCode.FORBIDDEN, `You could not read this escalation yourself: the access rule does not allow its category for its purpose (${reason ?? 'PURPOSE_EXCLUDES_CATEGORY'}).`, { refusal, reason: reason ?? 'PURPOSE_EXCLUDES_CATEGORY' });
  }
}

/** The refusals of taking an escalation on. */
export function takeOnEscalationRefused(refusal: TakeOnEscalationRefusal): KringError {
  switch (refusal) {
    case 'NOT_A_TEAM_LEAD':
      return new KringError(ErrorCode.FORBIDDEN, 'An escalation is taken on by a team lead of an organisation involved with the family today.', { refusal });
    case 'ALREADY_TAKEN_ON':
      return new KringError(ErrorCode.BAD_USER_INPUT, 'This escalation was taken on already.', { field: 'id', refusal });
    case 'SHIELDED_FROM_RAISER':
      return new KringError(ErrorCode.FORBIDDEN, 'Your organisation shielded its involvement from the member who raised this escalation: a team lead of another involved organisation takes it on.', { refusal });
  }
}

/** The refusals of deciding an escalation. */
export function decideEscalationRefused(refusal: DecideEscalationRefusal): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal });
  const length = `must be ${ESCALATION_TEXT_LENGTH.min} to ${ESCALATION_TEXT_LENGTH.max} characters.`;
  switch (refusal) {
    case 'NOT_TAKEN_ON':
      return bad('escalationId', 'names an escalation nobody took on yet: take it on first (takeOnEscalation).');
    case 'ALREADY_DECIDED':
      return bad('escalationId', 'names an escalation decided already: a decision is final.');
    case 'NOT_YOURS':
      return new KringError(ErrorCode.FORBIDDEN, 'An escalation is decided by the team lead who took it on, or another team lead of their organisation.', { refusal });
    case 'DECISION_LENGTH':
      return bad('decision', length);
    case 'SET_ASIDE_LENGTH':
      return bad('setAside', length);
    case 'AUTHORITY_LENGTH':
      return bad('authority', length);
    case 'BUDGET_RANGE':
      return bad('budgetCents', `must be a whole number of cents from ${ESCALATION_BUDGET_CENTS.min} to ${ESCALATION_BUDGET_CENTS.max}.`);
  }
}

/** The refusals of registering an organisation or a professional, or of a professional's roles (docs/administration.md). */
export function registrationRefused(refusal: OrganisationRegistrationRefusal | ProfessionalRegistrationRefusal | 'OIN_TAKEN' | 'KVK_NUMBER_TAKEN' | 'SUBJECT_TAKEN'): KringError {
  const input = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal });
  switch (refusal) {
    case 'NAME_LENGTH':
      return input('name', `name must be ${DIRECTORY_NAME_LENGTH.min} to ${DIRECTORY_NAME_LENGTH.max} characters on one line.`);
    case 'UNKNOWN_DOMAIN':
      return input('domain', 'domain is not one of the domains of `Domain`.');
    case 'REGISTRATION_NUMBER_REQUIRED':
      return input('oin', 'Give the organisation\'s OIN or its KvK number.');
    case 'OIN_FORMAT':
      return input('oin', 'oin must be the 20 digits of an OIN.');
    case 'KVK_FORMAT':
      return input('kvkNumber', 'kvkNumber must be the 8 digits of a KvK number.');
    case 'OIN_TAKEN':
      return input('oin', 'An organisation with this OIN is registered already.');
    case 'KVK_NUMBER_TAKEN':
      return input('kvkNumber', 'An organisation with this KvK number is registered already.');
    case 'NO_ROLES':
      return input('roles', 'roles must name at least one role.');
    case 'UNKNOWN_ROLE':
      return input('roles', 'roles names a role that is not one of `ProfessionalRole`.');
    case 'CONTACT_LENGTH':
      return input('contact', `contact must be ${CONTACT_LENGTH.min} to ${CONTACT_LENGTH.max} characters on one line.`);
    case 'SUBJECT_FORMAT':
      return input('subject', `subject must be ${SUBJECT_LENGTH.min} to ${SUBJECT_LENGTH.max} printable ASCII characters without spaces, as the identity broker sends it.`);
    case 'SUBJECT_TAKEN':
      return input('subject', 'Another professional signs in with this subject.');
  }
}

/** The refusals of publishing or changing a service on the social map (docs/social-map.md); each names its input field. */
export function serviceRefused(refusal: PublishServiceRefusal | ServiceChangeRefusal | StateWaitingTimeRefusal): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, `${field} ${message}`, { field, refusal: refusal.reason });
  switch (refusal.reason) {
    case 'NOT_ALLOWED':
      return new KringError(ErrorCode.FORBIDDEN, 'A service is kept by the professionals of the organisation that offers it.', { refusal: refusal.reason });
    case 'WITHDRAWN':
      return new KringError(ErrorCode.BAD_USER_INPUT, 'This service was withdrawn: it is no longer on the map.', { field: 'id', refusal: refusal.reason });
    case 'NAME_LENGTH':
      return bad(refusal.field, `must be ${SERVICE_NAME_LENGTH.min} to ${SERVICE_NAME_LENGTH.max} characters.`);
    case 'DESCRIPTION_LENGTH':
      return bad(refusal.field, `must be ${SERVICE_DESCRIPTION_LENGTH.min} to ${SERVICE_DESCRIPTION_LENGTH.max} characters, in plain Dutch.`);
    case 'UNKNOWN_DOMAIN':
      return bad(refusal.field, 'is not a domain.');
    case 'AGE_OUT_OF_RANGE':
      return bad(refusal.field, `must be a whole number from ${SERVICE_AGE.min} to ${SERVICE_AGE.max}.`);
    case 'AGES_OUT_OF_ORDER':
      return bad(refusal.field, 'must not be below ageFrom.');
    case 'NO_PROBLEMS':
      return bad(refusal.field, 'must name at least one problem the service helps with.');
    case 'UNKNOWN_PROBLEM':
      return bad(refusal.field, 'names a problem code that does not exist.');
    case 'NO_MUNICIPALITIES':
      return bad(refusal.field, 'must name at least one municipality the service serves.');
    case 'TOO_MANY_MUNICIPALITIES':
      return bad(refusal.field, `may name at most ${MAX_MUNICIPALITIES} municipalities.`);
    case 'UNKNOWN_MUNICIPALITY':
      return bad(refusal.field, 'names a code that is not a municipality of the map (CBS codes such as GM0074; docs/social-map.md).');
    case 'NO_CONTACT':
      return bad(refusal.field, 'is missing: give at least one of phone, email, website or address.');
    case 'CONTACT_FIELD_LENGTH':
      return bad(refusal.field, `must be at most ${CONTACT_FIELD_LENGTH} characters.`);
    case 'CONTACT_FIELD_FORM':
      return bad(refusal.field, refusal.field === 'website' ? 'must be an http(s) address.' : refusal.field === 'email' ? 'must be an e-mail address.' : 'must be a phone number (digits, spaces, +, - and brackets).');
    case 'WAITING_WEEKS_OUT_OF_RANGE':
      return bad(refusal.field, `must be a whole number of weeks from ${WAITING_WEEKS.min} to ${WAITING_WEEKS.max}.`);
  }
}

/** The refusals of a referral (docs/referral.md); each names its refusal. */
export function referRefused(refusal: ReferToServiceRefusal): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal });
  switch (refusal) {
    case 'NOT_ALLOWED':
      return new KringError(ErrorCode.FORBIDDEN, 'Professionals and team leads of an organisation involved with this family today refer its members.', { refusal });
    case 'NOT_A_MEMBER':
      return bad('memberId', 'is not a member of this family.');
    case 'UNKNOWN_SERVICE':
      return bad('serviceId', 'names no service of the social map.');
    case 'SERVICE_WITHDRAWN':
      return bad('serviceId', 'names a service that was taken off the social map.');
    case 'OWN_ORGANISATION':
      return bad('serviceId', "names a service of your own organisation: a referral proposes another organisation's involvement.");
    case 'ALREADY_INVOLVED':
      return bad('serviceId', 'names a service of an organisation involved with this family today: it needs no referral.');
    case 'ALREADY_PROPOSED':
      return bad('serviceId', 'names a service this member has a proposed referral to already.');
    case 'NOTE_LENGTH':
      return bad('note', `must be at most ${REFERRAL_NOTE_LENGTH.max} characters.`);
  }
}

/** The refusals of the consent a referral proposes: its terms as any grant's, for the receiving organisation. */
export function proposalRefused(refusal: ProposeConsentRefusal): KringError {
  const bad = (field: string, message: string) => new KringError(ErrorCode.BAD_USER_INPUT, message, { field, refusal: refusal.reason });
  switch (refusal.reason) {
    case 'SUBJECT_NOT_FOUND':
      return bad('memberId', 'is not a member of this family.');
    case 'BIRTH_DATE_UNREADABLE':
      return new KringError(ErrorCode.DATA_INTEGRITY, "This member's stored birth date failed its integrity check, so who must sign the consent cannot be established. Nothing was changed.", { refusal: refusal.reason });
    case 'RECIPIENT_NOT_REGISTERED':
      return bad('serviceId', 'names a service whose organisation is not registered.');
    case 'PURPOSE_NOT_FOR_RECIPIENT':
      return bad('purpose', "is a purpose the receiving organisation's domain may not use.");
    case 'UNKNOWN_PURPOSE':
      return unknownPurpose(refusal.purpose, { field: 'purpose', refusal: refusal.reason });
    case 'NO_CATEGORIES':
      return bad('categories', 'must name at least one data category.');
    case 'NO_PURPOSES':
      return bad('purpose', 'is required.');
    case 'RECIPIENT_NOT_EXACTLY_ONE':
    case 'VALID_FROM_IN_THE_PAST':
    case 'VALID_UNTIL_NOT_AFTER_VALID_FROM':
    case 'VALIDITY_OVER_TWELVE_MONTHS':
      // The referral sets the recipient and the validity (twelve months from now) itself.
      return bad('input', `cannot be proposed as a consent (${refusal.reason}).`);
  }
}

/** The refusals of accepting, declining or withdrawing a referral. Not the caller's to answer: NOT_FOUND, as if it did not exist. */
export function answerReferralRefused(refusal: AcceptReferralRefusal | DeclineReferralRefusal | WithdrawReferralRefusal): KringError {
  switch (refusal) {
    case 'NOT_ALLOWED':
      return new KringError(ErrorCode.NOT_FOUND, 'No referral with this id is known to you.', { refusal });
    case 'NOT_PROPOSED':
      return new KringError(ErrorCode.BAD_USER_INPUT, 'id names a referral that was answered or withdrawn already.', { field: 'id', refusal });
    case 'CONSENT_NOT_ACTIVE':
      return new KringError(ErrorCode.BAD_USER_INPUT, 'The consent this referral carries is not active yet: everyone whose signature it needs signs it first (the family, in the portal).', { field: 'id', refusal });
    case 'REASON_LENGTH':
      return new KringError(ErrorCode.BAD_USER_INPUT, `reason must be ${DECLINE_REASON_LENGTH.min} to ${DECLINE_REASON_LENGTH.max} characters.`, { field: 'reason', refusal });
  }
}
