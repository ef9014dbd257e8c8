import { cutToCodePoints, LOGGED_PURPOSE_MAX_CODE_POINTS } from '@kring/audit';
import { PurposeRefusal } from '@kring/policy';
import { ErrorCode, KringError } from './kring-error';

/**
 * The one map from the libraries' typed refusals to the API's errors (code and message). The
 * libraries decide and say why in their own vocabulary; only here does a reason become an
 * `extensions.code`. Exhaustive: a new reason nobody maps fails to compile.
 */
export function purposeRefusalError(refusal: PurposeRefusal, declared: { code: string | null | undefined; domain: string }): KringError {
  switch (refusal) {
    case PurposeRefusal.PURPOSE_REQUIRED:
      return new KringError(ErrorCode.PURPOSE_REQUIRED, 'Declare the purpose of this read (one of the codes of `purposes`).');
    case PurposeRefusal.UNKNOWN_PURPOSE:
      // The code is the caller's own text: quoted, and cut as the log cuts it.
      return new KringError(ErrorCode.UNKNOWN_PURPOSE, `Purpose ${JSON.stringify(cutToCodePoints(declared.code ?? '', LOGGED_PURPOSE_MAX_CODE_POINTS))} is not in the purpose catalogue; see \`purposes\`.`);
    case PurposeRefusal.PURPOSE_NOT_FOR_DOMAIN:
      return new KringError(ErrorCode.FORBIDDEN, `Organisations of domain ${declared.domain} may not use purpose ${declared.code ?? ''}.`);
  }
}
