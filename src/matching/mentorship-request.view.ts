import type { DeclineReason, MentorshipRequestView, RequestStatus } from './dto/mentorship-request.dto.js';

export interface RequestRow {
  id: string;
  learner_id: string | null;
  mentor_id: string | null;
  message: string;
  goal_ids: string[];
  status: RequestStatus;
  decline_reason: DeclineReason | null;
  decline_note: string | null;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
  learner_name: string | null;
  mentor_name: string | null;
}

/**
 * A request's columns, with both parties' display names so that a list names everyone without a request per row.
 * For statements on mentorship_requests under its own name (no alias): the names' subqueries refer to it.
 */
export const REQUEST_COLUMNS =
  'id, learner_id, mentor_id, message, goal_ids, status, decline_reason, decline_note, ' +
  'created_at, expires_at, decided_at, ' +
  '(SELECT p.display_name FROM profiles p WHERE p.id = mentorship_requests.learner_id) AS learner_name, ' +
  '(SELECT p.display_name FROM profiles p WHERE p.id = mentorship_requests.mentor_id) AS mentor_name';

export function requestView(r: RequestRow): MentorshipRequestView {
  return {
    id: r.id,
    learnerId: r.learner_id,
    learnerName: r.learner_name,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name,
    message: r.message,
    goalIds: r.goal_ids,
    status: r.status,
    declineReason: r.decline_reason,
    declineNote: r.decline_note,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  };
}
