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
}
