import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthUser } from '../common/auth/auth-user.js';
import { RevokedFamilies } from '../common/auth/revoked-families.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { redisOptionsFromUrl } from '../redis/redis-options.js';
import type { NotificationView } from './dto/notifications.dto.js';
import { notificationChannel, parseChannelMessage } from './notification-stream-channel.js';
import { REDIS } from '../redis/redis.module.js';
import { NotificationsService } from './notifications.service.js';

interface Stream {
  user: AuthUser;
  res: ServerResponse;
}

/** A client that reads slower than events arrive is cut off past this much unsent output (it reconnects). */
const MAX_BUFFERED_BYTES = 1 << 20;
/** How long a new stream waits for this process's subscription before answering anyway. */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * GET /v1/notifications/stream: Server-Sent Events per signed-in client, fed by ONE Redis subscriber per API
 * process. The worker publishes every batch of new notifications on the deployment's channel; each process
 * keeps only the rows whose recipient streams from it. A timer per process writes the heartbeat comment to
 * every stream and ends the streams whose session was revoked since they connected. Marking notifications
 * read is published on the same channel, so every replica sends the member's streams the new unread count.
 * Closing the app ends every stream first, so shutdown is not held up by open responses.
 */
@Injectable()
export class NotificationStreams implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationStreams');
  private readonly byUser = new Map<string, Set<Stream>>();
  private subscriber?: Redis;
  private subscribed?: Promise<unknown>;
  private heartbeat?: NodeJS.Timeout;
  private closing = false;
  /** Users whose unread count is being read, and those that got another notification meanwhile. */
  private readonly counting = new Set<string>();
  private readonly countAgain = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly revoked: RevokedFamilies,
    @Inject(REDIS) private readonly redis: Redis,
    metrics: MetricsService,
  ) {
    metrics.gauge('notification_streams_open', 'Notification streams open on this API process', [], (g) => {
      g.set(this.size);
      return Promise.resolve();
    });
  }

  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  onApplicationBootstrap(): void {
    const subscriber = new Redis({
      ...redisOptionsFromUrl(this.config.redisUrl),
      retryStrategy: (times) => Math.min(times * 200, 2000),
    }).on('error', () => undefined);
    subscriber.on('message', (_channel: string, raw: string) => this.deliver(raw));
    // ioredis subscribes again by itself after a reconnect.
    this.subscribed = subscriber.subscribe(notificationChannel(this.config.queuePrefix)).catch((e: unknown) => {
      this.logger.warn(`notification stream subscription failed: ${String(e)}`);
    });
    this.subscriber = subscriber;
    this.heartbeat = setInterval(() => void this.beat(), this.config.notificationStreamHeartbeatMs).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const set of this.byUser.values()) for (const s of set) this.end(s);
    const subscriber = this.subscriber;
    if (!subscriber) return;
    // quit() is queued until Redis answers, which never happens while it is unreachable: shutdown would hang.
    if (subscriber.status === 'ready') await Promise.race([subscriber.quit().catch(() => undefined), sleep(1000)]);
    subscriber.disconnect();
  }

  /** Takes over the reply (Fastify no longer sends it) and keeps it open until the client or the app leaves. */
  async open(user: AuthUser, reply: FastifyReply): Promise<void> {
    await Promise.race([this.subscribed, sleep(SUBSCRIBE_WAIT_MS)]);
    reply.hijack();
    const res = reply.raw;
    const headers: Record<string, string | number | string[]> = {};
    // Headers the hooks and guards set so far (helmet, CORS, rate limit) would be lost with the hijack.
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    if (this.closing) {
      res.end();
      return;
    }
    const stream: Stream = { user, res };
    let set = this.byUser.get(user.id);
    if (!set) this.byUser.set(user.id, (set = new Set()));
    set.add(stream);
    res.on('close', () => this.remove(stream));
    // The current count, so a client that reconnects catches up on what it missed.
    void this.pushUnread(user.id);
  }

  /** After the member marked notifications read: their streams on every replica get the new count. */
  async readChanged(userId: string): Promise<void> {
    try {
      await this.redis.publish(notificationChannel(this.config.queuePrefix), JSON.stringify({ readBy: userId }));
    } catch (e) {
      this.logger.warn(`could not publish a read change to streams: ${String(e)}`);
    }
  }

  private deliver(raw: string): void {
    const message = parseChannelMessage(raw);
    if (!message) return;
    if ('readBy' in message) {
      if (this.byUser.has(message.readBy)) void this.pushUnread(message.readBy);
      return;
    }
    for (const [recipientId, id] of message.rows) {
      const streams = this.byUser.get(recipientId);
      if (!streams) continue;
      const view: NotificationView = {
        id,
        type: message.type,
        data: message.data,
        createdAt: message.createdAt,
        readAt: null,
      };
      for (const s of streams) this.send(s, `event: notification\ndata: ${JSON.stringify(view)}\n\n`);
      void this.pushUnread(recipientId);
    }
  }

  /** One count query at a time per user; notifications arriving meanwhile get one more count after it. */
  private async pushUnread(userId: string): Promise<void> {
    if (this.counting.has(userId)) {
      this.countAgain.add(userId);
      return;
    }
    this.counting.add(userId);
    try {
      do {
        this.countAgain.delete(userId);
        const count = await this.notifications.unreadCount(userId);
        for (const s of this.byUser.get(userId) ?? [])
          this.send(s, `event: unread\ndata: ${JSON.stringify({ count })}\n\n`);
      } while (this.countAgain.has(userId) && this.byUser.has(userId));
    } catch (e) {
      this.logger.warn(`could not count unread notifications for a stream: ${String(e)}`);
    } finally {
      this.counting.delete(userId);
      this.countAgain.delete(userId);
    }
  }

  private async beat(): Promise<void> {
    const families = new Map<string, Stream[]>();
    for (const set of this.byUser.values()) {
      for (const s of set) {
        this.send(s, ': keep-alive\n\n');
        const list = families.get(s.user.familyId) ?? [];
        list.push(s);
        families.set(s.user.familyId, list);
      }
    }
    for (const [familyId, streams] of families) {
      try {
        if (await this.revoked.isRevoked(familyId)) for (const s of streams) this.end(s);
      } catch {
        // Neither store answered; the next beat asks again.
      }
    }
  }

  private send(s: Stream, chunk: string): void {
    if (s.res.writableEnded || s.res.destroyed) return;
    if (s.res.writableLength > MAX_BUFFERED_BYTES) {
      this.end(s);
      return;
    }
    s.res.write(chunk);
  }

  private end(s: Stream): void {
    this.remove(s);
    if (!s.res.writableEnded) s.res.end();
    // The connection would otherwise stay open as an idle keep-alive one.
    s.res.socket?.end();
  }

  private remove(s: Stream): void {
    const set = this.byUser.get(s.user.id);
    if (!set?.delete(s)) return;
    if (!set.size) this.byUser.delete(s.user.id);
  }
}
