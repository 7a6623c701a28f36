import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface StreamEvent {
  /** undefined for a comment line */
  event?: string;
  data?: string;
  comment?: string;
}

export interface EventStreamClient {
  status: number;
  headers: IncomingMessage['headers'];
  /** Everything received so far, in order (comments included). */
  events: StreamEvent[];
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/** A minimal Server-Sent Events reader over node:http (EventSource cannot send an Authorization header). */
export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | undefined = undefined;
    req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const events: StreamEvent[] = [];
      const waiters: { match: (e: StreamEvent) => boolean; done: (e: StreamEvent) => void }[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
      });
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: StreamEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) e.comment = line.slice(1).trim();
            else if (line.startsWith('event:')) e.event = line.slice(6).trim();
            else if (line.startsWith('data:'))
              e.data = (e.data === undefined ? '' : `${e.data}\n`) + line.slice(5).trim();
          }
          events.push(e);
          for (const w of [...waiters]) {
            if (w.match(e)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.done(e);
            }
          }
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        ended,
        next(match, timeoutMs = 10000) {
          const seen = events.find(match);
          if (seen) return Promise.resolve(seen);
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event within ${timeoutMs} ms`)), timeoutMs);
            waiters.push({
              match,
              done: (e) => {
                clearTimeout(timer);
                done(e);
              },
            });
          });
        },
        close() {
          req?.destroy();
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
