import { AbilityBuilder, createMongoAbility, subject as tagSubject, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { type Domain, type Principal, ProfessionalRole } from '@kring/identity';

/**
 * Kring's permission table: who may do which action on which kind of thing, and on which
 * ones (the conditions). It answers every "may this caller do this" question of the gateway:
 * the guard asks it per operation (may this caller ever do this?), services ask it per
 * object (may they do it to this one?), and list queries take their SQL conditions from the
 * same rules (permission-sql.ts), so a list and a single read cannot disagree.
 *
 * What it does not decide: which fields of a family file a professional may read. That is the
 * access rule of DESIGN.md §4 (access-rule.ts, `decideFieldAccess`), a pure function with its
 * own reference twin; the table only says who may ask for a file at all. Nor does it judge a
 * member's capacity to consent (12/16 years, authority): that is the consent use cases' work
 * (@kring/consent). Anything the table does not grant is refused (CASL denies by default).
 *
 * docs/permissions.md is this table in words, regenerated and compared by a test.
 */

/** What the table knows about the caller. A member's reach is only needed where a rule names it. */
export type PermissionActor =
  | {
      readonly kind: 'professional';
      readonly professionalId: string;
      readonly organisationId: string;
      readonly domain: Domain;
      readonly roles: readonly ProfessionalRole[];
    }
  | { readonly kind: 'member'; readonly memberId: string; readonly familyId: string; readonly reach: readonly string[] }
  /** Anyone, signed in or not: what is public (the social map). */
  | { readonly kind: 'anyone' };

/** The caller who has not signed in, as the table knows them. */
export const ANYONE: PermissionActor = { kind: 'anyone' };

/** The things permissions are about, with the facts their conditions read. */
export interface PermissionSubjects {
  /** A family's file. `involvedOrganisationIds`: the organisations involved with the family today. */
  FamilyFile: { readonly familyId: string; readonly involvedOrganisationIds: readonly string[] };
  /** A family as a whole: registering one, erasing one. */
  Family: { readonly familyId: string };
  /** An organisation's involvement with a family (registering one, ending one). */
  Involvement: { readonly familyId: string; readonly involvedOrganisationIds: readonly string[] };
  /** A record in a family's file. */
  FamilyRecord: { readonly familyId: string; readonly involvedOrganisationIds: readonly string[] };
  /** A consent: the family, the member it is about, to whom it is given, who is involved today. */
  Consent: {
    readonly familyId: string;
    readonly subjectMemberId: string;
    readonly recipientOrganisationId: string | null;
    readonly recipientDomain: string | null;
    readonly involvedOrganisationIds: readonly string[];
  };
  /** One entry of the access log. */
  AccessLogEntry: {
    readonly familyId: string | null;
    readonly actorOrganisationId: string | null;
    /** The organisations whose records the entry's decisions concern (any shape of the log). */
    readonly sourceOrganisationIds: readonly string[];
    readonly subjectMemberIds: readonly string[];
  };
  /**
   * One decision within an entry the caller may read: who acted, and whose record it was
   * about. An entry about a member lists the decisions about every organisation's records,
   * so an organisation's privacy officer reads an entry another organisation wrote only as
   * far as it concerns their own organisation's records.
   */
  AccessLogDecision: { readonly actorOrganisationId: string | null; readonly sourceOrganisationId: string | null };
  /** The access log as a whole: verifying its chains, signing checkpoints. */
  AccessLog: Record<string, never>;
  /** An emergency (break-glass) grant. */
  BreakGlassGrant: { readonly organisationId: string; readonly professionalId: string; readonly involvedOrganisationIds: readonly string[] };
  /**
   * The family's notice of an emergency grant (docs/break-glass.md): `concernedMemberIds` the
   * members it concerns (those named when it was opened, and those whose data was read under it).
   * Whether it is given yet (reviewed, not deferred) is the notice rule's (@kring/break-glass).
   */
  BreakGlassNotice: { readonly familyId: string; readonly concernedMemberIds: readonly string[] };
  /**
   * The circle of a family (DESIGN.md §9, *wie helpen er*): who is involved, since when, and
   * whom to reach there. Which involvements a caller then sees is the circle's rule (circle.ts).
   */
  Circle: { readonly familyId: string; readonly involvedOrganisationIds: readonly string[] };
  /**
   * An involvement shielded from named members (adding one, lifting one, the officers' list).
   * `organisationId`: the involvement's own organisation; `statutoryTask`: whether that
   * organisation's domain has a statutory task.
   */
  InvolvementShielding: {
    readonly familyId: string;
    readonly organisationId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly statutoryTask: boolean;
  };
  /**
   * Case direction of a family: which organisation holds it today (`directingOrganisationId`)
   * and who is its case director (`caseDirectorId`, the contact of that involvement); null when none.
   */
  CaseDirection: {
    readonly familyId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly directingOrganisationId: string | null;
    readonly caseDirectorId: string | null;
  };
  /** A member's story, in their own words (DESIGN.md §9, our story). `subjectMemberId`: whom it is about. */
  OurStory: { readonly familyId: string; readonly subjectMemberId: string };
  /** A member's request for another case director. `memberId`: who asked. */
  CaseDirectorRequest: { readonly familyId: string; readonly memberId: string; readonly involvedOrganisationIds: readonly string[] };
  /**
   * A family's plan (DESIGN.md §9). `caseDirectorId`: who holds case direction today (null when
   * nobody does). Which items a caller then reads is the plan's rule (family-plan.ts).
   */
  FamilyPlan: { readonly familyId: string; readonly involvedOrganisationIds: readonly string[]; readonly caseDirectorId: string | null };
  /**
   * A plan item to write or show to the family. `kind`: WORDS, GOAL, ACTION or REVIEW;
   * `subjectsInReach`: every member it is about is in the writing member's reach (false for a professional).
   */
  PlanItem: {
    readonly familyId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly caseDirectorId: string | null;
    readonly kind: string;
    readonly subjectsInReach: boolean;
  };
  /**
   * A thread around a family (DESIGN.md §9, *kringberichten*). `participantProfessionalIds`:
   * the professionals taking part; `subjectsInReach`: every member it is about is in the
   * asking member's reach (false for a professional). Whether a professional participant then
   * reads it is the access rule's (messages.ts, `decideThreadAccess`).
   */
  Thread: {
    readonly familyId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly participantProfessionalIds: readonly string[];
    readonly subjectsInReach: boolean;
  };
  /**
   * The messages of a thread: reading a page, posting, withdrawing one. `participantMemberIds`:
   * the members who joined; `authorProfessionalId` / `authorMemberId`: who wrote the message
   * to withdraw (null when posting or reading).
   */
  ThreadMessage: {
    readonly familyId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly participantProfessionalIds: readonly string[];
    readonly participantMemberIds: readonly string[];
    readonly subjectsInReach: boolean;
    readonly authorProfessionalId: string | null;
    readonly authorMemberId: string | null;
  };
  /**
   * An escalation around a family (DESIGN.md §9, *doorbraak*). `subjectsInReach`: every member it
   * is about is in the asking member's reach (false for a professional);
   * `takenOnByOrganisationId`: the organisation of the team lead who took it on (null while open).
   * Which of its texts a professional then reads is the access rule's (escalation.ts).
   */
  Escalation: {
    readonly familyId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly subjectsInReach: boolean;
    readonly takenOnByOrganisationId: string | null;
  };
  /**
   * A service on the social map (DESIGN.md §9, *sociale kaart*): public, no personal data.
   * `organisationId`: the organisation that offers it (publishes, changes, withdraws it).
   */
  Service: { readonly organisationId: string };
  /**
   * A referral of a member to a service on the social map (DESIGN.md §9, *verwijzing*).
   * `referringOrganisationId`: whose professional referred; `receivingOrganisationId`: the
   * service's organisation, which is not involved until it accepts; `subjectsInReach`: the member
   * referred is in the asking member's reach (false for a professional).
   */
  Referral: {
    readonly familyId: string;
    readonly involvedOrganisationIds: readonly string[];
    readonly subjectsInReach: boolean;
    readonly referringOrganisationId: string;
    readonly receivingOrganisationId: string;
  };
  /** The figures of escalations (counts, time to decision) of one organisation: `organisationId`. No personal data. */
  EscalationFigures: { readonly organisationId: string };
  /** The record of an erasure (its receipt). */
  Erasure: Record<string, never>;
  /** An organisation of the chain: registering one (docs/administration.md). */
  Organisation: Record<string, never>;
  /**
   * A professional in the chain's directory: reading the directory, registering one, changing
   * their roles, deactivating them. `professionalId`: whom it is about (null when registering).
   */
  Professional: { readonly professionalId: string | null; readonly organisationId?: string | null };
  /**
   * A family member as a privacy officer looks them up (by BSN, or by name) to filter the access
   * log on them. `loggedOrganisationIds`: the organisations that acted in, or whose records are
   * concerned by, an entry of the log about this member (other than a lookup): the same reach as reading the log.
   */
  FamilyMember: { readonly familyId: string; readonly memberId: string; readonly loggedOrganisationIds: readonly string[] };
  /** Reference data every signed-in caller reads: purposes, organisations, the section catalogue. */
  Catalogue: Record<string, never>;
}

export type PermissionSubjectType = keyof PermissionSubjects;

/** Every action, with the subjects it applies to. */
export const PERMISSION_ACTIONS = {
  read: ['FamilyFile', 'AccessLogEntry', 'AccessLogDecision', 'BreakGlassGrant', 'BreakGlassNotice', 'Erasure', 'Catalogue', 'Consent', 'Circle', 'InvolvementShielding', 'CaseDirectorRequest', 'FamilyPlan', 'Thread', 'ThreadMessage', 'Escalation', 'EscalationFigures', 'Service', 'Professional', 'Referral'],
  register: ['Family', 'Involvement', 'Organisation', 'Professional'],
  changeRoles: ['Professional'],
  deactivate: ['Professional'],
  end: ['Involvement'],
  add: ['FamilyRecord', 'InvolvementShielding', 'CaseDirectorRequest'],
  lift: ['InvolvementShielding'],
  transfer: ['CaseDirection'],
  write: ['PlanItem', 'OurStory'],
  show: ['PlanItem'],
  agree: ['FamilyPlan'],
  start: ['Thread'],
  join: ['Thread'],
  post: ['ThreadMessage'],
  withdraw: ['ThreadMessage', 'Service', 'Referral'],
  refer: ['Referral'],
  accept: ['Referral'],
  decline: ['Referral'],
  publish: ['Service'],
  update: ['Service'],
  raise: ['Escalation'],
  takeOn: ['Escalation'],
  decide: ['Escalation'],
  grant: ['Consent'],
  sign: ['Consent'],
  revoke: ['Consent'],
  issueReceipt: ['Consent'],
  export: ['AccessLogEntry', 'AccessLogDecision', 'Consent'],
  verify: ['AccessLog'],
  checkpoint: ['AccessLog'],
  open: ['BreakGlassGrant'],
  review: ['BreakGlassGrant'],
  defer: ['BreakGlassGrant'],
  erase: ['Family'],
  lookUp: ['FamilyMember', 'Professional'],
} as const satisfies Record<string, readonly PermissionSubjectType[]>;

export type PermissionAction = keyof typeof PERMISSION_ACTIONS;

type TaggedSubject = { [K in PermissionSubjectType]: PermissionSubjects[K] & ForcedSubject<K> }[PermissionSubjectType];

export type KringAbility = MongoAbility<[PermissionAction, PermissionSubjectType | TaggedSubject]>;

/** Casework: the roles that work with families (as opposed to officers and administrators). */
export const CASEWORK_ROLES: readonly ProfessionalRole[] = [ProfessionalRole.PROFESSIONAL, ProfessionalRole.TEAM_LEAD];
/** The roles that review the access log and emergency access. */
export const OFFICER_ROLES: readonly ProfessionalRole[] = [ProfessionalRole.PRIVACY_OFFICER, ProfessionalRole.CHAIN_PRIVACY_OFFICER];

/** The caller's ability: the table, bound to who they are. */
export function permissionsFor(actor: PermissionActor): KringAbility {
  const { can, cannot, build } = new AbilityBuilder<KringAbility>(createMongoAbility);
  // The social map is public: anyone reads it, signed in or not (no personal data in it).
  can('read', 'Service');
  if (actor.kind === 'anyone') return build();
  can('read', 'Catalogue');
  if (actor.kind === 'member') {
    // A member reads their family's file as it concerns their reach (the file hides the rest),
    // the consents and the log entries about their reach, and gives and withdraws consent for it.
    const family = actor.familyId;
    const reach = { $in: [...actor.reach] };
    can('read', 'FamilyFile', { familyId: family });
    // The circle of their family: who helps (circle.ts leaves out what is shielded from them).
    can('read', 'Circle', { familyId: family });
    // Asking for another case director: in their own name.
    can('add', 'CaseDirectorRequest', { familyId: family, memberId: actor.memberId });
    // The family plan: they read it (family-plan.ts decides which items), write the family's
    // words, goals and actions about their reach, agree with it, and choose what the whole
    // family sees (whether their choice counts is the capacity rule's).
    can(['read', 'agree'], 'FamilyPlan', { familyId: family });
    can('write', 'PlanItem', { familyId: family, kind: { $in: ['WORDS', 'GOAL', 'ACTION'] }, subjectsInReach: true });
    can('show', 'PlanItem', { familyId: family });
    // Threads about their reach: they see that one exists, its topic and who takes part, and may
    // always join it (DESIGN.md §9); once joined they read and post, and withdraw what they wrote.
    // Which threads are in their view at all is the messages rule's (messages.ts: shielding).
    const aboutReach = { familyId: family, subjectsInReach: true };
    can(['read', 'join'], 'Thread', aboutReach);
    can(['read', 'post'], 'ThreadMessage', { ...aboutReach, participantMemberIds: actor.memberId });
    can('withdraw', 'ThreadMessage', { ...aboutReach, authorMemberId: actor.memberId });
    // Escalations about their reach: they raise one, and see those about their reach with their
    // status and decision (escalation.ts leaves out what a shielded organisation took part in).
    can(['raise', 'read'], 'Escalation', aboutReach);
    // Referrals of a member of their reach: their status (referral-scope leaves out what a shielded organisation took part in).
    can('read', 'Referral', aboutReach);
    can(['read', 'grant', 'sign', 'revoke'], 'Consent', { familyId: family, subjectMemberId: reach });
    // Their signed consent receipts (ISO/IEC TS 27560), and the same consents as FHIR Consent resources (docs/consent-receipts.md).
    can(['issueReceipt', 'export'], 'Consent', { familyId: family, subjectMemberId: reach });
    // Our story: for themselves and their reach, in their own words. No professional writes one.
    can('write', 'OurStory', { familyId: family, subjectMemberId: reach });
    can(['read', 'export'], 'AccessLogEntry', { familyId: family, subjectMemberIds: reach });
    // The notice of an emergency access about their reach, once it is given (docs/break-glass.md).
    can('read', 'BreakGlassNotice', { familyId: family, concernedMemberIds: reach });
    // Every decision of such an entry is about their reach: entries are written per member.
    can(['read', 'export'], 'AccessLogDecision');
    return build();
  }
  const roles = new Set(actor.roles);
  const organisation = actor.organisationId;
  // Every professional sees the emergency grants they opened themselves.
  can('read', 'BreakGlassGrant', { professionalId: actor.professionalId });
  if (CASEWORK_ROLES.some((r) => roles.has(r))) {
    const involved = { involvedOrganisationIds: organisation };
    can('read', 'FamilyFile', involved);
    can('register', 'Family');
    can('register', 'Involvement', involved);
    can('end', 'Involvement', involved);
    can('add', 'FamilyRecord', involved);
    can('open', 'BreakGlassGrant', involved);
    can('read', 'Circle', involved);
    // Only for their own organisation's involvement, and only where its domain has a statutory task (Veilig Thuis); lifting a shielding likewise.
    can(['add', 'lift'], 'InvolvementShielding', { organisationId: organisation, involvedOrganisationIds: organisation, statutoryTask: true });
    // The case director hands case direction over (to whom is the use case's check: another involved organisation).
    can('transfer', 'CaseDirection', { caseDirectorId: actor.professionalId, involvedOrganisationIds: organisation });
    // The plan: read item by item through the access rule; their organisation's actions, and goals it proposes.
    can('read', 'FamilyPlan', involved);
    can('write', 'PlanItem', { involvedOrganisationIds: organisation, kind: { $in: ['GOAL', 'ACTION'] } });
    // The case director sets the review date, and agrees with the plan for the professionals.
    can('write', 'PlanItem', { involvedOrganisationIds: organisation, kind: 'REVIEW', caseDirectorId: actor.professionalId });
    can('agree', 'FamilyPlan', { involvedOrganisationIds: organisation, caseDirectorId: actor.professionalId });
    // Threads: they start one around a family their organisation is involved with, and take part
    // in those they were named in: read (through the access rule), post, withdraw what they wrote.
    const participant = { involvedOrganisationIds: organisation, participantProfessionalIds: actor.professionalId };
    can('start', 'Thread', involved);
    can('read', 'Thread', participant);
    can(['read', 'post'], 'ThreadMessage', participant);
    can('withdraw', 'ThreadMessage', { ...participant, authorProfessionalId: actor.professionalId });
    // Escalations: they raise one around a family their organisation is involved with, and see
    // that family's escalations (their texts through the access rule, escalation.ts).
    can(['raise', 'read'], 'Escalation', involved);
    // The social map: they keep their own organisation's services and waiting times up to date.
    can(['publish', 'update', 'withdraw'], 'Service', { organisationId: organisation });
    // Referrals: they refer a member of a family their organisation is involved with to another
    // organisation's service, see that family's referrals, and withdraw their organisation's own.
    can(['refer', 'read'], 'Referral', involved);
    can('withdraw', 'Referral', { referringOrganisationId: organisation, involvedOrganisationIds: organisation });
    // The receiving organisation sees the referrals to it before it is involved (what it sees is
    // the referral rule's: no personal data until the consent is active), and accepts or declines.
    can(['read', 'accept', 'decline'], 'Referral', { receivingOrganisationId: organisation });
  }
  if (roles.has(ProfessionalRole.TEAM_LEAD)) {
    // A team lead of the directing organisation hands it over too (a case director who left, or is stuck).
    can('transfer', 'CaseDirection', { directingOrganisationId: organisation, involvedOrganisationIds: organisation });
    // Members' requests for another case director reach the team leads of every involved organisation.
    can('read', 'CaseDirectorRequest', { involvedOrganisationIds: organisation });
    // Escalations reach the team leads of every involved organisation: one takes it on (once, the
    // use case's check); they, or another team lead of their organisation, decide.
    can('takeOn', 'Escalation', { involvedOrganisationIds: organisation });
    can('decide', 'Escalation', { involvedOrganisationIds: organisation, takenOnByOrganisationId: organisation });
  }
  // Any professional of an involved organisation reads the consents given to it or to its domain:
  // they are what its reads may rely on.
  can('read', 'Consent', { involvedOrganisationIds: organisation, recipientOrganisationId: organisation });
  can('read', 'Consent', { involvedOrganisationIds: organisation, recipientDomain: actor.domain });
  if (roles.has(ProfessionalRole.CHAIN_PRIVACY_OFFICER)) {
    can(['read', 'export'], ['AccessLogEntry', 'AccessLogDecision']);
    can(['verify', 'checkpoint'], 'AccessLog');
    can(['read', 'review', 'defer'], 'BreakGlassGrant');
    can('erase', 'Family');
    can('read', 'Erasure');
    can('read', 'InvolvementShielding');
    can('read', 'EscalationFigures');
    // Finding a member (by BSN or name) or a professional (by name) to filter the log on them: everyone in the chain.
    can('lookUp', ['FamilyMember', 'Professional']);
  }
  if (roles.has(ProfessionalRole.PRIVACY_OFFICER)) {
    // Entries their organisation wrote or whose data they are about, and their organisation's emergencies.
    can(['read', 'export'], 'AccessLogEntry', { actorOrganisationId: organisation });
    can(['read', 'export'], 'AccessLogEntry', { sourceOrganisationIds: organisation });
    // In those entries, every decision of their organisation's own operations, and of others' only those about their records.
    can(['read', 'export'], 'AccessLogDecision', { actorOrganisationId: organisation });
    can(['read', 'export'], 'AccessLogDecision', { sourceOrganisationId: organisation });
    can(['verify', 'checkpoint'], 'AccessLog');
    can(['read', 'review', 'defer'], 'BreakGlassGrant', { organisationId: organisation });
    can('read', 'InvolvementShielding', { organisationId: organisation });
    can('read', 'EscalationFigures', { organisationId: organisation });
    // Finding a member whose log entries they may read (their organisation acted, or its records were concerned), and their own organisation's professionals.
    can('lookUp', 'FamilyMember', { loggedOrganisationIds: organisation });
    can('lookUp', 'Professional', { organisationId: organisation });
  }
  if (OFFICER_ROLES.some((r) => roles.has(r))) {
    // The consents their organisation may read (given to it or its domain, while involved), as FHIR
    // Consent resources for the systems it answers to (docs/consent-receipts.md).
    can('export', 'Consent', { involvedOrganisationIds: organisation, recipientOrganisationId: organisation });
    can('export', 'Consent', { involvedOrganisationIds: organisation, recipientDomain: actor.domain });
  }
  if (roles.has(ProfessionalRole.ADMIN)) {
    can('checkpoint', 'AccessLog');
    // Kring's functional administrator keeps the chain's directory: who is in it and with which
    // roles. Staff data only: nothing here reaches a family's file (docs/administration.md).
    can('register', ['Organisation', 'Professional']);
    can(['read', 'changeRoles', 'deactivate'], 'Professional');
    cannot(['changeRoles', 'deactivate'], 'Professional', { professionalId: actor.professionalId }).because(
      'Nobody changes their own roles or deactivates themselves: another administrator does (four eyes, and never a chain without one).',
    );
  }
  // Last, so it overrides every grant above (CASL: later rules win): four eyes on every emergency.
  if (OFFICER_ROLES.some((r) => roles.has(r))) {
    cannot('review', 'BreakGlassGrant', { professionalId: actor.professionalId }).because('Nobody reviews their own emergency access.');
    cannot('defer', 'BreakGlassGrant', { professionalId: actor.professionalId }).because('Nobody defers the family\'s notice of their own emergency access.');
  }
  return build();
}

/** Tags plain facts as a subject of the table, for `ability.can(action, about('Consent', facts))`. */
export function about<K extends PermissionSubjectType>(type: K, facts: PermissionSubjects[K]): PermissionSubjects[K] & ForcedSubject<K> {
  return tagSubject(type, { ...facts });
}

/**
 * The caller as the table knows them. A member's reach (DESIGN.md §9) is loaded by the caller
 * where a rule about it is asked; without it, rules about their reach match nothing.
 */
export function actorOf(principal: Principal, reach: readonly string[] = []): PermissionActor {
  if (principal.kind === 'citizen') return { kind: 'member', memberId: principal.memberId, familyId: principal.familyId, reach };
  return { kind: 'professional', professionalId: principal.professionalId, organisationId: principal.organisationId, domain: principal.domain, roles: principal.roles };
}
