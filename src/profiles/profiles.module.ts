import { Module } from '@nestjs/common';
import { SkillsModule } from '../skills/skills.module.js';
import { GoalsController } from './goals.controller.js';
import { GoalsService } from './goals.service.js';
import { MentorSearchService } from './mentor-search.service.js';
import { MentoringController } from './mentoring.controller.js';
import { MentoringService } from './mentoring.service.js';
import { MentorsController } from './mentors.controller.js';
import { ProfileSkillsService } from './profile-skills.service.js';
import { ProfilesController } from './profiles.controller.js';
import { ProfilesService } from './profiles.service.js';

@Module({
  imports: [SkillsModule],
  controllers: [ProfilesController, GoalsController, MentoringController, MentorsController],
  providers: [ProfilesService, ProfileSkillsService, GoalsService, MentoringService, MentorSearchService],
  exports: [ProfilesService, ProfileSkillsService, GoalsService, MentoringService, MentorSearchService],
})
export class ProfilesModule {}
