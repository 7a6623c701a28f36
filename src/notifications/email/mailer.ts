import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { RenderedEmail } from './email-templates.js';

type Transport = ReturnType<typeof createPooledTransport>;

function createPooledTransport(url: string) {
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export interface SmtpFailure {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

/** A rejection the SMTP server will repeat for the same message (5xx except 503), or a bad address. */
export function isPermanentSmtpError(e: unknown): boolean {
  const err = e as SmtpFailure;
  if (typeof err?.permanent === 'boolean') return err.permanent;
  if (typeof err?.responseCode === 'number') return err.responseCode >= 500 && err.responseCode !== 503;
  return err?.code === 'EENVELOPE';
}

/** SMTP through nodemailer's pooled transport; off (enabled = false) when SMTP_URL is unset. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transport | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.smtpUrl ? createPooledTransport(config.smtpUrl) : null;
    this.from = config.mailFrom;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(to: string, mail: RenderedEmail, notificationId: string): Promise<void> {
    if (!this.transport) throw new Error('e-mail is not configured (SMTP_URL unset)');
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // A stable Message-ID lets a receiving system drop a rare duplicate after a crash mid-delivery.
      messageId: `<notification-${notificationId}@guildhall>`,
      headers: { 'X-Guildhall-Notification': notificationId },
    });
  }

  /** Mail about the account itself (a link, a notice); `id` names the event it answers, for the Message-ID. */
  async sendAccountMail(to: string, mail: RenderedEmail, id: string): Promise<void> {
    if (!this.transport) throw new Error('e-mail is not configured (SMTP_URL unset)');
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<account-${id}@guildhall>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
