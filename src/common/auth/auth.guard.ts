import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Forbidden, Unauthorized } from '../errors/domain-error.js';
import { ROLES, type AccessTokenClaims, type Role } from './auth-user.js';
import { IS_PUBLIC, REQUIRED_ROLES, TOKEN_OPTIONAL, type AuthedRequest } from './decorators.js';
import { RevokedFamilies } from './revoked-families.js';

/**
 * Global guard: verifies the bearer token (401 when missing or invalid on a non-public route; on a
 * @TokenOptional route only when invalid) and then the @Roles requirement (403). Runs before the rate
 * limiter so limits count per user.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly revoked: RevokedFamilies,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const tokenOptional = this.reflector.getAllAndOverride<boolean>(TOKEN_OPTIONAL, targets) ?? false;
    const header = req.headers.authorization;
    if (header) {
      const user = await this.verify(header);
      if (user) req.user = user;
      else if (!isPublic) throw new Unauthorized('INVALID_TOKEN', 'The access token is missing, invalid or expired.');
    }
    if (isPublic || tokenOptional) return true;
    if (!req.user) throw new Unauthorized('UNAUTHENTICATED', 'A bearer access token is required.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((r) => req.user!.roles.includes(r))) {
      throw new Forbidden('ROLE_REQUIRED', `This action needs the ${roles.join(' or ')} role.`);
    }
    return true;
  }

  private async verify(header: string): Promise<AuthedRequest['user'] | null> {
    // Exactly "Bearer <token>": anything after the token means the header is not what the client thinks it sent.
    const parts = header.split(' ');
    const [scheme, token] = parts;
    if (parts.length !== 2 || scheme.toLowerCase() !== 'bearer' || !token) return null;
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp?: unknown }>(token, {
        algorithms: ['HS256'],
      });
      // Every token this API signs expires; one without `exp` would be valid forever.
      if (typeof claims.exp !== 'number') return null;
      if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.fid !== 'string') return null;
      if (!claims.roles.every((r) => (ROLES as readonly string[]).includes(r))) return null;
      if (await this.revoked.isRevoked(claims.fid)) return null;
      return { id: claims.sub, roles: claims.roles, familyId: claims.fid };
    } catch {
      return null;
    }
  }
}
