import { expect } from '@jest/globals';
import { registerUser, type Harness, type TestUser } from './harness.js';
import { makeMentor, type MentorSetup } from './matching-fixtures.js';

export interface Pair {
  learner: TestUser;
  mentor: TestUser;
  requestId: string;
  conversationId: string;
}

/** A learner who sent `message` to a new mentor; the conversation the request opened. */
export async function requestPair(
  h: Harness,
  message = 'Hello, could you mentor me?',
  mentorSetup: MentorSetup = {},
  learnerSetup: { timezone?: string; availability?: unknown[] } = {},
): Promise<Pair> {
  const learner = await registerUser(h, ['learner'], { displayName: 'Lena Learner' });
  if (learnerSetup.timezone || learnerSetup.availability)
    await h.db.query(`UPDATE profiles SET timezone = $2, availability = $3::jsonb WHERE id = $1`, [
      learner.id,
      learnerSetup.timezone ?? 'UTC',
      JSON.stringify(learnerSetup.availability ?? []),
    ]);
  const mentor = await makeMentor(h, { displayName: 'Max Mentor', ...mentorSetup });
  const req = await h.http().post('/v1/mentorship-requests').set(learner.auth).send({ mentorId: mentor.id, message });
  expect(req.status).toBe(201);
  const list = await h.http().get('/v1/conversations').set(learner.auth);
  expect(list.status).toBe(200);
  const conversation = list.body.items.find((c: { with: { id: string } }) => c.with.id === mentor.id);
  return { learner, mentor, requestId: req.body.id, conversationId: conversation.id };
}

/** As requestPair, then accepted: an active mentorship. */
export async function mentorshipPair(
  h: Harness,
  mentorSetup: MentorSetup = {},
  learnerSetup: { timezone?: string; availability?: unknown[] } = {},
): Promise<Pair & { mentorshipId: string }> {
  const pair = await requestPair(h, 'Hello, could you mentor me?', mentorSetup, learnerSetup);
  const acc = await h.http().post(`/v1/mentorship-requests/${pair.requestId}/accept`).set(pair.mentor.auth);
  expect(acc.status).toBe(200);
  return { ...pair, mentorshipId: acc.body.mentorship.id };
}
