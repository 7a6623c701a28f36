import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { Public, SkipRateLimit } from '../common/auth/decorators.js';
import { withTimeout } from '../queues/outbox-relay.js';
import { REDIS } from '../redis/redis.module.js';
import { sql } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Liveness, Readiness, ReadinessChecks } from './dto/health.responses.js';

type Check = ReadinessChecks['postgres'];

@ApiTags('operations')
@Public()
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** 200 while the process runs. */
  @Get('live')
  live(): Liveness {
    return { status: 'ok' };
  }

  /** 200 only when Postgres and Redis both answer within a second; 503 otherwise. */
  @Get('ready')
  @ApiResponse({ status: 503, description: 'Postgres or Redis did not answer; `checks` says which.', type: Readiness })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const probe = async (p: () => Promise<unknown>): Promise<Check> => {
      try {
        await withTimeout(p(), 1000, 'probe');
        return 'up';
      } catch {
        return 'down';
      }
    };
    const [postgres, redis] = await Promise.all([
      probe(() => sql(this.uow.db, 'SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
