// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { formErrors } from './form-errors';

const problem = (errors: { field: string; message: string }[], detail = 'Validation failed') =>
  new ApiError(400, { status: 400, title: 'Bad Request', detail, code: 'VALIDATION_FAILED', errors });

describe('formErrors', () => {
  it('puts each message at the input whose API path it names, indexed paths included', () => {
    const errors = formErrors(
      problem([
        { field: 'skills[1].level', message: 'level must not be greater than 5' },
        { field: 'displayName', message: 'displayName must be shorter' },
      ]),
      ['displayName', 'skills[0].level', 'skills[1].level'],
    );
    expect(errors.field('skills[1].level')).toBe('level must not be greater than 5');
    expect(errors.field('skills[0].level')).toBeUndefined();
    expect(errors.field('displayName')).toBe('displayName must be shorter');
    expect(errors.general).toEqual([]);
  });

  it('gives a nested path to the input of its parent (location.lat → City)', () => {
    const errors = formErrors(problem([{ field: 'location.lat', message: 'lat must be a number' }]), ['location']);
    expect(errors.field('location')).toBe('lat must be a number');
  });

  it('shows messages no input claims, with the detail, at the form', () => {
    const errors = formErrors(problem([{ field: 'roles', message: 'admin cannot be chosen' }]), ['email']);
    expect(errors.general).toEqual(['Validation failed', 'admin cannot be chosen']);
  });

  it('shows the detail of a problem without errors[]', () => {
    const conflict = new ApiError(409, { status: 409, detail: 'That e-mail address is taken', code: 'EMAIL_TAKEN' });
    expect(formErrors(conflict, ['email']).general).toEqual(['That e-mail address is taken']);
  });

  it('is empty without an error', () => {
    const errors = formErrors(null, ['email']);
    expect(errors.field('email')).toBeUndefined();
    expect(errors.general).toEqual([]);
  });
});
