import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MentorPage, MentorSearchQuery } from './dto/mentors.dto.js';
import { MentorSearchService } from './mentor-search.service.js';

@ApiTags('mentors')
@ApiBearerAuth()
@Controller('v1/mentors')
export class MentorsController {
  constructor(private readonly search: MentorSearchService) {}

  /**
   * Profiles with the mentor role. `skill` also finds mentors of its descendants (sql finds postgresql
   * mentors), sorted by their best matched level; `minLevel` (default 1) applies to that level. Unknown
   * skill slug or language: 400.
   */
  @Get()
  list(@Query() query: MentorSearchQuery): Promise<MentorPage> {
    return this.search.search(query);
  }
}
