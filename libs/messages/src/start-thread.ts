import { DataCategory, isDataCategory } from '@kring/family-file';
import { MAX_THREAD_PROFESSIONALS, MESSAGE_BODY_LENGTH, THREAD_TOPIC_LENGTH } from './message-vocabulary';

/** What a professional asks for when starting a thread. */
export interface StartThreadRequest {
  readonly topic: string;
  readonly subjectMemberIds: readonly string[];
  readonly category: string;
  /** The purpose code, resolved in the catalogue for the starter's domain before this is asked. */
  readonly purpose: string;
  /** The other professionals to take part; the one who starts it always does. */
  readonly participantProfessionalIds?: readonly string[] | null;
  /** An opening message, posted with the thread. */
  readonly firstMessage?: string | null;
}

/** A professional named to take part, as the directory knows them. */
export interface CandidateProfessional {
  readonly professionalId: string;
  readonly organisationId: string;
  readonly domain: string;
  /** Whether they work with families (PROFESSIONAL or TEAM_LEAD); officers and administrators do not take part. */
  readonly casework: boolean;
}

export interface StartThreadFacts {
  readonly starter: { readonly professionalId: string; readonly organisationId: string };
  readonly familyMemberIds: readonly string[];
  /** The organisations involved with the family today. */
  readonly involvedOrganisationIds: readonly string[];
  /** The professionals named, by id, as found (one not found is absent). */
  readonly candidates: ReadonlyMap<string, CandidateProfessional>;
  /** The domains that may use the thread's purpose (the purpose catalogue). */
  readonly purposeDomains: readonly string[];
  /** Members the thread may not be kept from who could not read it whole (policy's `membersWhoCannotReadWhole`). */
  readonly membersWhoCannotReadWhole: readonly string[];
  /** The access rule's reason when the thread would be closed to the one starting it; null when it allows them. */
  readonly closedToStarter: string | null;
}

export type StartThreadRefusal =
  | 'TOPIC_LENGTH'
  | 'NO_SUBJECTS'
  | 'NOT_A_MEMBER'
  | 'CATEGORY_NOT_FOR_THREAD'
  | 'TOO_MANY_PARTICIPANTS'
  | 'PARTICIPANT_NOT_INVOLVED'
  | 'PURPOSE_NOT_FOR_PARTICIPANT'
  | 'NOT_SHARED_WHOLE'
  | 'BODY_LENGTH'
  | 'CLOSED_TO_STARTER';

/** The thread as it will be stored. */
export interface ThreadDraft {
  readonly topic: string;
  readonly subjectMemberIds: readonly string[];
  readonly category: DataCategory;
  readonly purpose: string;
  /** Who takes part from the start, the starter first. */
  readonly professionals: readonly { readonly professionalId: string; readonly organisationId: string }[];
  readonly firstMessage: string | null;
}

export type StartThreadDecision =
  | { readonly ok: true; readonly draft: ThreadDraft }
  | { readonly ok: false; readonly refusal: StartThreadRefusal; readonly reason?: string };

/** Categories no conversation is about: who someone is, and their BSN. */
const NOT_FOR_THREADS: readonly DataCategory[] = [DataCategory.PERSONAL_IDENTITY, DataCategory.NATIONAL_ID];

/**
 * Whether a professional may start this thread, and as what (DESIGN.md §9, *kringberichten*):
 * a topic of 1 to 200 characters; about one or more members of the family; a category a
 * conversation can be about; the professionals taking part all work with families at an
 * organisation involved today whose domain may use the thread's purpose (at most 20, the
 * starter included); subjects such that everyone the thread may not be kept from can read it
 * whole; an opening message of 1 to 4,000 characters if any; and, last, the access rule
 * allows the starter to read what they start. Ids are compared in lower case.
 */
export function startThread(request: StartThreadRequest, facts: StartThreadFacts): StartThreadDecision {
  const refuse = (refusal: StartThreadRefusal, reason?: string): StartThreadDecision => (reason === undefined ? { ok: false, refusal } : { ok: false, refusal, reason });
  const topic = request.topic.trim();
  if (topic.length < THREAD_TOPIC_LENGTH.min || topic.length > THREAD_TOPIC_LENGTH.max) return refuse('TOPIC_LENGTH');

  const members = facts.familyMemberIds.map((id) => id.toLowerCase());
  const named = [...new Set(request.subjectMemberIds.map((id) => id.toLowerCase()))].sort();
  if (named.length === 0) return refuse('NO_SUBJECTS');
  if (!named.every((id) => members.includes(id))) return refuse('NOT_A_MEMBER');
  if (!isDataCategory(request.category) || NOT_FOR_THREADS.includes(request.category)) return refuse('CATEGORY_NOT_FOR_THREAD');

  const starter = { professionalId: facts.starter.professionalId.toLowerCase(), organisationId: facts.starter.organisationId.toLowerCase() };
  const others = [...new Set((request.participantProfessionalIds ?? []).map((id) => id.toLowerCase()))].filter((id) => id !== starter.professionalId);
  if (others.length + 1 > MAX_THREAD_PROFESSIONALS) return refuse('TOO_MANY_PARTICIPANTS');
  const involved = facts.involvedOrganisationIds.map((id) => id.toLowerCase());
  const professionals = [starter];
  for (const id of others) {
    const candidate = facts.candidates.get(id);
    if (candidate === undefined || !candidate.casework || !involved.includes(candidate.organisationId.toLowerCase())) return refuse('PARTICIPANT_NOT_INVOLVED');
    if (!facts.purposeDomains.includes(candidate.domain)) return refuse('PURPOSE_NOT_FOR_PARTICIPANT');
    professionals.push({ professionalId: id, organisationId: candidate.organisationId.toLowerCase() });
  }
  if (facts.membersWhoCannotReadWhole.length > 0) return refuse('NOT_SHARED_WHOLE');

  const firstMessage = request.firstMessage === undefined || request.firstMessage === null ? null : request.firstMessage.trim();
  if (firstMessage !== null && (firstMessage.length < MESSAGE_BODY_LENGTH.min || firstMessage.length > MESSAGE_BODY_LENGTH.max)) return refuse('BODY_LENGTH');
  if (facts.closedToStarter !== null) return refuse('CLOSED_TO_STARTER', facts.closedToStarter);

  return { ok: true, draft: { topic, subjectMemberIds: named, category: request.category, purpose: request.purpose, professionals, firstMessage } };
}
