import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { AccountLinksService } from './account-links.service.js';
import { LinkTokenDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/account.dto.js';
import { LinkRequested, UserView } from './dto/auth.responses.js';

/** E-mail verification and password reset: links mailed to the address, opened by the web app's pages. */
@ApiTags('accounts')
@Controller('v1/auth')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  /**
   * Mails a verification link (PUBLIC_BASE_URL/verify-email?token=…) to the account's address; nothing is sent
   * when it is already verified or e-mail is not configured.
   */
  @ApiBearerAuth()
  @ApiAcceptedResponse({ type: LinkRequested, description: 'The link is on its way (when e-mail is configured).' })
  @Post('email-verification')
  @HttpCode(202)
  async requestVerification(@CurrentUser() user: AuthUser): Promise<LinkRequested> {
    await this.links.requestVerification(user.id);
    return { status: 'queued' };
  }

  /** Marks the address the link was mailed to as verified; the link works once, for 48 hours. */
  @ApiProblem(400, 'INVALID_TOKEN: unknown, used or expired, or the address changed since it was mailed.')
  @Public()
  @Post('email-verification/confirm')
  @HttpCode(200)
  confirmVerification(@Body() dto: LinkTokenDto): Promise<UserView> {
    return this.links.confirmVerification(dto.token);
  }

  /**
   * Mails a reset link (PUBLIC_BASE_URL/reset-password?token=…) when the address has an account. The answer
   * and its timing are the same either way. Limited to PASSWORD_RESETS_PER_HOUR per address and four times
   * that per client address.
   */
  @ApiAcceptedResponse({
    type: LinkRequested,
    description: 'The same answer whether or not the address has an account.',
  })
  @ApiProblem(429, 'PASSWORD_RESETS_LIMITED for the address or the client address; see `Retry-After`.')
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  async requestReset(@Body() dto: PasswordResetRequestDto, @Ip() address: string): Promise<LinkRequested> {
    await this.links.requestReset(dto.email, address);
    return { status: 'queued' };
  }

  /** Sets a new password; the link works once, for an hour, and every session of the account ends. */
  @ApiProblem(400, 'INVALID_TOKEN: unknown, used or expired; PASSWORD_TOO_COMMON.')
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.links.confirmReset(dto.token, dto.password);
  }
}
