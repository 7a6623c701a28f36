import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MessageDigestService } from '../src/conversations/message-digest.service.js';
import { eventually, registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { startSmtpSink, type Mail, type SmtpSink } from './support/smtp-sink.js';
import { requestPair } from './support/conversations.js';
import { makeMentor } from './support/matching-fixtures.js';

const PERIOD_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until just after a digest period starts, so a few quick posts fall in one period. */
const startOfPeriod = async () => sleep(PERIOD_MS - (Date.now() % PERIOD_MS) + 50);
const decodeQp = (s: string) =>
  s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe('conversations with a worker: message e-mail digests, program mentorships', () => {
  let h: Harness;
  let sink: SmtpSink;
  const mails = (): Mail[] => sink.mails;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startHarness({
      env: {
        SMTP_URL: sink.url,
        MESSAGE_DIGEST_SECONDS: String(PERIOD_MS / 1000),
        PUBLIC_BASE_URL: 'https://guildhall.example',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await sink?.close();
  });

  const digestsTo = (u: TestUser) =>
    mails().filter((m) => m.to.includes(u.email) && /^Subject: \d+ unread messages? on Guildhall/m.test(m.raw));
  const post = (u: TestUser, id: string, body: string) =>
    h.http().post(`/v1/conversations/${id}/messages`).set(u.auth).send({ body });

  it('mails unread messages as one digest per period, never one mail per message', async () => {
    const { learner, mentor, conversationId } = await requestPair(h, 'The opening request');
    await h.http().post(`/v1/conversations/${conversationId}/read`).set(mentor.auth);
    await startOfPeriod();
    for (const body of ['first note', 'second note', 'third note'])
      expect((await post(learner, conversationId, body)).status).toBe(201);
    const [digest] = await eventually(() => Promise.resolve(digestsTo(mentor).length ? digestsTo(mentor) : null));
    const text = decodeQp(digest.raw);
    expect(text).toContain('Subject: 3 unread messages on Guildhall');
    for (const body of ['first note', 'second note', 'third note']) expect(text).toContain(body);
    expect(text).not.toContain('The opening request');
    expect(text).toContain(`https://guildhall.example/v1/conversations/${conversationId}/messages`);
    // The in-app notification exists, but message.received is never mailed on its own.
    await sleep(PERIOD_MS + 500);
    expect(digestsTo(mentor)).toHaveLength(1);
    expect(mails().filter((m) => m.to.includes(mentor.email) && m.raw.includes('You have a new message'))).toEqual([]);

    // A later period's digest carries only what came after the last one.
    await startOfPeriod();
    await post(learner, conversationId, 'fourth note');
    const later = await eventually(() => Promise.resolve(digestsTo(mentor).length === 2 ? digestsTo(mentor)[1] : null));
    const laterText = decodeQp(later.raw);
    expect(laterText).toContain('Subject: 1 unread message on Guildhall');
    expect(laterText).toContain('fourth note');
    expect(laterText).not.toContain('third note');
  });

  it('sends nothing for messages read before the digest runs, or when message.received is muted', async () => {
    const read = await requestPair(h);
    const muted = await requestPair(h);
    await h
      .http()
      .put('/v1/notification-preferences')
      .set(muted.mentor.auth)
      .send({ mutedTypes: ['message.received'] });
    await startOfPeriod();
    await post(read.learner, read.conversationId, 'read me now');
    await h.http().post(`/v1/conversations/${read.conversationId}/read`).set(read.mentor.auth);
    await post(muted.learner, muted.conversationId, 'you muted me');
    const periodEnd = Math.ceil(Date.now() / PERIOD_MS) * PERIOD_MS;
    // Both jobs ran and claimed their period, and neither sent a mail.
    await eventually(async () => {
      const rows = await h.db.query(
        `SELECT profile_id FROM message_email_digests WHERE profile_id = ANY($1::uuid[]) AND hour_end = $2`,
        [[read.mentor.id, muted.mentor.id], new Date(periodEnd)],
      );
      return rows.length === 2;
    });
    expect(digestsTo(read.mentor)).toEqual([]);
    expect(digestsTo(muted.mentor)).toEqual([]);
  });

  it('a digest job that runs twice sends once', async () => {
    const { learner, mentor, conversationId } = await requestPair(h);
    await post(learner, conversationId, 'only once please');
    const digests = h.worker!.get(MessageDigestService);
    const job = { profileId: mentor.id, periodEnd: Date.now() + 60_000 };
    expect(await digests.send(job)).toBe('sent');
    expect(await digests.send(job)).toBe('already-sent');
  });

  it('a mentorship published from a program opens the pair’s conversation', async () => {
    const organizer = await registerUser(h, ['organizer']);
    const mentor = await makeMentor(h, { displayName: 'Program Mentor' });
    const learner = await registerUser(h, ['learner']);
    const program = await h.http().post('/v1/programs').set(organizer.auth).send({ name: 'Cohort', mode: 'stable' });
    expect(program.status).toBe(201);
    const pid = program.body.id;
    expect(
      (await h.http().post(`/v1/programs/${pid}/join`).set(mentor.auth).send({ as: 'mentor', capacity: 1 })).status,
    ).toBe(201);
    expect((await h.http().post(`/v1/programs/${pid}/join`).set(learner.auth).send({ as: 'learner' })).status).toBe(
      201,
    );
    const run = await h.http().post(`/v1/programs/${pid}/match-runs`).set(organizer.auth);
    await eventually(async () => {
      const res = await h.http().get(`/v1/programs/${pid}/match-runs/${run.body.id}`).set(organizer.auth);
      return res.body.status === 'done';
    });
    expect(
      (await h.http().post(`/v1/programs/${pid}/match-runs/${run.body.id}/publish`).set(organizer.auth)).status,
    ).toBe(200);
    const list = await h.http().get('/v1/conversations').set(learner.auth);
    expect(list.body.items).toEqual([
      {
        id: expect.any(String),
        with: { id: mentor.id, displayName: 'Program Mentor' },
        requestId: null,
        mentorshipId: expect.any(String),
        lastMessage: null,
        unreadCount: 0,
        open: true,
      },
    ]);
    expect((await post(mentor, list.body.items[0].id, 'Welcome to the cohort!')).status).toBe(201);
  });
});
