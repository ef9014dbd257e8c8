import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BlockingKind, ESCALATION_RAISER_KINDS, EscalationKind, EscalationStatus } from '@kring/escalation';
import { DataCategory } from '@kring/family-file';
import { DenyReason } from '@kring/policy';
import { Organisation } from '../directory/organisation.model';

registerEnumType(EscalationKind, { name: 'EscalationKind', description: 'STUCK: the situation is stuck and needs a breakthrough; OTHER_CASE_DIRECTOR: a member asks for another case director.' });
registerEnumType(BlockingKind, { name: 'BlockingKind', description: 'What blocks: a RULE, a SCHEME (regeling), an ORGANISATION, or OTHER.' });
registerEnumType(EscalationStatus, { name: 'EscalationStatus', description: 'OPEN: raised, waiting for a team lead; TAKEN_ON: a team lead took it on; DECIDED: the breakthrough decision is recorded.' });
export const EscalationRaiserKindEnum = Object.fromEntries(ESCALATION_RAISER_KINDS.map((k) => [k, k])) as { [K in (typeof ESCALATION_RAISER_KINDS)[number]]: K };
registerEnumType(EscalationRaiserKindEnum, { name: 'EscalationRaiserKind', description: 'Who raised an escalation: a family MEMBER, or a PROFESSIONAL for their organisation.' });

@ObjectType({ description: 'A professional around an escalation: their name and organisation.' })
export class EscalationProfessional {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType({ description: 'Who raised an escalation.' })
export class EscalationRaiser {
  @Field(() => EscalationRaiserKindEnum)
  kind!: (typeof ESCALATION_RAISER_KINDS)[number];

  @Field(() => ID, { nullable: true, description: 'The member, when a member raised it.' })
  memberId!: string | null;

  @Field(() => EscalationProfessional, { nullable: true, description: 'The professional, when a professional raised it.' })
  professional!: EscalationProfessional | null;
}

@ObjectType({ description: 'Why an escalation\'s texts are withheld from you (as a redaction): its category, and the access rule\'s reason.' })
export class EscalationClosed {
  @Field(() => DataCategory)
  category!: DataCategory;

  @Field(() => DenyReason)
  reason!: DenyReason;
}

@ObjectType({ description: 'The breakthrough decision: what is decided, what is set aside and on whose authority, any budget.' })
export class EscalationDecision {
  @Field(() => String, { nullable: true, description: 'What is decided; null when withheld from you (see `Escalation.decisionClosed`) or erased.' })
  decision!: string | null;

  @Field(() => String, { nullable: true, description: 'What rule or scheme is set aside, if any; null when none, or withheld.' })
  setAside!: string | null;

  @Field(() => String, { nullable: true, description: 'On whose authority; null when withheld or erased.' })
  authority!: string | null;

  @Field(() => Int, { nullable: true, description: 'A budget made available, in euro cents; null when none, or withheld.' })
  budgetCents!: number | null;

  @Field(() => Date)
  decidedAt!: Date;

  @Field(() => EscalationProfessional, { description: 'The team lead who decided.' })
  decidedBy!: EscalationProfessional;
}

@ObjectType({ description: 'An escalation (doorbraak) around a family, as the caller may see it. Category: `category`, about `subjectMemberIds`, for `purpose`.' })
export class Escalation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => EscalationKind)
  kind!: EscalationKind;

  @Field(() => [ID], { description: 'The members it is about.' })
  subjectMemberIds!: string[];

  @Field(() => DataCategory, { description: 'What it touches (a member\'s: OWN_WORDS); professionals read its texts only while the access rule allows this category about every subject.' })
  category!: DataCategory;

  @Field({ description: 'The purpose (a code of `purposes`) its texts are read for: the raising professional\'s; CASE_COORDINATION for a member\'s.' })
  purpose!: string;

  @Field(() => BlockingKind)
  blockingKind!: BlockingKind;

  @Field(() => Organisation, { nullable: true, description: 'The organisation that blocks, when one is named.' })
  blockingOrganisation!: Organisation | null;

  @Field(() => String, { nullable: true, description: 'What blocks, in the raiser\'s words; null when withheld from you (see `closed`) or erased.' })
  blocks!: string | null;

  @Field(() => String, { nullable: true, description: 'What was tried; null when none was given (a request for another case director), withheld, or erased.' })
  tried!: string | null;

  @Field(() => EscalationClosed, { nullable: true, description: 'Professionals: why what the raiser wrote is withheld from you; null when you read it.' })
  closed!: EscalationClosed | null;

  @Field(() => EscalationRaiser)
  raisedBy!: EscalationRaiser;

  @Field(() => Date)
  raisedAt!: Date;

  @Field(() => Int, { description: 'Calendar days since it was raised (Dutch calendar).' })
  ageInDays!: number;

  @Field(() => EscalationStatus)
  status!: EscalationStatus;

  @Field({ description: 'The last day of the decision deadline (YYYY-MM-DD): 10 working days after the day it was raised (weekends and the public holidays of the Algemene termijnenwet not counted).' })
  dueOn!: string;

  @Field({ description: 'Not decided, and `dueOn` has passed.' })
  overdue!: boolean;

  @Field(() => EscalationProfessional, { nullable: true, description: 'The team lead who took it on; null while open.' })
  takenOnBy!: EscalationProfessional | null;

  @Field(() => Date, { nullable: true })
  takenOnAt!: Date | null;

  @Field(() => EscalationDecision, { nullable: true, description: 'The breakthrough decision; null until decided.' })
  decision!: EscalationDecision | null;

  @Field(() => EscalationClosed, { nullable: true, description: 'Professionals: why the decision\'s texts and budget are withheld from you; null when you read them.' })
  decisionClosed!: EscalationClosed | null;
}

