import type { DataKey } from '@kring/crypto';
import type { MemberRelation } from '@kring/family-file';
import type { Domain, OrganisationEntity, ProfessionalRole } from '@kring/identity';

export interface MadeOrganisation {
  readonly id: string;
  readonly name: string;
  readonly domain: Domain;
  /** The row as stored, for registering professionals at it. */
  readonly entity: OrganisationEntity;
}

export interface MadeProfessional {
  readonly id: string;
  readonly name: string;
  readonly organisation: MadeOrganisation;
  readonly roles: readonly ProfessionalRole[];
}

/** An organisation with one professional, who stands for it in a test. */
export interface Partner {
  readonly organisation: MadeOrganisation;
  readonly professional: MadeProfessional;
  readonly id: string;
  readonly domain: Domain;
}

export interface MadeMember {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly birthDate: string;
  readonly bsn: string;
  readonly relation: MemberRelation;
}

export interface MadeFamily {
  readonly id: string;
  readonly members: readonly MadeMember[];
  /** The family's data key, to seal records as the gateway does. */
  readonly key: DataKey;
  member(label: string): MadeMember;
}

/** Who a token is for: a professional (or the partner it stands for), or a member of a family. */
export type Bearer = MadeProfessional | Partner | MadeMember;
