import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { badTokenMessage, isBadToken, linkToken } from './link-token';

describe('mailed link tokens', () => {
  it('reads the token of a link, or null when it came without one', () => {
    expect(linkToken(new URLSearchParams('token=abc_-1'))).toBe('abc_-1');
    expect(linkToken(new URLSearchParams('token=%20'))).toBeNull();
    expect(linkToken(new URLSearchParams(''))).toBeNull();
  });

  it('tells a bad link (INVALID_TOKEN or a token field error) from a form error, with the API’s words', () => {
    const invalid = new ApiError(400, {
      status: 400,
      code: 'INVALID_TOKEN',
      detail: 'The link is invalid, used or expired; ask for a new one.',
      errors: [{ field: 'token', message: 'The link is invalid, used or expired; ask for a new one.' }],
    });
    expect(isBadToken(invalid)).toBe(true);
    expect(badTokenMessage(invalid)).toBe('The link is invalid, used or expired; ask for a new one.');
    const tooLong = new ApiError(400, { status: 400, errors: [{ field: 'token', message: 'token is too long' }] });
    expect(isBadToken(tooLong)).toBe(true);
    expect(badTokenMessage(tooLong)).toBe('token is too long');

    const policy = new ApiError(400, {
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'password', message: 'password must be 10 to 128 characters long' }],
    });
    expect(isBadToken(policy)).toBe(false);
    expect(isBadToken(new ApiError(429, { status: 429, code: 'INVALID_TOKEN' }))).toBe(false);
    expect(isBadToken(new Error('offline'))).toBe(false);
  });
});
