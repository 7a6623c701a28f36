import type { MentorshipView, TaskView } from './dto/mentorship.dto.js';

export interface TaskRow {
  id: string;
  title: string;
  due_date: string | null;
  done: boolean;
  created_by: string | null;
  created_at: Date | string;
}

export interface MentorshipRow {
  id: string;
  learner_id: string | null;
  mentor_id: string | null;
  request_id: string | null;
  program_id: string | null;
  status: 'active' | 'completed';
  started_at: Date;
  ended_at: Date | null;
  /** With PARTY_NAMES. */
  learner_name?: string | null;
  mentor_name?: string | null;
  /** From json_agg, so dates arrive as strings. */
  tasks?: TaskRow[];
}

/** A mentorship just created: both parties exist. */
export type StartedMentorshipRow = MentorshipRow & { learner_id: string; mentor_id: string };

export const MENTORSHIP_COLUMNS =
  'm.id, m.learner_id, m.mentor_id, m.request_id, m.program_id, m.status, m.started_at, m.ended_at';

/** Both parties' display names, so a list of mentorships names everyone without a request per row. */
export const PARTY_NAMES = `(SELECT p.display_name FROM profiles p WHERE p.id = m.learner_id) AS learner_name,
  (SELECT p.display_name FROM profiles p WHERE p.id = m.mentor_id) AS mentor_name`;

/** Tasks of each mentorship in one correlated aggregate, so a page of mentorships is one query. */
export const TASKS_AGGREGATE = `coalesce((
  SELECT json_agg(json_build_object('id', t.id, 'title', t.title, 'due_date', to_char(t.due_date, 'YYYY-MM-DD'),
    'done', t.done,
                                    'created_by', t.created_by, 'created_at', t.created_at) ORDER BY t.created_at, t.id)
    FROM mentorship_tasks t WHERE t.mentorship_id = m.id), '[]') AS tasks`;

export const TASK_COLUMNS = `id, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, done, created_by, created_at`;

export function taskView(t: TaskRow): TaskView {
  return {
    id: t.id,
    title: t.title,
    dueDate: t.due_date,
    done: t.done,
    createdBy: t.created_by,
    createdAt: new Date(t.created_at).toISOString(),
  };
}

export function mentorshipView(m: MentorshipRow): MentorshipView {
  return {
    id: m.id,
    learnerId: m.learner_id,
    learnerName: m.learner_name ?? null,
    mentorId: m.mentor_id,
    mentorName: m.mentor_name ?? null,
    requestId: m.request_id,
    programId: m.program_id,
    status: m.status,
    startedAt: m.started_at.toISOString(),
    endedAt: m.ended_at ? m.ended_at.toISOString() : null,
    tasks: (m.tasks ?? []).map(taskView),
  };
}
