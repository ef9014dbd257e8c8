import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@kring/family-file';
import { Organisation } from '../directory/organisation.model';

export enum BreakGlassStatus {
  /** Open and not yet expired. */
  ACTIVE = 'ACTIVE',
  /** Expired, not reviewed, opened less than 72 hours ago. */
  AWAITING_REVIEW = 'AWAITING_REVIEW',
  /** Not reviewed 72 hours after opening. */
  OVERDUE = 'OVERDUE',
  REVIEWED = 'REVIEWED',
}
registerEnumType(BreakGlassStatus, { name: 'BreakGlassStatus' });

export enum BreakGlassVerdict {
  JUSTIFIED = 'JUSTIFIED',
  UNJUSTIFIED = 'UNJUSTIFIED',
}
registerEnumType(BreakGlassVerdict, { name: 'BreakGlassVerdict' });

@ObjectType()
export class BreakGlassReview {
  @Field(() => BreakGlassVerdict)
  verdict!: BreakGlassVerdict;

  @Field(() => String, { nullable: true, description: 'Privacy officers only.' })
  note!: string | null;

  @Field(() => Date)
  reviewedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Privacy officers only.' })
  reviewerId!: string | null;
}

export enum BreakGlassNoticeState {
  /** Not reviewed yet: the family is not told (a child must not be put at risk while it is open or awaits review). */
  AWAITING_REVIEW = 'AWAITING_REVIEW',
  /** Reviewed, and an officer deferred the notice until a date. */
  DEFERRED = 'DEFERRED',
  /** The family's members in reach see it. */
  GIVEN = 'GIVEN',
}
registerEnumType(BreakGlassNoticeState, { name: 'BreakGlassNoticeState' });

@ObjectType({ description: 'The colleague consulted before the grant was opened (the meldcode): a professional of an involved organisation, or a Veilig Thuis advisor.' })
export class BreakGlassColleague {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Privacy officers only.' })
  name!: string | null;

  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType({ description: 'A colleague a professional may name as consulted before opening emergency access, without a family: of their own organisation, or a Veilig Thuis advisor.' })
export class ConsultableColleague {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType({ description: 'Whether the family has been told of the grant. Privacy officers only.' })
export class BreakGlassNoticeStatus {
  @Field(() => BreakGlassNoticeState)
  state!: BreakGlassNoticeState;

  @Field(() => Date, { nullable: true, description: 'Until when an officer deferred the notice; it is given from then on.' })
  deferredUntil!: Date | null;

  @Field(() => String, { nullable: true })
  deferralReason!: string | null;

  @Field(() => Date, { nullable: true })
  deferredAt!: Date | null;
}

@ObjectType({ description: 'One read under the grant, from the access log (its decisions with basis BREAK_GLASS naming this grant). Privacy officers only.' })
export class BreakGlassUse {
  @Field(() => ID)
  entryId!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field()
  activity!: string;

  @Field(() => [ID], { description: 'The member whose data was read (one per entry), by id.' })
  subjectMemberIds!: string[];

  @Field(() => [String])
  categories!: string[];

  @Field(() => [String])
  fields!: string[];
}

@ObjectType({ description: 'An emergency grant on a family: CHILD_PROTECTION, CONTACT/HOUSEHOLD/SAFETY, at most four hours, every use flagged in the access log.' })
export class BreakGlassGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => ID, { nullable: true, description: 'Privacy officers and the professional who opened it.' })
  professionalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Privacy officers only.' })
  professionalName!: string | null;

  @Field(() => String, { nullable: true, description: 'Privacy officers and the professional who opened it.' })
  justification!: string | null;

  @Field()
  purpose!: string;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => BreakGlassStatus)
  status!: BreakGlassStatus;

  @Field({ description: 'Unreviewed 72 hours after opening.' })
  overdue!: boolean;

  @Field(() => BreakGlassReview, { nullable: true })
  review!: BreakGlassReview | null;

  @Field(() => BreakGlassColleague, { nullable: true, description: 'Privacy officers and the professional who opened it; null on grants opened before it was asked.' })
  consultedColleague!: BreakGlassColleague | null;

  @Field(() => [ID], { nullable: true, description: 'The members it concerns, by id. Privacy officers and the professional who opened it.' })
  concernedMemberIds!: string[] | null;

  @Field(() => BreakGlassNoticeStatus, { nullable: true, description: 'Privacy officers only.' })
  notice!: BreakGlassNoticeStatus | null;

  @Field(() => [BreakGlassUse], { nullable: true, description: 'What was read under it (newest first, at most 200). Privacy officers only.' })
  uses!: BreakGlassUse[] | null;
}

@ObjectType({ description: 'A member\'s notice of an emergency access about their reach, given once a privacy officer reviewed it.' })
export class BreakGlassNotice {
  @Field(() => ID)
  grantId!: string;

  @Field(() => Organisation, { description: 'The organisation whose professional opened it.' })
  organisation!: Organisation;

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => String, { nullable: true, description: 'Why the professional opened it, in their words; null when it can no longer be read.' })
  justification!: string | null;

  @Field(() => BreakGlassVerdict, { description: 'The privacy officer\'s verdict.' })
  verdict!: BreakGlassVerdict;

  @Field(() => Date)
  reviewedAt!: Date;

  @Field(() => [ID], { description: 'The members of your reach it concerns.' })
  memberIds!: string[];

  @Field(() => Int, { description: 'How many reads of data of your reach were made under it.' })
  reads!: number;
}

@InputType()
export class BreakGlassInput {
  @Field(() => ID)
  familyId!: string;

  @Field({ description: 'Why you fear for a child\'s safety and cannot ask: at least 30 characters. Read by a privacy officer.' })
  justification!: string;

  @Field(() => Int, { nullable: true, defaultValue: 240, description: 'Minutes, at most 240.' })
  durationMinutes!: number;

  @Field(() => [DataCategory], { nullable: true, description: 'A subset of CONTACT, HOUSEHOLD, SAFETY; default all three.' })
  categories?: DataCategory[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Required: the colleague you consulted before opening it (the meldcode), a professional of an organisation involved with the family today or a Veilig Thuis advisor; not yourself.',
  })
  consultedProfessionalId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The members (children) you fear for; default every member under 18 (every member when there is none). The family\'s notice goes to those in reach of them.' })
  memberIds?: string[] | null;
}
