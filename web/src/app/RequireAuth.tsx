import { Navigate, Outlet, useLocation } from 'react-router';
import { session } from '../api/client';
import { Loading } from '../components/Loading';
import { useSessionStatus } from '../features/auth/use-auth';

/** Pages for members: wait for the silent refresh, then send the signed-out to /login and back. */
export function RequireAuth() {
  const status = useSessionStatus();
  const location = useLocation();
  if (status === 'unknown') return <Loading label="Signing you in…" />;
  if (status === 'signed-out') {
    // Where a deleted account goes is decided by the sign-out itself (the public home page), not the sign-in form.
    if (session.signOutReason === 'account-deleted') return <Navigate to="/" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
