import { Body, Controller, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { UpdateProfileDto } from './dto/profile.dto.js';
import { OwnProfile, PublicProfile } from './dto/profile.responses.js';
import { ProfileSkills, ReplaceSkillsDto } from './dto/profile-skills.dto.js';
import { ProfileSkillsService } from './profile-skills.service.js';
import { ProfilesService } from './profiles.service.js';

@ApiTags('profiles')
@ApiBearerAuth()
@Controller('v1/profiles')
export class ProfilesController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly skills: ProfileSkillsService,
  ) {}

  /** The caller's own profile, every field. */
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<OwnProfile> {
    return this.profiles.getOwn(user.id);
  }

  /**
   * Partial update; unknown fields are 400. Availability is stored merged and sorted. Changing timezone,
   * languages or availability emits profile.matching_changed.
   */
  @Patch('me')
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<OwnProfile> {
    return this.profiles.updateOwn(user.id, dto);
  }

  /** The caller's skill inventory. */
  @Get('me/skills')
  async mySkills(@CurrentUser() user: AuthUser): Promise<ProfileSkills> {
    return { skills: await this.skills.list(user.id) };
  }

  /** Replaces the whole inventory in one transaction; unknown or repeated slugs are 400 and change nothing. */
  @Put('me/skills')
  @HttpCode(200)
  async replaceSkills(@CurrentUser() user: AuthUser, @Body() dto: ReplaceSkillsDto): Promise<ProfileSkills> {
    return { skills: await this.skills.replace(user.id, dto.skills) };
  }

  /** Public view: never email, coordinates or (except to a mentorship partner) the contact URL. Unknown id: 404. */
  @Get(':id')
  view(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<PublicProfile> {
    return this.profiles.getPublic(user.id, id);
  }

  @Get(':id/skills')
  async skillsOf(@Param('id', UuidPipe) id: string): Promise<ProfileSkills> {
    return { skills: await this.skills.listOf(id) };
  }
}
