import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Program, RunSummary } from './use-programs';

vi.mock('../../api/client', () => ({ api: { GET: vi.fn() } }));
vi.mock('../auth/use-auth', () => ({ useViewerTimeZone: () => 'UTC' }));

const { MatchRunCard } = await import('./MatchRunCard');

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

describe('MatchRunCard', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('announces a running run once: the ticking seconds stay out of the live region', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-05T10:00:03.000Z'));
    const run: RunSummary = {
      id: '6b3f9c7e-8a0d-4cbe-8fc6-d7e8f9a0b1c2',
      programId: program.id,
      status: 'running',
      mode: 'stable',
      stats: null,
      error: null,
      createdAt: '2026-11-05T10:00:00.000Z',
      finishedAt: null,
      publishedAt: null,
    };
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <ul>
            <MatchRunCard program={program} run={run} names={new Map([['a', 'Ada']])} />
          </ul>
        </QueryClientProvider>
      </MantineProvider>,
    );
    expect(screen.getByText(/running for 3 s/)).toBeTruthy();
    const announced = screen.getByRole('status').textContent;
    act(() => void vi.advanceTimersByTime(2_000));
    expect(screen.getByText(/running for 5 s/)).toBeTruthy();
    // A polite live region re-reads its text whenever it changes: a counter in it would speak every second.
    expect(screen.getByRole('status').textContent).toBe(announced);
    expect(announced).toContain('Matching');
  });
});
