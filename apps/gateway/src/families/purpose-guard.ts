import { cutToCodePoints, LOGGED_PURPOSE_MAX_CODE_POINTS } from '@kring/audit';
import type { ProfessionalPrincipal } from '@kring/identity';
import type { Purpose, PurposeCatalogue } from '@kring/policy';
import { ErrorCode, KringError } from '../common/kring-error';

/** The declared purpose, checked before anything is loaded: required, in the catalogue, usable by the caller's domain. */
export function requirePurpose(catalogue: PurposeCatalogue, principal: ProfessionalPrincipal, code: string | null | undefined): Purpose {
  if (code === null || code === undefined || code.trim() === '') {
    throw new KringError(ErrorCode.PURPOSE_REQUIRED, 'Declare the purpose of this read (one of the codes of `purposes`).');
  }
  // Exact codes only: a padded or differently cased code is not the catalogue's code.
  const purpose = catalogue.find(code);
  if (purpose === undefined) {
    throw new KringError(ErrorCode.UNKNOWN_PURPOSE, `Purpose ${JSON.stringify(cutToCodePoints(code, LOGGED_PURPOSE_MAX_CODE_POINTS))} is not in the purpose catalogue; see \`purposes\`.`);
  }
  if (!purpose.domains.includes(principal.domain)) {
    throw new KringError(ErrorCode.FORBIDDEN, `Organisations of domain ${principal.domain} may not use purpose ${purpose.code}.`);
  }
  return purpose;
}
