import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  eventually,
  expectProblem,
  registerUser,
  startHarness,
  type Harness,
  type TestUser,
} from './support/harness.js';
import { mentorshipPair, requestPair } from './support/conversations.js';
import { makeMentor, outboxEvents } from './support/matching-fixtures.js';

describe('conversations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { MAX_ACTIVE_MENTORSHIPS_PER_LEARNER: '3' } });
  });
  afterAll(() => h.close());

  const list = async (u: TestUser) => {
    const res = await h.http().get('/v1/conversations').set(u.auth);
    expect(res.status).toBe(200);
    return res.body.items as {
      id: string;
      with: { id: string; displayName: string };
      requestId: string | null;
      mentorshipId: string | null;
      lastMessage: { id: string; authorId: string; body: string; createdAt: string } | null;
      unreadCount: number;
      open: boolean;
    }[];
  };
  const post = (u: TestUser, id: string, body: object) =>
    h.http().post(`/v1/conversations/${id}/messages`).set(u.auth).send(body);
  const read = (u: TestUser, id: string) => h.http().post(`/v1/conversations/${id}/read`).set(u.auth);

  it('a request opens the conversation with its message first, unread for the mentor', async () => {
    const { learner, mentor, requestId, conversationId } = await requestPair(h, 'Could you teach me SQL?');
    const [mine] = await list(mentor);
    expect(mine).toEqual({
      id: conversationId,
      with: { id: learner.id, displayName: 'Lena Learner' },
      requestId,
      mentorshipId: null,
      lastMessage: {
        id: expect.any(String),
        authorId: learner.id,
        body: 'Could you teach me SQL?',
        createdAt: expect.any(String),
      },
      unreadCount: 1,
      open: true,
    });
    const [theirs] = await list(learner);
    expect(theirs).toMatchObject({
      id: conversationId,
      with: { id: mentor.id, displayName: 'Max Mentor' },
      unreadCount: 0,
    });
    const res = await read(mentor, conversationId);
    expect(res.status).toBe(204);
    expect((await list(mentor))[0].unreadCount).toBe(0);
  });

  it('posts messages (201), lists them newest first with cursors, and validates the body', async () => {
    const { learner, mentor, conversationId } = await requestPair(h);
    for (const body of ['one', 'two', 'three']) {
      const res = await post(mentor, conversationId, { body });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), authorId: mentor.id, body, createdAt: expect.any(String) });
    }
    const page1 = await h.http().get(`/v1/conversations/${conversationId}/messages?limit=2`).set(learner.auth);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((m: { body: string }) => m.body)).toEqual(['three', 'two']);
    const page2 = await h
      .http()
      .get(`/v1/conversations/${conversationId}/messages?limit=2&cursor=${page1.body.nextCursor}`)
      .set(learner.auth);
    expect(page2.body.items.map((m: { body: string }) => m.body)).toEqual(['one', 'Hello, could you mentor me?']);
    expect(page2.body.nextCursor).toBeNull();
    expect((await list(learner))[0]).toMatchObject({ unreadCount: 3, lastMessage: { body: 'three' } });

    expectProblem(await post(learner, conversationId, { body: '' }), 400);
    expectProblem(await post(learner, conversationId, { body: 'x'.repeat(4001) }), 400);
    expect((await post(learner, conversationId, { body: 'x'.repeat(4000) })).status).toBe(201);
    expectProblem(await post(learner, conversationId, { body: 'hi', extra: 1 }), 400);
    expectProblem(await post(learner, conversationId, {}), 400);
    expectProblem(
      await h.http().get(`/v1/conversations/${conversationId}/messages?cursor=!!`).set(learner.auth),
      400,
      'INVALID_CURSOR',
    );
  });

  it('shows a conversation to its two parties only (404 for anyone else)', async () => {
    const { conversationId } = await requestPair(h);
    const stranger = await registerUser(h);
    expectProblem(await h.http().get(`/v1/conversations/${conversationId}/messages`).set(stranger.auth), 404);
    expectProblem(await post(stranger, conversationId, { body: 'hi' }), 404);
    expectProblem(await read(stranger, conversationId), 404);
    expectProblem(await read(stranger, '6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b'), 404);
    expect(await list(stranger)).toEqual([]);
    expectProblem(await h.http().get('/v1/conversations'), 401);
  });

  it('notifies message.received once while earlier messages are unread', async () => {
    const { learner, mentor, conversationId } = await requestPair(h);
    const received = async () => outboxEvents(h, 'conversationId', conversationId, 'message.received');
    // The request's own message counts as unread (the mentor was told by mentorship.requested).
    await post(learner, conversationId, { body: 'ping 1' });
    expect(await received()).toHaveLength(0);
    await read(mentor, conversationId);
    await post(learner, conversationId, { body: 'ping 2' });
    await post(learner, conversationId, { body: 'ping 3' });
    let events = await received();
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ conversationId, authorId: learner.id, recipientIds: [mentor.id] });
    await read(mentor, conversationId);
    await post(learner, conversationId, { body: 'ping 4' });
    events = await received();
    expect(events).toHaveLength(2);
    // Messages to the learner are counted on the learner's side only.
    await post(mentor, conversationId, { body: 'pong' });
    events = await received();
    expect(events).toHaveLength(3);
    expect(events[2].payload.recipientIds).toEqual([learner.id]);
  });

  it('lists conversations latest activity first, with per-conversation unread counts', async () => {
    const mentor = await makeMentor(h, { capacity: 5 });
    const learners = [await registerUser(h), await registerUser(h), await registerUser(h)];
    for (const l of learners) {
      const res = await h
        .http()
        .post('/v1/mentorship-requests')
        .set(l.auth)
        .send({ mentorId: mentor.id, message: 'hi' });
      expect(res.status).toBe(201);
    }
    let items = await list(mentor);
    expect(items.map((c) => c.with.id)).toEqual([learners[2].id, learners[1].id, learners[0].id]);
    await post(learners[0], items[2].id, { body: 'me again' });
    await post(learners[0], items[2].id, { body: 'and again' });
    items = await list(mentor);
    expect(items.map((c) => [c.with.id, c.unreadCount])).toEqual([
      [learners[0].id, 3],
      [learners[2].id, 1],
      [learners[1].id, 1],
    ]);
    const page = await h.http().get('/v1/conversations?limit=2').set(mentor.auth);
    const rest = await h.http().get(`/v1/conversations?limit=2&cursor=${page.body.nextCursor}`).set(mentor.auth);
    expect([...page.body.items, ...rest.body.items].map((c: { id: string }) => c.id)).toEqual(items.map((c) => c.id));
    expect(rest.body.nextCursor).toBeNull();
  });

  it('is read-only once the request ends, and a later request reopens the same conversation', async () => {
    const { learner, mentor, conversationId } = await requestPair(h, 'first ask');
    const reqs = await h.http().get('/v1/mentorship-requests?as=learner').set(learner.auth);
    const cancel = await h.http().post(`/v1/mentorship-requests/${reqs.body.items[0].id}/cancel`).set(learner.auth);
    expect(cancel.status).toBe(200);
    expect((await list(mentor))[0]).toMatchObject({ id: conversationId, open: false });
    expectProblem(await post(learner, conversationId, { body: 'hello?' }), 409, 'CONVERSATION_CLOSED');
    expectProblem(await post(mentor, conversationId, { body: 'hello?' }), 409, 'CONVERSATION_CLOSED');
    const history = await h.http().get(`/v1/conversations/${conversationId}/messages`).set(mentor.auth);
    expect(history.status).toBe(200);
    expect(history.body.items.map((m: { body: string }) => m.body)).toEqual(['first ask']);

    const again = await h
      .http()
      .post('/v1/mentorship-requests')
      .set(learner.auth)
      .send({ mentorId: mentor.id, message: 'second ask' });
    expect(again.status).toBe(201);
    const items = await list(mentor);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: conversationId,
      open: true,
      requestId: again.body.id,
      lastMessage: { body: 'second ask' },
    });
    expect((await post(mentor, conversationId, { body: 'welcome back' })).status).toBe(201);
  });

  it('stays open through the mentorship, closes when it completes', async () => {
    const { learner, mentor, conversationId, mentorshipId } = await mentorshipPair(h);
    expect((await list(learner))[0]).toMatchObject({ id: conversationId, mentorshipId, open: true });
    expect((await post(mentor, conversationId, { body: 'let us start' })).status).toBe(201);
    expect((await h.http().post(`/v1/mentorships/${mentorshipId}/complete`).set(learner.auth)).status).toBe(200);
    expect((await list(learner))[0].open).toBe(false);
    expectProblem(await post(learner, conversationId, { body: 'thanks!' }), 409, 'CONVERSATION_CLOSED');
  });

  it('closes at once when either party blocks the other', async () => {
    const { learner, mentor, conversationId } = await mentorshipPair(h);
    expect((await h.http().post('/v1/blocks').set(mentor.auth).send({ profileId: learner.id })).status).toBe(201);
    expect((await list(learner))[0].open).toBe(false);
    expectProblem(await post(learner, conversationId, { body: 'why?' }), 409, 'CONVERSATION_CLOSED');
    expectProblem(await post(mentor, conversationId, { body: 'bye' }), 409, 'CONVERSATION_CLOSED');
  });

  it('allows 30 messages a minute per person, then 429 with Retry-After', async () => {
    const { learner, mentor, conversationId } = await mentorshipPair(h);
    // The limit counts per clock minute: start early in one so all 31 posts fall in the same window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(learner, conversationId, { body: `m${i}` })).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const limited = await post(learner, conversationId, { body: 'one too many' });
    expectProblem(limited, 429, 'MESSAGE_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The limit is per person: the other party can still write.
    expect((await post(mentor, conversationId, { body: 'slow down' })).status).toBe(201);
  });

  it('documents every endpoint in the OpenAPI document', async () => {
    const res = await h.http().get('/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/v1/conversations'])).toContain('get');
    expect(Object.keys(paths['/v1/conversations/{id}/messages']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/v1/conversations/{id}/read'])).toContain('post');
    expect(Object.keys(paths['/v1/mentorships/{id}/slots'])).toContain('get');
    expect(Object.keys(paths['/v1/mentorships/{id}/sessions']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/v1/mentorships/{id}/sessions/{sid}'])).toContain('patch');
    for (const action of ['confirm', 'cancel'])
      expect(Object.keys(paths[`/v1/mentorships/{id}/sessions/{sid}/${action}`])).toContain('post');
    expect(Object.keys(paths['/v1/mentorships/{id}/sessions/{sid}/ics'])).toContain('get');
    const schemas = res.body.components.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(schemas.ConversationView.properties).sort()).toEqual(
      ['id', 'lastMessage', 'mentorshipId', 'open', 'requestId', 'unreadCount', 'with'].sort(),
    );
    expect(schemas.PostMessageDto.properties.body).toMatchObject({ minLength: 1, maxLength: 4000 });
    expect(schemas.SessionView.properties.status).toMatchObject({ enum: ['proposed', 'confirmed', 'cancelled'] });
  });

  it('keeps one conversation per pair however many requests race', async () => {
    const learner = await registerUser(h);
    const mentor = await makeMentor(h);
    await Promise.all(
      Array.from({ length: 4 }, () =>
        h.http().post('/v1/mentorship-requests').set(learner.auth).send({ mentorId: mentor.id, message: 'race' }),
      ),
    );
    const rows = await h.db.query(`SELECT id FROM conversations WHERE learner_id = $1 AND mentor_id = $2`, [
      learner.id,
      mentor.id,
    ]);
    expect(rows).toHaveLength(1);
    await eventually(async () => (await list(mentor)).length === 1);
  });
});
