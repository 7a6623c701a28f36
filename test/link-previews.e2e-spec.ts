import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser, startHarness, type Harness, type TestUser } from './support/harness.js';
import { createMeetup } from './support/meetups.js';

// What `vite build` writes for web/index.html, in short: the site's own title and description.
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="Guildhall: mentors, meetups and a community for people growing into backend developers."
    />
    <title>Guildhall</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const BASE = 'https://guildhall.example';
const SITE_DESCRIPTION = 'Guildhall: mentors, meetups and a community for people growing into backend developers.';

/** The head's tags by name or property, as a crawler reads them (values decoded). */
function headTags(html: string): { title: string[]; meta: Record<string, string[]> } {
  const head = html.slice(0, html.indexOf('</head>'));
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const title = [...head.matchAll(/<title>([\s\S]*?)<\/title>/g)].map((m) => decode(m[1]));
  const meta: Record<string, string[]> = {};
  for (const m of head.matchAll(/<meta\s+(?:name|property)="([^"]+)"\s+content="([^"]*)"/g)) {
    (meta[m[1]] ??= []).push(decode(m[2]));
  }
  return { title, meta };
}

describe('link previews: the app document carries Open Graph tags for meetups, / and /meetups', () => {
  let h: Harness;
  let dist: string;
  let organizer: TestUser;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'guildhall-web-dist-'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    h = await startHarness({ worker: false, env: { WEB_DIST_DIR: dist, PUBLIC_BASE_URL: BASE } });
    organizer = await registerUser(h, ['organizer']);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const page = async (path: string) => {
    const res = await h.http().get(path).set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    // Still the app's document, revalidated on every load, under the same policy.
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.text).toContain('<script type="module" crossorigin src="/assets/index-abc123.js"></script>');
    expect(res.text).toContain('<div id="root"></div>');
    return res.text;
  };

  it('describes an in-person meetup: its title, time in its zone, place and description, once each', async () => {
    const m = await createMeetup(h, organizer, {
      title: 'PostgreSQL indexing night',
      description: 'B-trees,   GIN and GiST\nexplained over pizza.',
      startsAt: '2031-05-01T18:00:00Z',
      endsAt: '2031-05-01T20:00:00Z',
    });
    const { title, meta } = headTags(await page(`/meetups/${m.id}`));
    expect(title).toEqual(['PostgreSQL indexing night · Guildhall']);
    const description = 'Thu, 1 May 2031, 20:00 CEST · c-base, Berlin. B-trees, GIN and GiST explained over pizza.';
    expect(meta).toEqual({
      description: [description],
      'og:title': ['PostgreSQL indexing night'],
      'og:description': [description],
      'og:type': ['website'],
      'og:url': [`${BASE}/meetups/${m.id}`],
      'og:site_name': ['Guildhall'],
      'twitter:card': ['summary'],
    });
  });

  it('escapes what the organizer wrote and never shows the online link', async () => {
    const hostile = `Tom's "<script>alert(1)</script>" & friends`;
    const m = await createMeetup(h, organizer, {
      title: hostile,
      description: `</title><script>alert("x")</script> bring <b>snacks</b>`,
      online: true,
      onlineUrl: 'https://meet.example.org/secret-room-42',
      venue: undefined,
    });
    const html = await page(`/meetups/${m.id}`);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('secret-room-42');
    expect(html).not.toContain('meet.example.org');
    expect(html).toContain('Tom&#39;s &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; friends');
    const { title, meta } = headTags(html);
    expect(title).toEqual([`${hostile} · Guildhall`]);
    expect(meta['og:title']).toEqual([hostile]);
    expect(meta['og:description'][0]).toMatch(
      / · Online\. <\/title><script>alert\("x"\)<\/script> bring <b>snacks<\/b>$/,
    );
  });

  it('says when a meetup is cancelled', async () => {
    const m = await createMeetup(h, organizer, { title: 'Redis streams', startsAt: '2031-06-02T07:30:00Z' });
    expect((await h.http().post(`/v1/meetups/${m.id}/cancel`).set(organizer.auth)).status).toBe(200);
    // A previous read may be cached for a minute: this id was never read before.
    const { title, meta } = headTags(await page(`/meetups/${m.id}`));
    expect(title).toEqual(['Cancelled: Redis streams · Guildhall']);
    expect(meta['og:title']).toEqual(['Cancelled: Redis streams']);
    expect(meta['og:description'][0]).toMatch(/^Cancelled \(was Mon, 2 Jun 2031, 09:30 CEST, c-base, Berlin\)\. /);
  });

  it.each([
    ['an unknown id', '/meetups/7b7c5a58-7d0e-4c55-9d7e-3c1f4b3c1a11'],
    ['a malformed id', '/meetups/not-a-uuid'],
  ])('gives %s the site preview and still the app (which shows its 404)', async (_name, path) => {
    const { title, meta } = headTags(await page(path));
    expect(title).toEqual(['Guildhall']);
    expect(meta.description).toEqual([SITE_DESCRIPTION]);
    expect(meta['og:title']).toEqual(['Guildhall']);
    expect(meta['og:url']).toEqual([`${BASE}${path}`]);
  });

  it('gives / and /meetups the site preview', async () => {
    const home = headTags(await page('/'));
    expect(home.title).toEqual(['Guildhall']);
    expect(home.meta).toMatchObject({
      description: [SITE_DESCRIPTION],
      'og:title': ['Guildhall'],
      'og:url': [`${BASE}/`],
      'og:type': ['website'],
      'og:site_name': ['Guildhall'],
      'twitter:card': ['summary'],
    });
    const meetups = headTags(await page('/meetups?q=sql'));
    expect(meetups.title).toEqual(['Meetups · Guildhall']);
    expect(meetups.meta['og:title']).toEqual(['Meetups']);
    expect(meetups.meta['og:url']).toEqual([`${BASE}/meetups`]);
  });

  it('leaves other pages as built', async () => {
    expect(await page('/login')).toBe(INDEX);
    expect(await page('/meetups/new')).toBe(INDEX);
  });
});
