import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DenyReason } from '@kring/policy';
import { Organisation } from '../directory/organisation.model';
import { PageInfo } from '../families/families-connection.model';

export enum LogDecision {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
  PARTLY_ALLOWED = 'PARTLY_ALLOWED',
}
registerEnumType(LogDecision, {
  name: 'LogDecision',
  description:
    'An outcome. A decision is ALLOWED or DENIED; an entry is ALLOWED when all its decisions were, DENIED when all were, PARTLY_ALLOWED when some were shown and some withheld.',
});

@ObjectType({
  description:
    'One decision of an operation about one data subject: the targets of one kind, category and source organisation that were decided alike, with the outcome and why. Fields are named, their values never appear.',
})
export class AccessLogDecision {
  @Field(() => String, { nullable: true, description: 'FAMILY, MEMBER, RECORD, INVOLVEMENT, CONSENT or BREAK_GLASS; null for a refusal about no target.' })
  targetKind!: string | null;

  @Field(() => [ID], { description: 'The targets decided. A family member sees only those about themselves and the children in their reach.' })
  targetIds!: string[];

  @Field(() => Organisation, { nullable: true, description: 'Whose record it is.' })
  sourceOrganisation!: Organisation | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => [String])
  fields!: string[];

  @Field(() => LogDecision, { description: 'ALLOWED or DENIED.' })
  outcome!: LogDecision;

  @Field(() => String, { nullable: true, description: 'OWN_RECORD, STATUTORY_TASK, CONSENT, BREAK_GLASS, DATA_SUBJECT, INVOLVED_ORGANISATION, OVERSIGHT; null when denied.' })
  basis!: string | null;

  @Field(() => [String], { description: 'Consent receipt ids or the break-glass grant id the basis rests on.' })
  basisRefs!: string[];

  @Field(() => String, { nullable: true, description: 'Why it was denied.' })
  reason!: string | null;
}

/** The entry-level fields that summarise the decisions, kept for clients of the shape before DESIGN.md §10. */
const SUMMARY = 'An entry now lists its decisions: use decisions. This summarises them.';

@ObjectType({ description: 'Who acted. A family member sees the organisation and role only; privacy officers also see the professional.' })
export class AccessLogActor {
  @Field()
  kind!: string;

  @Field(() => Organisation, { nullable: true })
  organisation!: Organisation | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => ID, { nullable: true, description: 'Privacy officers only.' })
  professionalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Privacy officers only.' })
  name!: string | null;
}

@ObjectType({
  description:
    'One entry of the access log: one operation (a read, a change) about one data subject, or about no member, with its decisions. Entries written before the log took this shape hold one group of decisions; they are listed the same way, with a list of one decision. Fields are named, their values never appear.',
})
export class AccessLogEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field({ description: 'W3C trace id linking the request across organisations.' })
  traceId!: string;

  @Field({ description: 'What happened, e.g. READ_FAMILY_FILE, REVOKE_CONSENT.' })
  activity!: string;

  @Field(() => String, { nullable: true, description: 'The processing activity: the declared purpose.' })
  purpose!: string | null;

  @Field(() => LogDecision, { description: 'The outcome over the decisions: ALLOWED, DENIED or PARTLY_ALLOWED.' })
  decision!: LogDecision;

  @Field(() => [AccessLogDecision], { description: 'What was decided, per kind of target, category, source organisation and outcome, in the order decided.' })
  decisions!: AccessLogDecision[];

  @Field(() => String, { nullable: true, description: 'The basis every decision shares; null when they differ or none was allowed.', deprecationReason: SUMMARY })
  basis!: string | null;

  @Field(() => [String], { description: "Every decision's basis references together.", deprecationReason: SUMMARY })
  basisRefs!: string[];

  @Field(() => String, { nullable: true, description: 'The deny reason every denied decision shares; null when they differ or none was denied.', deprecationReason: SUMMARY })
  reason!: string | null;

  @Field({ description: 'The entry concerns emergency access: a decision under a break-glass grant, or the opening or review of one.' })
  breakGlass!: boolean;

  @Field(() => String, { nullable: true, description: 'The category every decision shares; null when they differ.', deprecationReason: SUMMARY })
  category!: string | null;

  @Field(() => [String], { description: "Every decision's fields together.", deprecationReason: SUMMARY })
  fields!: string[];

  @Field(() => ID, { nullable: true })
  familyId!: string | null;

  @Field(() => [ID], { description: 'The pseudonymous id of the member the entry is about (older entries may name several; within your view).' })
  subjectMemberIds!: string[];

  @Field(() => String, { nullable: true, description: 'The kind of target every decision shares; null when they differ.', deprecationReason: SUMMARY })
  targetKind!: string | null;

  @Field(() => [ID], { description: "Every decision's targets together (within your view).", deprecationReason: SUMMARY })
  targetIds!: string[];

  @Field(() => ID, {
    nullable: true,
    deprecationReason: 'An entry may cover several targets: use decisions. This is the single target, or null when the entry covers none or several.',
  })
  targetId!: string | null;

  @Field(() => Organisation, { nullable: true, description: 'The source organisation every decision shares; null when they differ.', deprecationReason: SUMMARY })
  sourceOrganisation!: Organisation | null;

  @Field(() => AccessLogActor)
  actor!: AccessLogActor;

  @Field()
  chainKey!: string;

  @Field(() => Int)
  sequence!: number;
}

