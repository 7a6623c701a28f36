import type { DeclineReason, MentorshipRequestView, RequestStatus } from './dto/mentorship-request.dto.js';

export interface RequestRow {
  id: string;
  learner_id: string;
  mentor_id: string;
  message: string;
  goal_ids: string[];
  status: RequestStatus;
  decline_reason: DeclineReason | null;
  decline_note: string | null;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
}

export const REQUEST_COLUMNS =
  'id, learner_id, mentor_id, message, goal_ids, status, decline_reason, decline_note, ' +
  'created_at, expires_at, decided_at';

export function requestView(r: RequestRow): MentorshipRequestView {
  return {
    id: r.id,
    learnerId: r.learner_id,
    mentorId: r.mentor_id,
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
