import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators.js';
import { SkillList, SkillsQuery } from './dto/skills.dto.js';
import { SkillsService } from './skills.service.js';

@ApiTags('skills')
@Controller('v1/skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  /**
   * The skill taxonomy. Public (no token needed): it is reference data, like the roadmap it mirrors.
   * Without `q`, most popular first; with `q`, exact matches, then prefixes, then substrings, then typo matches.
   */
  @Public()
  @Get()
  async list(@Query() query: SkillsQuery): Promise<SkillList> {
    return { items: await this.skills.search(query), nextCursor: null };
  }
}
