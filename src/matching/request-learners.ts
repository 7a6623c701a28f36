import { sql, type Queryable } from '../database/sql.js';
import type { MentorshipRequestView, RequestLearnerGoal, RequestLearnerView } from './dto/mentorship-request.dto.js';

interface LearnerRow {
  id: string;
  display_name: string;
  headline: string;
  skills: { slug: string; name: string; level: number }[];
  goals: RequestLearnerGoal[];
}

/**
 * Adds the `learner` summary to the requests `mentorId` received, in one query for the whole page: each learner
 * once, with their skills and only the goals their requests to this mentor name. Requests the caller sent, and
 * pairs where either blocks the other, get nothing.
 */
export async function withLearnerSummaries(
  db: Queryable,
  mentorId: string,
  requests: MentorshipRequestView[],
): Promise<MentorshipRequestView[]> {
  const received = requests.filter((r) => r.mentorId === mentorId);
  if (!received.length) return requests;
  const learnerIds = [...new Set(received.map((r) => r.learnerId))];
  const goalIds = [...new Set(received.flatMap((r) => r.goalIds))];
  const rows = await sql<LearnerRow>(
    db,
    `SELECT p.id, p.display_name, p.headline,
            coalesce((SELECT json_agg(json_build_object('slug', ps.skill, 'name', s.name, 'level', ps.level)
                                      ORDER BY ps.level DESC, s.name, ps.skill)
                        FROM profile_skills ps JOIN skills s ON s.slug = ps.skill
                       WHERE ps.profile_id = p.id), '[]') AS skills,
            coalesce((SELECT json_agg(json_build_object('id', g.id, 'skill', g.skill, 'skillName', s.name,
                                                        'targetLevel', g.target_level,
                                                        'targetDate', to_char(g.target_date, 'YYYY-MM-DD'),
                                                        'note', g.note, 'status', g.status)
                                      ORDER BY g.created_at, g.id)
                        FROM goals g JOIN skills s ON s.slug = g.skill
                       WHERE g.profile_id = p.id AND g.id = ANY($3::uuid[])), '[]') AS goals
       FROM profiles p
      WHERE p.id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM blocks b
                         WHERE (b.blocker_id = p.id AND b.blocked_id = $2)
                            OR (b.blocker_id = $2 AND b.blocked_id = p.id))`,
    [learnerIds, mentorId, goalIds],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return requests.map((r) => {
    const row = r.mentorId === mentorId && r.learnerId !== null ? byId.get(r.learnerId) : undefined;
    if (!row) return r;
    const named = new Set(r.goalIds);
    const learner: RequestLearnerView = {
      id: row.id,
      displayName: row.display_name,
      headline: row.headline,
      skills: row.skills,
      goals: row.goals.filter((g) => named.has(g.id)),
    };
    return { ...r, learner };
  });
}
