import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageQuery } from '../common/pagination/cursor.js';
import { BlocksService } from './blocks.service.js';
import { BlockDto, BlockPage, BlockView } from './dto/moderation.dto.js';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('v1/blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  /**
   * 201, also when the profile was already blocked (idempotent). Neither side can then send the other a
   * request (404) or appear in the other's suggestions. 400 for oneself, 404 for an unknown profile.
   */
  @Post()
  block(@CurrentUser() user: AuthUser, @Body() dto: BlockDto): Promise<BlockView> {
    return this.blocks.block(user.id, dto.profileId);
  }

  /** The profiles the caller blocked, newest first. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<BlockPage> {
    return this.blocks.list(user.id, q);
  }

  /** 204 whether or not the block existed. */
  @Delete(':profileId')
  @HttpCode(204)
  async unblock(@CurrentUser() user: AuthUser, @Param('profileId', UuidPipe) profileId: string): Promise<void> {
    await this.blocks.unblock(user.id, profileId);
  }
}
