// The silent sign-in's cookie refresh, started the moment the document is parsed: a file of its own (CSP allows
// no inline script) that the browser fetches beside the app's bundle, so the refresh round trip overlaps the
// download and start of the app instead of following it. The app's session (web/src/api/auth-transport.ts)
// takes this answer as its first refresh. The request is the one the app would make, under the same Web Lock that
// serialises refreshes across tabs (web/src/api/session.ts), since every refresh rotates the cookie.
(() => {
  // The app started first (its bundle was cached) and refreshes itself.
  if (globalThis.guildhallSessionStart !== undefined) return;
  const refresh = () =>
    fetch('/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).then(async (response) => ({
      status: response.status,
      accessToken: response.ok ? (await response.json()).accessToken : null,
    }));
  const locks = globalThis.navigator?.locks;
  // No guildhall_session cookie (set and cleared by the API with the refresh cookie): nothing to resume, and the
  // refresh would only be refused.
  const resumable = /(?:^|;\s*)guildhall_session=/.test(globalThis.document.cookie);
  globalThis.guildhallSessionStart = !resumable
    ? Promise.resolve({ status: 401, accessToken: null })
    : locks
      ? locks.request('guildhall-session-refresh', refresh)
      : refresh();
  // The app reports a failure itself, by refreshing again.
  globalThis.guildhallSessionStart.catch(() => {});

  // A member's page's first requests, sent with the refresh's token as soon as it comes instead of once the app
  // has started and asked (one round trip less before the page shows). The app takes each answer once, for the
  // same request with the same token, early in its life (web/src/api/early-answers.ts); anything else goes to the
  // network. Keep each URL exactly as the app requests it: test/web/learner-journey.web-spec.ts counts requests.
  // Every signed-in page asks for the profile and the unread count (the navigation shows both).
  const EVERY_PAGE = ['/v1/profiles/me', '/v1/notifications/unread-count'];
  const FIRST_REQUESTS = [[/^\/suggestions\/?$/, ['/v1/match-suggestions']]];
  const page = FIRST_REQUESTS.find(([path]) => path.test(globalThis.location.pathname))?.[1] ?? [];
  const urls = resumable ? [...EVERY_PAGE, ...page] : [];
  globalThis.guildhallEarlyAnswers = urls.map((url) => {
    const answer = globalThis.guildhallSessionStart.then(({ accessToken }) =>
      accessToken
        ? fetch(url, { credentials: 'same-origin', headers: { authorization: `Bearer ${accessToken}` } }).then(
            (response) => ({ token: accessToken, response }),
          )
        : null,
    );
    answer.catch(() => {});
    return { url, answer };
  });
})();
