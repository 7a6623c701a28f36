/*
 * The API answer a page asks for first, when its address alone says which: listed in the document as a fetch
 * preload, it downloads while the page's code does instead of after it (on a phone's network, one round trip
 * less before the list or the meetup shows).
 *
 * Each URL must be exactly the one the app requests (web/src/features/meetups/meetup-search.ts and
 * use-meetups.ts), or the browser fetches twice; test/web/meetups.web-spec.ts checks that the preload is used.
 * Only for visitors: a member's first request may carry an access token, which a preload cannot match.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEETUPS_PAGE_SIZE = 20;

export function pageDataPreloads(path: string, query: string, signedIn: boolean): string[] {
  if (signedIn) return [];
  // A filtered list depends on the viewer's zone and the app's defaults: left to the app.
  if (path === '/meetups' && query === '') return [`/v1/meetups?limit=${MEETUPS_PAGE_SIZE}`];
  const meetup = /^\/meetups\/([^/]+)\/?$/.exec(path);
  if (meetup && UUID.test(meetup[1]) && query === '') return [`/v1/meetups/${meetup[1]}`];
  return [];
}
