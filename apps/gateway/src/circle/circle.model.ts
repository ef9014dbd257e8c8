import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ProfessionalRole } from '@kring/identity';
import { Organisation } from '../directory/organisation.model';

@ObjectType({ description: 'A professional the family and the circle can reach: their name, roles, organisation and work contact.' })
export class CircleProfessional {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [ProfessionalRole])
  roles!: ProfessionalRole[];

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => String, { nullable: true, description: 'How to reach them at work (phone, e-mail); null when their organisation gave none.' })
  contact!: string | null;
}

@ObjectType({ description: 'A shielding in force of your organisation\'s involvement: from which member, since when. Its reason is for your privacy officer (involvementShieldings).' })
export class CircleShielding {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The member from whom the involvement is shielded.' })
  memberId!: string;

  @Field(() => Date)
  shieldedAt!: Date;
}

@ObjectType({ description: 'An organisation helping the family today: since when, for what (its domain), and whom to reach there. Category: INVOLVEMENT.' })
export class CircleInvolvement {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation, { description: 'Who helps; its domain says for what.' })
  organisation!: Organisation;

  @Field({ description: 'First day of the involvement (YYYY-MM-DD).' })
  since!: string;

  @Field({ description: 'Whether this organisation holds case direction (casusregie).' })
  caseDirection!: boolean;

  @Field(() => CircleProfessional, { nullable: true, description: 'The contact professional; null when the organisation named none.' })
  contact!: CircleProfessional | null;

  @Field(() => [CircleShielding], {
    nullable: true,
    description: 'For a professional who may shield this involvement (their own organisation\'s, with a statutory task): its shieldings in force, to lift one. Null for everyone else.',
  })
  shieldings!: CircleShielding[] | null;
}

@ObjectType({ description: 'The latest handover of case direction, as the circle shows it.' })
export class CaseDirectionHandoverView {
  @Field(() => Organisation, { description: 'The organisation that held case direction before.' })
  from!: Organisation;

  @Field(() => String, { nullable: true, description: 'The handover note: for the new case director and the family only; null for anyone else.' })
  note!: string | null;

  @Field(() => Date)
  handedOverAt!: Date;
}

@ObjectType({ description: 'The circle (wie helpen er): the organisations involved with the family today, and who holds case direction.' })
export class Circle {
  @Field(() => ID)
  familyId!: string;

  @Field(() => [CircleInvolvement], { description: 'Oldest first. For a family member, an involvement shielded from them is not here.' })
  involvements!: CircleInvolvement[];

  @Field(() => CircleProfessional, { nullable: true, description: 'The case director (casusregisseur): the contact of the involvement holding case direction; null when none is named, or when it is not in your view.' })
  caseDirector!: CircleProfessional | null;

  @Field(() => CaseDirectionHandoverView, { nullable: true, description: 'How the case director took over case direction: the latest handover to them; null when there was none (or it is not in your view).' })
  handover!: CaseDirectionHandoverView | null;
}

@ObjectType({ description: 'An involvement shielded from one member: while in force, it does not exist in their view; once lifted, it does again. For the privacy officer.' })
export class InvolvementShielding {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => ID)
  involvementId!: string;

  @Field(() => Organisation, { description: 'The organisation that shielded its involvement.' })
  organisation!: Organisation;

  @Field(() => ID, { description: 'The member from whom it is shielded.' })
  memberId!: string;

  @Field(() => ID)
  shieldedByProfessionalId!: string;

  @Field(() => String, { nullable: true, description: 'Why; null when it can no longer be read (the family was erased).' })
  reason!: string | null;

  @Field(() => Date)
  shieldedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was lifted; null while it is in force.' })
  liftedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who lifted it; null while it is in force.' })
  liftedByProfessionalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was lifted; null while it is in force, or when it can no longer be read (the family was erased).' })
  liftReason!: string | null;
}

@InputType()
export class LiftShieldingInput {
  @Field(() => ID, { description: 'A shielding of your organisation\'s involvement, in force.' })
  shieldingId!: string;

  @Field({ description: 'Why the member may know again: 10 to 2,000 characters. Read by your privacy officer.' })
  reason!: string;
}

@InputType()
export class ShieldInvolvementInput {
  @Field(() => ID, { description: 'Your organisation\'s involvement.' })
  involvementId!: string;

  @Field(() => [ID], { description: 'The members from whom it is shielded (e.g. the parent a Veilig Thuis report concerns).' })
  memberIds!: string[];

  @Field({ description: 'Why these members may not know: 10 to 2,000 characters. Read by your privacy officer.' })
  reason!: string;
}
