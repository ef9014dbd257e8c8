import { gql } from '../../api/generated';
import type { DirectoryProfessionalsQuery, ProfessionalRole } from '../../api/generated/graphql';
import type { ApiError } from '../../api/graphql';
import { asApiError } from '../../api/use-api';
import type { MessageKey, Translate } from '../../i18n/i18n';

/* The administrator's operations (docs/administration.md). */

export const ORGANISATIONS = gql(`query AdminOrganisations { organisations { ...OrganisationFields oin kvkNumber } }`);
export const REGISTER_ORGANISATION = gql(`mutation RegisterOrganisation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name } }`);

gql(`
  fragment DirectoryProfessionalFields on DirectoryProfessional {
    id name roles contact subject registeredAt deactivatedAt organisation { id name }
  }
`);
export const PROFESSIONALS = gql(`query DirectoryProfessionals($organisationId: ID) { directoryProfessionals(organisationId: $organisationId) { ...DirectoryProfessionalFields } }`);
export const REGISTER_PROFESSIONAL = gql(`mutation RegisterProfessional($input: RegisterProfessionalInput!) { registerProfessional(input: $input) { ...DirectoryProfessionalFields } }`);
export const CHANGE_ROLES = gql(`mutation ChangeProfessionalRoles($id: ID!, $roles: [ProfessionalRole!]!) { changeProfessionalRoles(professionalId: $id, roles: $roles) { ...DirectoryProfessionalFields } }`);
export const DEACTIVATE = gql(`mutation DeactivateProfessional($id: ID!) { deactivateProfessional(professionalId: $id) { ...DirectoryProfessionalFields } }`);

export type DirectoryProfessional = DirectoryProfessionalsQuery['directoryProfessionals'][number];

// The order the roles are offered in, over the generated union: a new role does not compile until placed here.
const ROLE_ORDER: Record<ProfessionalRole, true> = { PROFESSIONAL: true, TEAM_LEAD: true, PRIVACY_OFFICER: true, CHAIN_PRIVACY_OFFICER: true, ADMIN: true };
export const ROLES = Object.keys(ROLE_ORDER) as readonly ProfessionalRole[];

/**
 * A refusal the API named (`extensions.refusal`) in plain words, at the field it named
 * (`extensions.field`) when that is one of the form's; null when the API said neither.
 */
export function refusalAt<F extends string>(t: Translate, error: ApiError, fields: readonly F[], values: Readonly<Record<string, string>> = {}): { readonly field: F | null; readonly text: string } | null {
  if (error.refusal === null) return null;
  const text = t(`admin.refusal.${error.refusal}` as MessageKey, values);
  if (text === `admin.refusal.${error.refusal}`) return null;
  const field = fields.find((f) => f === error.field) ?? null;
  return { field, text };
}

/** A register form's failure: the API's refusal at its field when it names one of the form's, else the error above the form. */
export function refuseOrReport<F extends string>(t: Translate, error: unknown, fields: readonly F[], refuse: (found: Partial<Record<F, string>>) => void, report: (error: ApiError) => void): void {
  const failure = asApiError(error);
  const refused = refusalAt(t, failure, fields);
  if (refused?.field != null) refuse({ [refused.field]: refused.text } as Partial<Record<F, string>>);
  else report(failure);
}
