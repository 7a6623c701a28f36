import type { AddressInfo } from 'node:net';
import smtp from 'smtp-server';

export interface Mail {
  to: string[];
  raw: string;
}

export interface SmtpSink {
  /** Every mail received so far, in arrival order. */
  mails: Mail[];
  /** `SMTP_URL` for the harness. */
  url: string;
  close(): Promise<void>;
}

/** A real SMTP server on a free port that keeps what it receives, so tests read the mails the worker sends. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: Mail[] = [];
  const server = new smtp.SMTPServer({
    authOptional: true,
    secure: false,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
