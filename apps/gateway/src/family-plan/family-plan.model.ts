import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@kring/family-file';
import { PLAN_ACTOR_KINDS, PLAN_CHANGES, PLAN_ITEM_KINDS, ACTION_STATUSES, GOAL_STATUSES } from '@kring/family-plan';
import { DenyReason } from '@kring/policy';
import { Organisation } from '../directory/organisation.model';

/** A GraphQL enum made of one of the plan's word lists (plan-vocabulary.ts), so the API and the library cannot drift. */
function enumOf<Word extends string>(words: readonly Word[]): { [W in Word]: W } {
  return Object.fromEntries(words.map((w) => [w, w])) as { [W in Word]: W };
}

export const PlanItemKindEnum = enumOf(PLAN_ITEM_KINDS);
export const PlanItemStatusEnum = enumOf([...GOAL_STATUSES, ...ACTION_STATUSES]);
export const PlanActorKindEnum = enumOf(PLAN_ACTOR_KINDS);
export const PlanChangeEnum = enumOf(PLAN_CHANGES);
registerEnumType(PlanItemKindEnum, { name: 'PlanItemKind', description: "WORDS: the family's own words (what we want to reach); GOAL; ACTION (who does what, by when); REVIEW: the review date the case director sets." });
registerEnumType(PlanItemStatusEnum, { name: 'PlanItemStatus', description: 'A goal: OPEN, REACHED or DROPPED. An action: PLANNED, DONE or CANCELLED.' });
registerEnumType(PlanActorKindEnum, { name: 'PlanActorKind', description: "Who carries out an action: an involved ORGANISATION, a family MEMBER, or a person of the family's own NETWORK." });
registerEnumType(PlanChangeEnum, { name: 'PlanChange' });

@ObjectType({ description: 'Who carries out an action.' })
export class PlanActor {
  @Field(() => PlanActorKindEnum)
  kind!: string;

  @Field(() => Organisation, { nullable: true })
  organisation!: Organisation | null;

  @Field(() => ID, { nullable: true })
  memberId!: string | null;

  @Field(() => String, { nullable: true, description: "The name of the person from the family's network." })
  name!: string | null;
}

@ObjectType({ description: 'One item of the family plan, as the caller may read it. Categories: SHARED_PLAN plus `category`.' })
export class PlanItem {
  @Field(() => ID, { description: 'The item across its versions.' })
  id!: string;

  @Field(() => PlanItemKindEnum)
  kind!: string;

  @Field(() => [ID], { description: 'The members it is about.' })
  subjectMemberIds!: string[];

  @Field(() => DataCategory, { description: 'The category it touches besides SHARED_PLAN (SHARED_PLAN when none).' })
  category!: DataCategory;

  @Field()
  text!: string;

  @Field(() => PlanItemStatusEnum, { nullable: true })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'An action: when it is due; the review item: the review date (YYYY-MM-DD).' })
  dueOn!: string | null;

  @Field(() => PlanActor, { nullable: true })
  actor!: PlanActor | null;

  @Field(() => Organisation, { nullable: true, description: 'The organisation that wrote it; null when the family did.' })
  source!: Organisation | null;

  @Field(() => Date, { description: 'When this version of the item was written.' })
  changedAt!: Date;

  @Field({ description: 'Whether every subject (by capacity) chose to show it to the whole family, or it is about every member.' })
  shownToFamily!: boolean;

  @Field({ description: 'Agreed: the case director, and for a goal each subject by capacity, agreed with a version it has not changed since.' })
  agreed!: boolean;

  @Field()
  caseDirectorAgreed!: boolean;

  @Field(() => [ID], { description: 'Members whose agreement is still needed for a subject of this goal (as far as the caller may know them).' })
  waitingForMemberIds!: string[];
}

@ObjectType({ description: 'A plan item the caller may not read for the declared purpose: it exists, and the family can be asked.' })
export class PlanRedaction {
  @Field(() => ID)
  itemId!: string;

