import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications, per-user delivery preferences and the e-mail/webhook delivery ledger. */
export class Notifications1700000004000 implements MigrationInterface {
  name = 'Notifications1700000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- At-least-once event delivery becomes exactly-once in-app: a re-run inserts nothing.
        CONSTRAINT notifications_event_recipient_key UNIQUE (event_id, recipient_id)
      )`);
    await q.query(`CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX notifications_unread_idx ON notifications (recipient_id, created_at DESC, id DESC)
       WHERE read_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE notification_preferences (
        profile_id uuid PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
        email boolean NOT NULL DEFAULT true,
        webhook_url text CHECK (webhook_url IS NULL OR length(webhook_url) <= 2048),
        webhook_secret text,
        muted_types text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_preferences_secret_with_url CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
      )`);

    await q.query(`
      CREATE TABLE notification_deliveries (
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        PRIMARY KEY (notification_id, channel)
      )`);
    await q.query(`CREATE INDEX notification_deliveries_status_idx ON notification_deliveries (channel, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE notifications`);
  }
}
