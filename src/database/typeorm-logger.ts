import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

const MAX_QUERY_CHARS = 500;

/**
 * TypeORM's own loggers print a failed query's parameters (e-mail addresses, coordinates, token hashes).
 * This one writes the statement text (always parameterised here, so it holds no values) and the
 * SQLSTATE, never the parameters and never the driver's `detail` (which quotes the offending value).
 */
export class ParameterFreeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    this.logger.error(
      `query failed${typeof code === 'string' ? ` (${code})` : ''}: ${query.slice(0, MAX_QUERY_CHARS)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, MAX_QUERY_CHARS)}`);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }

  logQuery(): void {}

  logSchemaBuild(): void {}
}
