import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { bullConnection } from '../redis/redis-options.js';
import { QUEUES } from './queue-names.js';
import { OutboxRelay } from './outbox-relay.js';

/**
 * Runs the relay loop in the worker: woken by pg NOTIFY on insert, with polling as the fallback, and
 * backing off while Redis is unreachable (the rows simply wait in the outbox).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private notifyWakes = true;
  private listener?: pg.Client;
  private queue?: Queue;
  relay?: OutboxRelay;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A producer connection of its own that fails fast while Redis is away instead of buffering.
    this.queue = new Queue(QUEUES.events, {
      prefix: this.config.queuePrefix,
      connection: bullConnection(this.config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
      }),
    });
    this.queue.on('error', () => undefined);
    this.relay = new OutboxRelay(this.dataSource, this.queue);
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  // Before, not on, application shutdown: the DataSource closes on shutdown, and a relay batch still running
  // then would have its connection cut under it.
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await this.queue?.close().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    try {
      const client = new pg.Client({
        connectionString: this.config.databaseUrl,
        application_name: 'guildhall-relay-listen',
      });
      client.on('error', () => undefined);
      await client.connect();
      await client.query('LISTEN outbox');
      client.on('notification', () => {
        if (this.notifyWakes) this.wake?.();
      });
      this.listener = client;
    } catch (e) {
      this.logger.warn(`LISTEN outbox failed, relying on polling: ${(e as Error).message}`);
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let idle = true;
      try {
        const n = await this.relay!.drain();
        idle = n === 0;
        if (failures > 0) this.logger.log(`outbox relay recovered after ${failures} failed attempt(s)`);
        failures = 0;
      } catch (e) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            `outbox relay cannot enqueue (attempt ${failures}), events wait in the outbox: ${(e as Error).message}`,
          );
        }
      }
      if (!this.running) break;
      const delay = failures ? Math.min(250 * 2 ** Math.min(failures, 5), 5000) : idle ? this.config.outboxPollMs : 0;
      if (delay > 0) await this.sleep(delay, failures === 0);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
      this.notifyWakes = wakeable;
      if (!this.running) done();
    });
  }
}
