import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ListReportsQuery, ReportDto, ReportPage, ReportView } from './dto/moderation.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Reports a profile to the admins. 400 for oneself, 404 for an unknown profile. */
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: ReportDto): Promise<ReportView> {
    return this.reports.create(user.id, dto);
  }
}

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('v1/admin/reports')
export class AdminReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Admins only (403 otherwise): every report, newest first. */
  @Get()
  @Roles('admin')
  list(@Query() q: ListReportsQuery): Promise<ReportPage> {
    return this.reports.list(q);
  }
}
