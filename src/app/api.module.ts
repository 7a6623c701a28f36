import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthModule, jwtModule } from '../auth/auth.module.js';
import { AuthGuard } from '../common/auth/auth.guard.js';
import { RateLimitGuard } from '../common/auth/rate-limit.guard.js';
import { ProblemFilter } from '../common/errors/problem.filter.js';
import type { AppConfig } from '../config/app-config.js';
import { HealthModule } from '../health/health.module.js';
import { MeetupsModule } from '../meetups/meetups.module.js';
import { MatchingModule } from '../matching/matching.module.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PlacesModule } from '../places/places.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { SkillsModule } from '../skills/skills.module.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CoreModule } from './core.module.js';
import { AccountsModule } from '../accounts/accounts.module.js';

/** The HTTP API process. Feature modules register here; their job handlers go in WorkerModule. */
@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        jwtModule,
        MetricsModule,
        HealthModule,
        AuthModule,
        ProfilesModule,
        PlacesModule,
        SkillsModule,
        NotificationsModule,
        MeetupsModule,
        MatchingModule,
        ModerationModule,
        ProgramsModule,
        ConversationsModule,
        SessionsModule,
        AccountsModule,
      ],
      providers: [
        // Order matters: authentication first so the rate limiter can count per user.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
