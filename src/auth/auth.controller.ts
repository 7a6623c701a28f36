import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { Unauthorized } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import { LoginDto, RefreshTokenDto, RegisterDto } from './dto/auth.dto.js';
import { AuthResult, MeView, TokenPair } from './dto/auth.responses.js';
import { AuthService } from './auth.service.js';
import { assertTrustedOrigin, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie.js';

@ApiTags('accounts')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an account and its profile; 409 EMAIL_TAKEN when the address is in use. With `cookie: true` the
   * refresh token is set as the guildhall_refresh cookie instead of being answered.
   */
  @ApiProblem(409, 'EMAIL_TAKEN: the address has an account.')
  @Public()
  @Post('register')
  async register(@Body() dto: RegisterDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResult> {
    return this.answer(await this.auth.register(dto), dto.cookie === true, reply);
  }

  /**
   * 401 on wrong credentials; 429 after LOGIN_MAX_FAILURES_PER_HOUR failures for the account (unless this
   * address has none) or LOGIN_MAX_FAILURES_PER_ADDRESS from the address; 503 while Redis is away. With
   * `cookie: true` the refresh token is set as the guildhall_refresh cookie instead of being answered.
   */
  @ApiProblem(401, 'INVALID_CREDENTIALS: wrong email or password.')
  @ApiProblem(429, 'TOO_MANY_LOGIN_FAILURES for the account or the address in the last hour, or RATE_LIMITED.')
  @ApiProblem(503, 'LOGIN_UNAVAILABLE while the failure counters cannot be kept; see `Retry-After`.')
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResult> {
    return this.answer(await this.auth.login(dto, address), dto.cookie === true, reply);
  }

  /**
   * Rotates the refresh token (from the body, else from the guildhall_refresh cookie, which needs an allowed
   * Origin: 403 otherwise). A spent token presented again within REFRESH_REUSE_GRACE_SECONDS gets the family's
   * current pair; later it revokes the whole family (401 REFRESH_TOKEN_REUSED).
   */
  @ApiProblem(
    401,
    'INVALID_REFRESH_TOKEN (unknown, expired or revoked), or REFRESH_TOKEN_REUSED: spent longer ago than the ' +
      'reuse grace, which revokes its whole family.',
  )
  @ApiProblem(403, 'ORIGIN_NOT_ALLOWED: the cookie was used from an origin that is not the app’s own.')
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Body() dto: RefreshTokenDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPair> {
    if (dto.refreshToken !== undefined) return this.auth.refresh(dto.refreshToken);
    assertTrustedOrigin(req, this.config);
    const token = req.cookies[SESSION_COOKIE];
    try {
      if (!token) throw new Unauthorized('INVALID_REFRESH_TOKEN', 'No session: sign in again.');
      return this.answer(await this.auth.refresh(token), true, reply);
    } catch (e) {
      // A cookie that no longer opens a session is dropped so the browser stops presenting it.
      if (e instanceof Unauthorized) clearSessionCookie(reply, this.config);
      throw e;
    }
  }

  /** Signs out every session of the token's family (the body's token, else the cookie's, which is cleared). */
  @ApiProblem(403, 'ORIGIN_NOT_ALLOWED: the cookie was used from an origin that is not the app’s own.')
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Body() dto: RefreshTokenDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (dto.refreshToken !== undefined) return this.auth.logout(dto.refreshToken);
    assertTrustedOrigin(req, this.config);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await this.auth.logout(token);
    clearSessionCookie(reply, this.config);
  }

  private answer<T extends TokenPair>(result: T, cookie: boolean, reply: FastifyReply): T {
    if (!cookie || result.refreshToken === undefined) return result;
    const { refreshToken, ...rest } = result;
    setSessionCookie(reply, this.config, refreshToken);
    return rest as T;
  }
}

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly profiles: ProfilesService,
  ) {}

  /** The signed-in account with its own profile. */
  @Get()
  async me(@CurrentUser() user: AuthUser): Promise<MeView> {
    const [account, profile] = await Promise.all([this.auth.user(user.id), this.profiles.getOwn(user.id)]);
    return { ...account, profile };
  }
}
