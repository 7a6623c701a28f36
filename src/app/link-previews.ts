import { isUuid } from '../common/http/uuid.pipe.js';
import type { MeetupPreview } from '../meetups/meetup.view.js';

/** What a shared link's preview shows (Open Graph and Twitter cards, read by chat tools that fetch the page). */
export interface PageHead {
  /** The document's title. */
  title: string;
  /** The preview's headline (og:title): the page's own name, the site's name is og:site_name. */
  headline: string;
  description: string;
  url: string;
}

export type MeetupLookup = (id: string) => Promise<MeetupPreview | undefined>;

const SITE = 'Guildhall';
const SITE_DESCRIPTION = 'Guildhall: mentors, meetups and a community for people growing into backend developers.';
const DESCRIPTION_CHARS = 200;
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 1_000;

const MEETUP_PAGE = /^\/meetups\/([^/]+)\/?$/;

/**
 * The head of the app's pages that are worth a preview: `/`, `/meetups` and each `/meetups/:id`. A meetup is
 * looked up at most once a minute per id (crawlers fetch a link many times when it is shared); an unknown id or
 * a failed lookup gets the site's own preview, and the app then shows its 404 or error.
 */
export function createLinkPreviews(baseUrl: string, lookup: MeetupLookup) {
  const cache = new Map<string, { until: number; meetup: MeetupPreview | undefined }>();

  const meetup = async (id: string): Promise<MeetupPreview | undefined> => {
    const now = Date.now();
    const hit = cache.get(id);
    if (hit && hit.until > now) return hit.meetup;
    let found: MeetupPreview | undefined;
    try {
      found = await lookup(id);
    } catch {
      return undefined;
    }
    cache.delete(id);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(id, { until: now + CACHE_MS, meetup: found });
    return found;
  };

  const site = (path: string, headline = SITE): PageHead => ({
    title: headline === SITE ? SITE : `${headline} · ${SITE}`,
    headline,
    description: SITE_DESCRIPTION,
    url: baseUrl + path,
  });

  return async (path: string): Promise<PageHead | null> => {
    if (path === '/' || path === '') return site('/');
    if (path === '/meetups' || path === '/meetups/') return site('/meetups', 'Meetups');
    const id = MEETUP_PAGE.exec(path)?.[1];
    if (id === undefined || id === 'new') return null;
    const found = isUuid(id) ? await meetup(id.toLowerCase()) : undefined;
    return found ? meetupHead(baseUrl, found) : site(path);
  };
}

export function meetupHead(baseUrl: string, m: MeetupPreview): PageHead {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: m.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(m.startsAt);
  const where = m.online ? 'Online' : [m.venueName, m.venueCity].filter(Boolean).join(', ') || 'In person';
  const about = excerpt(m.description);
  const facts = m.cancelled ? `Cancelled (was ${when}, ${where}).` : `${when} · ${where}.`;
  const headline = `${m.cancelled ? 'Cancelled: ' : ''}${m.title}`;
  return {
    title: `${headline} · ${SITE}`,
    headline,
    description: about ? `${facts} ${about}` : facts,
    url: `${baseUrl}/meetups/${m.id}`,
  };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_CHARS ? flat : `${flat.slice(0, DESCRIPTION_CHARS - 1).trimEnd()}…`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** index.html with its title and description replaced by the page's, and the preview tags added. */
export function withHead(html: string, head: PageHead): string {
  const title = escapeHtml(head.title);
  const description = escapeHtml(head.description);
  const meta = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${value}" />`;
  const tags = [
    `<title>${title}</title>`,
    meta('name', 'description', description),
    meta('property', 'og:title', escapeHtml(head.headline)),
    meta('property', 'og:description', description),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:url', escapeHtml(head.url)),
    meta('property', 'og:site_name', SITE),
    meta('name', 'twitter:card', 'summary'),
  ].join('\n    ');
  const stripped = html.replace(/<title>[\s\S]*?<\/title>\s*/i, '').replace(/<meta\s+name="description"[^>]*>\s*/i, '');
  const end = stripped.search(/<\/head>/i);
  return end < 0 ? stripped : `${stripped.slice(0, end)}    ${tags}\n  ${stripped.slice(end)}`;
}