@InputType({ description: 'A stuck situation: what blocks, which rule, scheme or organisation, what was tried.' })
export class RaiseEscalationInput {
  @Field(() => ID, { nullable: true, description: 'Professionals: the family (one your organisation is involved with). Members: left out (your own family).' })
  familyId?: string | null;

  @Field(() => [ID], { description: 'The members it is about (a member: within your reach).' })
  subjectMemberIds!: string[];

  @Field(() => BlockingKind)
  blockingKind!: BlockingKind;

  @Field(() => ID, { nullable: true, description: 'The organisation that blocks: required when `blockingKind` is ORGANISATION, and only then.' })
  blockingOrganisationId?: string | null;

  @Field({ description: 'What blocks: 10 to 2,000 characters.' })
  blocks!: string;

  @Field({ description: 'What was tried: 10 to 2,000 characters.' })
  tried!: string;

  @Field(() => DataCategory, { nullable: true, description: 'Professionals (required): what it touches, the category the access rule decides its texts on for other organisations (not PERSONAL_IDENTITY or NATIONAL_ID). Members: left out (OWN_WORDS).' })
  category?: DataCategory | null;

  @Field(() => String, { nullable: true, description: 'Professionals (required): the purpose, a code of `purposes` your organisation may use. Members: left out.' })
  purpose?: string | null;
}

@InputType({ description: 'The breakthrough decision on an escalation you (or a team lead of your organisation) took on.' })
export class DecideEscalationInput {
  @Field(() => ID)
  escalationId!: string;

  @Field({ description: 'What is decided: 10 to 2,000 characters.' })
  decision!: string;

  @Field(() => String, { nullable: true, description: 'What rule or scheme is set aside, if any: 10 to 2,000 characters.' })
  setAside?: string | null;

  @Field({ description: 'On whose authority: 10 to 2,000 characters.' })
  authority!: string;

  @Field(() => Int, { nullable: true, description: 'A budget made available, in euro cents: 0 to 100,000,000 (one million euro).' })
  budgetCents?: number | null;
}

@ObjectType({ description: 'An organisation\'s escalations in a period: counts and time to decision. No personal data.' })
export class EscalationFigures {
  @Field(() => Organisation, { description: 'Counted: escalations about families this organisation was involved with on the day they were raised.' })
  organisation!: Organisation;

  @Field(() => Int, { description: 'Raised in the period.' })
  raised!: number;

  @Field(() => Int, { description: 'Of those: still open (nobody took it on).' })
  open!: number;

  @Field(() => Int, { description: 'Of those: taken on and not yet decided.' })
  takenOn!: number;

  @Field(() => Int, { description: 'Of those: decided.' })
  decided!: number;

  @Field(() => Int, { description: 'Of those: taken on by a team lead of this organisation.' })
  takenOnByThisOrganisation!: number;

  @Field(() => Int, { description: 'Of those: not decided and past their deadline today.' })
  overdue!: number;

  @Field(() => Int, { description: 'Of those: decided after their deadline.' })
  decidedLate!: number;

  @Field(() => Float, { nullable: true, description: 'Median calendar days from raising to decision of those decided; null when none was.' })
  medianDaysToDecision!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of the same (nearest rank); null when none was decided.' })
  p90DaysToDecision!: number | null;
}
