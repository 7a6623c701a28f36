import { Body, Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { ApiProblem } from '../common/errors/api-problem.js';
import { DeleteAccountDto } from '../auth/dto/account.dto.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AccountExportService } from './account-export.service.js';
import { AccountExport } from './dto/account-export.responses.js';

/** Everything stored about the caller: take it away (export) or have it removed (deletion). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/me')
export class AccountDataController {
  constructor(
    private readonly exports: AccountExportService,
    private readonly deletion: AccountDeletionService,
  ) {}

  /** One JSON document, streamed as a download (`Content-Disposition: attachment`), with a `version` field. */
  @ApiProduces('application/json')
  @ApiOkResponse({ type: AccountExport })
  @Get('export')
  async export(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.exports.stream(user.id);
    const day = new Date().toISOString().slice(0, 10);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="guildhall-export-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }

  /**
   * Deletes the account in one transaction (see docs/architecture.md, "Deleting an account"): pending requests
   * cancelled, active mentorships completed, RSVPs removed, upcoming organized meetups cancelled, program
   * memberships removed, feedback given kept without the author; the address can register again.
   */
  @ApiProblem(400, 'WRONG_PASSWORD: password is not the account’s password.')
  @Delete()
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Body() dto: DeleteAccountDto): Promise<void> {
    await this.deletion.delete(user.id, dto.password);
  }
}
