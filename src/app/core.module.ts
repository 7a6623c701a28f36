import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DatabaseModule } from '../database/database.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { RedisModule } from '../redis/redis.module.js';

/** Infrastructure both processes share: config, Postgres, Redis, the queues (producer side) and the outbox writer. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule, QueuesModule],
      exports: [ConfigModule, DatabaseModule, RedisModule, QueuesModule],
    };
  }
}
