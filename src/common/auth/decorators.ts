import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../errors/api-problem.js';
import type { AuthUser, Role } from './auth-user.js';

export const IS_PUBLIC = 'guildhall:public';
export const TOKEN_OPTIONAL = 'guildhall:token-optional';
export const REQUIRED_ROLES = 'guildhall:roles';
export const SKIP_RATE_LIMIT = 'guildhall:skip-rate-limit';

/**
 * No bearer token needed (a valid one is still read, so rate limits count per user). The empty security
 * requirement tells OpenAPI clients the token is optional here.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
/**
 * Anonymous callers are let in, but a bearer token that is sent must be valid (401 otherwise): a client whose
 * session ended learns it, instead of silently getting the anonymous view.
 */
export const TokenOptional = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(TOKEN_OPTIONAL, true), ApiSecurity({}));
/** The caller needs at least one of these roles, else 403 (which the OpenAPI document says, too). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiProblem(403, `ROLE_REQUIRED: the caller is not ${roles.map((r) => `a ${r}`).join(' or ')}.`),
  );
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT, true);

export type AuthedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return req.user as AuthUser;
});

/** The caller on a @TokenOptional route: undefined when anonymous. */
export const OptionalUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().user;
});
