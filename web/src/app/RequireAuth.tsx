import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { useSessionStatus } from '../features/auth/use-auth';

/** Pages for members: wait for the silent refresh, then send the signed-out to /login and back. */
export function RequireAuth() {
  const status = useSessionStatus();
  const location = useLocation();
  if (status === 'unknown') return <Loading label="Signing you in…" />;
  if (status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
