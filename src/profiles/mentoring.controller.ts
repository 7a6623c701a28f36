import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { MentoringSettings, MentoringSettingsDto } from './dto/mentoring.dto.js';
import { MentoringService } from './mentoring.service.js';

/** Mentors only (403 ROLE_REQUIRED otherwise). */
@ApiTags('profiles')
@ApiBearerAuth()
@Roles('mentor')
@Controller('v1/profiles/me/mentoring')
export class MentoringController {
  constructor(private readonly mentoring: MentoringService) {}

  @Get()
  get(@CurrentUser() user: AuthUser): Promise<MentoringSettings> {
    return this.mentoring.get(user.id);
  }

  /** Both fields required. A capacity below activeMentees is accepted (openSlots 0); nobody is dropped. */
  @Put()
  @HttpCode(200)
  put(@CurrentUser() user: AuthUser, @Body() dto: MentoringSettingsDto): Promise<MentoringSettings> {
    return this.mentoring.put(user.id, dto);
  }
}
