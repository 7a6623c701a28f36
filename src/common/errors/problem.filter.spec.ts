import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ProblemFilter } from './problem.filter.js';

describe('ProblemFilter and a pool that could not hand out a connection in time', () => {
  const filter = new ProblemFilter();

  it.each([
    ['every connection busy past the timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a new connection slower to open than the timeout',
      new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated') }),
    ],
  ])('%s: 503 BUSY with Retry-After 1, not a 500', (_case, error) => {
    const { body, retryAfter } = filter.toProblem(error);
    expect(body).toMatchObject({ status: 503, code: 'BUSY' });
    expect(retryAfter).toBe(1);
  });

  it('leaves other errors a 500', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(filter.toProblem(new Error('Connection terminated unexpectedly')).body).toMatchObject({ status: 500 });
    log.mockRestore();
  });
});
