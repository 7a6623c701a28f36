// The contract with the modules that emit notification events: the payload names its recipients in
// `recipientIds`; everything else in it is the notification's `data`.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FanoutPayload {
  recipients: string[];
  data: Record<string, unknown>;
}

/** Distinct, lower-cased recipient ids in payload order; entries that are not uuids are dropped. */
export function splitFanoutPayload(payload: Record<string, unknown>): FanoutPayload {
  const { recipientIds, ...data } = payload;
  const seen = new Set<string>();
  if (Array.isArray(recipientIds)) {
    for (const r of recipientIds) if (typeof r === 'string' && UUID.test(r)) seen.add(r.toLowerCase());
  }
  return { recipients: [...seen], data };
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