@ObjectType()
export class AccessLogEdge {
  @Field()
  cursor!: string;

  @Field(() => AccessLogEntry)
  node!: AccessLogEntry;
}

@ObjectType()
export class AccessLogConnection {
  @Field(() => [AccessLogEdge])
  edges!: AccessLogEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Decisions on one calendar day (Europe/Amsterdam) within the filter.' })
export class AccessLogDay {
  @Field({ description: 'YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int, { description: 'Allowed, not break-glass.' })
  allowed!: number;

  @Field(() => Int)
  denied!: number;

  @Field(() => Int, { description: 'Allowed under an emergency (break-glass) grant.' })
  breakGlass!: number;

  @Field(() => Int, {
    description: 'Integrity alarms: entries denied DATA_INTEGRITY (a stored value failed its integrity check and was withheld). Counted among the denied too.',
  })
  integrityAlarms!: number;
}

@InputType({ description: 'Filters combine with AND. Times are inclusive from, exclusive to.' })
export class AccessLogFilter {
  @Field(() => ID, { nullable: true })
  familyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries about this member.' })
  memberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries of this professional.' })
  professionalId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries where this organisation acted or whose records were concerned.' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Entries with a decision about this organisation's records." })
  sourceOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries with a decision in this category.' })
  category?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => LogDecision, {
    nullable: true,
    description: 'ALLOWED or DENIED: entries with a decision of that outcome (with the category, source organisation, reason and basis filters: the same decision). PARTLY_ALLOWED: entries with both.',
  })
  decision?: LogDecision | null;

  @Field(() => DenyReason, { nullable: true, description: 'Entries with a decision denied for this reason, e.g. DATA_INTEGRITY for the integrity alarms.' })
  reason?: DenyReason | null;

  @Field(() => String, { nullable: true, description: 'Entries with a decision on this basis.' })
  basis?: string | null;

  @Field(() => Boolean, { nullable: true })
  breakGlass?: boolean | null;

  @Field(() => String, { nullable: true })
  activity?: string | null;

  @Field(() => String, { nullable: true, description: 'PROFESSIONAL, CITIZEN or SYSTEM.' })
  actorKind?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only entries where someone else acted: leaves out your own reads.' })
  byOthers?: boolean | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@ObjectType()
export class BrokenEntry {
  @Field()
  chainKey!: string;

  @Field(() => Int)
  sequence!: number;

  @Field(() => ID, { nullable: true, description: 'The stored entry at that place, when there is one.' })
  entryId!: string | null;

  @Field({ description: 'CHANGED, MISSING, INSERTED, REORDERED, TRUNCATED or CHECKPOINT_INVALID.' })
  problem!: string;
}

export enum LogVerificationMode {
  FULL = 'FULL',
  SINCE_VERIFIED_CHECKPOINT = 'SINCE_VERIFIED_CHECKPOINT',
}
registerEnumType(LogVerificationMode, {
  name: 'LogVerificationMode',
  description: 'FULL reads every entry. SINCE_VERIFIED_CHECKPOINT starts each chain at the last signed checkpoint an earlier verification found intact: faster, but a change to entries before it is found only by a FULL verification.',
});

@ObjectType({ description: 'The result of checking the hash chains and signed checkpoints.' })
export class LogVerification {
  @Field()
  intact!: boolean;

  @Field(() => LogVerificationMode, { description: 'How much of each chain was read.' })
  mode!: LogVerificationMode;

  @Field(() => Int)
  chainsChecked!: number;

  @Field(() => Int)
  entriesChecked!: number;

  @Field(() => Int, { description: 'Entries before a checkpoint verified earlier, not read again (0 in a FULL verification).' })
  entriesSkipped!: number;

  @Field(() => Int)
  checkpointsVerified!: number;

  @Field(() => BrokenEntry, { nullable: true, description: 'The first broken entry found, if any.' })
  firstBroken!: BrokenEntry | null;

  @Field(() => Date)
  verifiedAt!: Date;

  @Field({ description: 'Key id of the Ed25519 key that signs checkpoints.' })
  keyId!: string;
}

@ObjectType({ description: 'The public key that signs access-log checkpoints, so anyone can check them.' })
export class AccessLogSigningKey {
  @Field()
  keyId!: string;

  @Field()
  algorithm!: string;

  @Field({ description: 'Base64 of the 32-byte Ed25519 public key.' })
  publicKey!: string;
}

@ObjectType()
export class CheckpointReport {
  @Field(() => Int, { description: 'Chains whose head was signed now.' })
  signed!: number;

  @Field(() => Date)
  signedAt!: Date;
}
