import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import { LoginDto, RefreshTokenDto, RegisterDto } from './dto/auth.dto.js';
import { AuthResult, TokenPair } from './dto/auth.responses.js';
import { AuthService } from './auth.service.js';

@ApiTags('accounts')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Creates an account and its profile; 409 EMAIL_TAKEN when the address is in use. */
  @Public()
  @Post('register')
  register(@Body() dto: RegisterDto): Promise<AuthResult> {
    return this.auth.register(dto);
  }

  /**
   * 401 on wrong credentials; 429 after LOGIN_MAX_FAILURES_PER_HOUR failures for the account (unless this
   * address has none) or LOGIN_MAX_FAILURES_PER_ADDRESS from the address; 503 while Redis is away.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<AuthResult> {
    return this.auth.login(dto, address);
  }

  /** Rotates the refresh token; a spent token revokes its whole family (401). */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Signs out every session of the token's family. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshTokenDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
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

  @Get()
  async me(@CurrentUser() user: AuthUser) {
    const [account, profile] = await Promise.all([this.auth.user(user.id), this.profiles.getOwn(user.id)]);
    return { ...account, profile };
  }
}
