import { session } from '../api/client';

/** Resolves once the silent sign-in has settled: true when there is a session. */
function signedIn(): Promise<boolean> {
  return new Promise((resolve) => {
    const settled = () => {
      const status = session.getStatus();
      if (status === 'unknown') return false;
      resolve(status === 'signed-in');
      return true;
    };
    if (settled()) return;
    const unsubscribe = session.subscribe(() => {
      if (settled()) unsubscribe();
    });
  });
}

/**
 * A route loader that starts a member page's requests as soon as the session is there, while the page's chunk
 * downloads, instead of when the page first renders (its useQuery then finds the answer in the cache). It returns
 * at once: the page shows its own loading state, and a signed-out visitor is sent to /login by RequireAuth.
 */
export function prefetchForMember(prefetch: () => Promise<unknown>) {
  return () => {
    void signedIn().then((yes) => (yes ? prefetch() : undefined));
    return null;
  };
}