  @Field(() => PlanItemKindEnum)
  kind!: string;

  @Field(() => DataCategory, { description: 'The first category the rule withheld.' })
  category!: DataCategory;

  @Field(() => DenyReason)
  reason!: DenyReason;

  @Field(() => [ID])
  subjectMemberIds!: string[];
}

@ObjectType({ description: 'One version of the plan: when, by whom, and which item it added or changed.' })
export class PlanVersion {
  @Field(() => Int, { description: "The version's number. A member counts only the versions in their own view." })
  version!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => PlanChangeEnum)
  change!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => ID, { nullable: true, description: 'The member who wrote it; null when an organisation did, or when its item is withheld from the caller.' })
  byMemberId!: string | null;

  @Field(() => Organisation, { nullable: true, description: 'The organisation of the professional who wrote it; null when a member did, or when its item is withheld from the caller.' })
  byOrganisation!: Organisation | null;
}

@ObjectType({ description: 'An agreement with the plan as it stood at a version; a withdrawn one says when.' })
export class PlanAgreement {
  @Field(() => ID, { nullable: true })
  memberId!: string | null;

  @Field(() => String, { nullable: true, description: 'The case director who agreed, by name.' })
  caseDirectorName!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  agreedAt!: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

@ObjectType({ description: "The family plan (gezinsplan) as the caller may read it: one plan per family, every change a new version." })
export class Plan {
  @Field(() => ID)
  familyId!: string;

  @Field(() => Int, { description: 'The version shown (0: nothing in the plan yet).' })
  version!: number;

  @Field(() => Int, { description: 'The newest version (in a member\'s own count of versions).' })
  latestVersion!: number;

  @Field(() => [PlanItem], { description: 'Words first, then goals, actions and the review date; oldest first within each.' })
  items!: PlanItem[];

  @Field(() => [PlanRedaction], { description: 'Professionals: items that exist but are not shared for this purpose. Always empty for members.' })
  redactions!: PlanRedaction[];

  @Field(() => [PlanVersion], { description: 'Every version the caller may know of, newest first.' })
  versions!: PlanVersion[];

  @Field({ description: 'The plan as shown is agreed: every item in it is (see PlanItem.agreed), and it has at least one.' })
  agreed!: boolean;

  @Field(() => [PlanAgreement], { description: "Each party's latest agreement the caller may know of: the case director's, and members' (a member sees their reach's)." })
  agreements!: PlanAgreement[];
}

@InputType({ description: 'Who carries out an action.' })
export class PlanActorInput {
  @Field(() => PlanActorKindEnum)
  kind!: string;

  @Field(() => ID, { nullable: true, description: 'ORGANISATION: your own (the default).' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'MEMBER: which member.' })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: 'NETWORK: the person\'s name (1 to 200 characters).' })
  name?: string | null;
}

@InputType({ description: 'A new plan item, or (with itemId) a new version of one.' })
export class WritePlanItemInput {
  @Field(() => ID, { nullable: true, description: 'Professionals: the family. Members write in their own family.' })
  familyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The item to change; none for a new item.' })
  itemId?: string | null;

  @Field(() => PlanItemKindEnum)
  kind!: string;

  @Field(() => [ID], { description: 'The members it is about (REVIEW: ignored, it is about everyone).' })
  subjectMemberIds!: string[];

  @Field(() => DataCategory, { nullable: true, description: 'The category it touches besides SHARED_PLAN (default SHARED_PLAN).' })
  category?: DataCategory | null;

  @Field({ description: '1 to 2,000 characters (REVIEW: may be empty).' })
  text!: string;

  @Field(() => PlanItemStatusEnum, { nullable: true, description: 'Default OPEN for a goal, PLANNED for an action.' })
  status?: string | null;

  @Field(() => PlanActorInput, { nullable: true, description: 'An action: who carries it out (required).' })
  actor?: PlanActorInput | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: an action\'s due date; the review date (required for REVIEW).' })
  dueOn?: string | null;
}
