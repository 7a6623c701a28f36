import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { AccountService } from './account.service.js';
import { ChangeEmailDto, ChangePasswordDto } from './dto/account.dto.js';
import { UserView } from './dto/auth.responses.js';

/** The signed-in account's credentials: password and e-mail address. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** Changes the password; every other session of the account ends, the caller's stays. */
  @ApiProblem(400, 'WRONG_PASSWORD: currentPassword is not the account’s password; PASSWORD_TOO_COMMON.')
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.account.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  /**
   * Changes the e-mail address. It starts unverified: a verification link goes to the new address and a notice
   * (account.email_changed) to the old one.
   */
  @ApiProblem(400, 'WRONG_PASSWORD: currentPassword is not the account’s password.')
  @ApiProblem(409, 'EMAIL_TAKEN: another account has the address.')
  @Patch()
  changeEmail(@CurrentUser() user: AuthUser, @Body() dto: ChangeEmailDto): Promise<UserView> {
    return this.account.changeEmail(user.id, dto.email, dto.currentPassword);
  }
}
