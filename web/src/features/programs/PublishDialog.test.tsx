import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Program, Run } from './use-programs';

const { POST } = vi.hoisted(() => ({ POST: vi.fn() }));
vi.mock('../../api/client', () => ({ api: { POST } }));

const { PublishDialog } = await import('./PublishDialog');

const program: Program = {
  id: '0b7f3c1e-2a4d-4c5e-8f60-718293a4b5c6',
  organizerId: '1c8a4d2f-3b5e-4d6f-9a71-8293a4b5c6d7',
  name: 'Spring cohort',
  description: null,
  mode: 'stable',
  status: 'open',
  createdAt: '2026-11-01T10:00:00.000Z',
  publishedAt: null,
};

const learner = (n: number) => `4f1d7a5c-6e8b-4a9c-8da4-b5c6d7e8f90${n}`;
const mentor = '5a2e8b6d-7f9c-4bad-9eb5-c6d7e8f9a0b1';

const run: Run = {
  id: '6b3f9c7e-8a0d-4cbe-8fc6-d7e8f9a0b1c2',
  programId: program.id,
  status: 'done',
  mode: 'stable',
  stats: { learners: 3, mentors: 1, matched: 3, unmatched: 0, totalScore: 2.1, blockingPairs: 0 },
  pairs: [1, 2, 3].map((n) => ({ learnerId: learner(n), mentorId: mentor, score: 0.7 })),
  error: null,
  createdAt: '2026-11-05T10:00:00.000Z',
  finishedAt: '2026-11-05T10:00:02.000Z',
  publishedAt: null,
};

describe('PublishDialog', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('names every learner a PUBLISH_CONFLICT lists, also two with the same name', async () => {
    POST.mockResolvedValue({
      error: {
        status: 409,
        code: 'PUBLISH_CONFLICT',
        detail: 'Some learners reached their limit.',
        errors: [1, 2, 3].map((n) => ({ field: `pairs[${n - 1}].learnerId`, message: 'at the limit' })),
      },
      response: { ok: false, status: 409 },
    });
    const consoleError = vi.spyOn(console, 'error');
    // Learners 1 and 2 share a name; learner 3 has left the program (no name known).
    const names = new Map([
      [learner(1), 'Sam Lee'],
      [learner(2), 'Sam Lee'],
    ]);
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <PublishDialog opened onClose={() => {}} program={program} run={run} names={names} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const list = await screen.findByRole('list', { name: 'Learners at their limit' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Sam Lee', 'Sam Lee', 'A former member']);
    const keyWarnings = consoleError.mock.calls.filter((args) => String(args[0]).includes('same key'));
    expect(keyWarnings).toEqual([]);
  });
});
