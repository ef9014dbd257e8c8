import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../directory/organisation.model';
import { CircleProfessional } from './circle.model';

@ObjectType({ description: 'A handover of case direction (a warm handover): to whom, from which organisation, when, and the note for the new case director and the family.' })
export class CaseDirectionHandover {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => Organisation, { description: 'The organisation that held case direction before.' })
  from!: Organisation;

  @Field(() => CircleProfessional, { description: 'The new case director.' })
  to!: CircleProfessional;

  @Field(() => String, { nullable: true, description: 'The handover note: for the new case director and the family only; null for anyone else.' })
  note!: string | null;

  @Field(() => Date)
  handedOverAt!: Date;
}

@InputType()
export class TransferCaseDirectionInput {
  @Field(() => ID)
  familyId!: string;

  @Field(() => ID, { description: 'The new case director: a professional of another organisation involved with the family today.' })
  toProfessionalId!: string;

  @Field({ description: 'The handover note, for the new case director and the family: 10 to 4,000 characters.' })
  note!: string;
}

@ObjectType({ description: 'A family member\'s request for another case director; it reaches the team leads of the organisations involved.' })
export class CaseDirectorRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => ID, { description: 'Who asked.' })
  memberId!: string;

  @Field(() => String, { nullable: true, description: 'Why, in their own words; null when it can no longer be read (the family was erased).' })
  reason!: string | null;

  @Field(() => Date)
  requestedAt!: Date;
}
