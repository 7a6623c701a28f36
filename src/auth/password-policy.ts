import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidationFailed } from '../common/errors/domain-error.js';

/**
 * NIST SP 800-63B: no composition rules, but a password found in a list of common or breached ones is
 * refused. The list is zxcvbn-ts's common-password dictionary (derived from public breach corpora),
 * shipped with the package so no request leaves the process; loaded once, lowercased, so case
 * variants of a listed password are refused too.
 */
let common: Set<string> | undefined;
const commonPasswords = (): Set<string> =>
  (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** Throws 400 when a password that passed the length check is still trivially guessable. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (password.trim() === '') {
    throw ValidationFailed.field(field, `${field} must not be only whitespace`);
  }
  if (commonPasswords().has(password.toLowerCase())) {
    throw ValidationFailed.field(
      field,
      `${field} is in a list of common or breached passwords; choose another`,
      'PASSWORD_TOO_COMMON',
    );
  }
}
