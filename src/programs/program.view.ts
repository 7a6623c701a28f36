import type { MembershipView, ProgramMode, ProgramSide, ProgramStatus, ProgramView } from './dto/program.dto.js';
import type {
  MatchRunPair,
  MatchRunStats,
  MatchRunStatus,
  MatchRunSummary,
  MatchRunView,
} from './dto/match-run.dto.js';

export interface ProgramRow {
  id: string;
  organizer_id: string;
  name: string;
  description: string | null;
  mode: ProgramMode;
  status: ProgramStatus;
  created_at: Date;
  published_at: Date | null;
}

export const PROGRAM_COLUMNS =
  'p.id, p.organizer_id, p.name, p.description, p.mode, p.status, p.created_at, p.published_at';

export interface MemberRow {
  program_id: string;
  profile_id: string;
  side: ProgramSide;
  capacity: number | null;
  preferences: string[];
  joined_at: Date;
}

export const MEMBER_COLUMNS = 'm.program_id, m.profile_id, m.side, m.capacity, m.preferences, m.joined_at';

export interface MatchRunRow {
  id: string;
  program_id: string;
  mode: ProgramMode;
  status: MatchRunStatus;
  stats: MatchRunStats | null;
  pairs: MatchRunPair[];
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  published_at: Date | null;
}

export const RUN_COLUMNS =
  'r.id, r.program_id, r.mode, r.status, r.stats, r.pairs, r.error, r.created_at, r.finished_at, r.published_at';

/** A run without its pairs (they can be large): what the run list reads. */
export type RunSummaryRow = Omit<MatchRunRow, 'pairs'>;
export const RUN_SUMMARY_COLUMNS =
  'r.id, r.program_id, r.mode, r.status, r.stats, r.error, r.created_at, r.finished_at, r.published_at';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function programView(p: ProgramRow): ProgramView {
  return {
    id: p.id,
    organizerId: p.organizer_id,
    name: p.name,
    description: p.description,
    mode: p.mode,
    status: p.status,
    createdAt: p.created_at.toISOString(),
    publishedAt: iso(p.published_at),
  };
}

export function membershipView(m: MemberRow): MembershipView {
  return {
    programId: m.program_id,
    profileId: m.profile_id,
    as: m.side,
    capacity: m.capacity,
    preferences: m.preferences,
    joinedAt: m.joined_at.toISOString(),
  };
}

export function matchRunView(r: MatchRunRow): MatchRunView {
  return {
    id: r.id,
    programId: r.program_id,
    status: r.status,
    mode: r.mode,
    stats: r.status === 'done' ? r.stats : null,
    pairs: r.status === 'done' ? r.pairs : [],
    error: r.error,
    createdAt: r.created_at.toISOString(),
    finishedAt: iso(r.finished_at),
    publishedAt: iso(r.published_at),
  };
}

export function matchRunSummary(r: RunSummaryRow): MatchRunSummary {
  return {
    id: r.id,
    programId: r.program_id,
    status: r.status,
    mode: r.mode,
    stats: r.status === 'done' ? r.stats : null,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    finishedAt: iso(r.finished_at),
    publishedAt: iso(r.published_at),
  };
}
