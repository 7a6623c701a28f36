import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.pipe.js';

describe('flattenValidationErrors', () => {
  it('names nested and array fields with one path style', () => {
    const tree = [
      {
        property: 'skills',
        children: [
          {
            property: '0',
            children: [{ property: 'level', constraints: { max: 'level must not be greater than 5' }, children: [] }],
          },
        ],
      },
      { property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' }, children: [] },
    ] as unknown as ValidationError[];
    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'skills[0].level', message: 'level must not be greater than 5' },
      { field: 'extra', message: 'extra is not an accepted field' },
    ]);
  });
});
