import { describe, expect, it } from '@jest/globals';
import { notificationChannel, parseChannelMessage } from './notification-stream-channel.js';

describe('notification stream channel', () => {
  it('is namespaced by the queue prefix', () => {
    expect(notificationChannel('gh_a')).toBe('gh_a:notifications:new');
  });

  it('reads a batch of new notifications and a read change', () => {
    const batch = {
      type: 'meetup.promoted',
      data: { meetupId: 'm' },
      createdAt: '2026-01-01T00:00:00.000Z',
      rows: [['u', 'n']],
    };
    expect(parseChannelMessage(JSON.stringify(batch))).toEqual(batch);
    expect(parseChannelMessage(JSON.stringify({ readBy: 'u', extra: 1 }))).toEqual({ readBy: 'u' });
  });

  it('ignores anything else', () => {
    for (const raw of ['', 'not json', 'null', '{}', '{"type":"x","createdAt":"t","rows":[],"data":null}']) {
      expect(parseChannelMessage(raw)).toBeNull();
    }
  });
});
