import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProfessionalRole } from '@kring/identity';
import { Organisation } from '../directory/organisation.model';

registerEnumType(ProfessionalRole, { name: 'ProfessionalRole' });

export enum ViewerKind {
  PROFESSIONAL = 'PROFESSIONAL',
  FAMILY_MEMBER = 'FAMILY_MEMBER',
}
registerEnumType(ViewerKind, { name: 'ViewerKind' });

@ObjectType({ description: 'The calling professional, as registered in Kring.' })
export class ProfessionalSelf {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Your own name; other organisations and families never see it.' })
  name!: string;

  @Field(() => [ProfessionalRole])
  roles!: ProfessionalRole[];

  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType({ description: 'The calling family member.' })
export class MemberSelf {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Who is calling: a professional or a family member.' })
export class Viewer {
  @Field(() => ViewerKind)
  kind!: ViewerKind;

  @Field(() => ProfessionalSelf, { nullable: true })
  professional!: ProfessionalSelf | null;

  @Field(() => MemberSelf, { nullable: true })
  member!: MemberSelf | null;
}
