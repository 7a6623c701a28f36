import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { Forbidden } from '../common/errors/domain-error.js';

/** The browser session's refresh token lives in this HttpOnly cookie, sent only to the auth endpoints. */
export const SESSION_COOKIE = 'guildhall_refresh';
const COOKIE_PATH = '/v1/auth';

/**
 * Set and cleared with the refresh cookie, readable by the page and holding no secret ("1"): it tells the web
 * app's first script whether there is a session to resume, so a visitor's page does not ask for a refresh that
 * can only fail (a request and a lock before anything else on every page).
 */
export const SESSION_HINT_COOKIE = 'guildhall_session';

/**
 * The cookie travels over plain http only for a local development origin; anywhere else it is Secure, so a
 * misconfigured http deployment fails visibly (no session) instead of sending the token in the clear.
 */
export function isLocalHttp(publicBaseUrl: string): boolean {
  const u = new URL(publicBaseUrl);
  return u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname);
}

function cookieOptions(config: AppConfig): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    secure: !isLocalHttp(config.publicBaseUrl),
  };
}

function hintOptions(config: AppConfig): CookieSerializeOptions {
  return { ...cookieOptions(config), httpOnly: false, path: '/' };
}

export function setSessionCookie(reply: FastifyReply, config: AppConfig, refreshToken: string): void {
  void reply.setCookie(SESSION_COOKIE, refreshToken, {
    ...cookieOptions(config),
    maxAge: config.refreshTokenTtlSeconds,
  });
  void reply.setCookie(SESSION_HINT_COOKIE, '1', { ...hintOptions(config), maxAge: config.refreshTokenTtlSeconds });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
  void reply.clearCookie(SESSION_HINT_COOKIE, hintOptions(config));
}

/**
 * A cookie is sent by the browser whoever made the page, so a request that relies on it must come from one of
 * our own origins. A wildcard in CORS_ORIGINS opens the API to bearer-token clients, never to cookie use.
 */
export function assertTrustedOrigin(req: FastifyRequest, config: AppConfig): void {
  const origin = req.headers.origin;
  const allowed = new Set([new URL(config.publicBaseUrl).origin]);
  if (Array.isArray(config.corsOrigins))
    for (const o of config.corsOrigins) if (o !== '*') allowed.add(o.replace(/\/$/, ''));
  if (!origin || !allowed.has(origin)) {
    throw new Forbidden('ORIGIN_NOT_ALLOWED', 'Cookie sessions are accepted only from the app’s own origin.');
  }
}
