import { Injectable } from '@nestjs/common';
import { sql, sqlOne } from '../database/sql.js';
import type { Tx } from '../database/unit-of-work.js';
import type { EventType } from './event-types.js';

export interface PendingEvent {
  type: EventType;
  payload: Record<string, unknown>;
}

/**
 * The write side of the outbox: an event is a row written in the caller's transaction, so it exists
 * exactly when the state change that caused it committed. The relay in the worker enqueues it.
 */
@Injectable()
export class EventsService {
  async emit(tx: Tx, type: EventType, payload: Record<string, unknown>): Promise<string> {
    const row = await sqlOne<{ id: string }>(tx, `INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id`, [
      type,
      payload,
    ]);
    return row!.id;
  }

  async emitMany(tx: Tx, events: PendingEvent[]): Promise<void> {
    if (!events.length) return;
    await sql(tx, `INSERT INTO outbox (type, payload) SELECT t, p FROM unnest($1::text[], $2::jsonb[]) AS e(t, p)`, [
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.payload)),
    ]);
  }
}
