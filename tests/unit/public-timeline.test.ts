import { describe, expect, it } from 'vitest';
import { addToPublicTimeline, buildPublicTimeline, toPublicEvent } from '../../server/domain/tracking/public-timeline';

const at = (hour: number) => Date.UTC(2026, 10, 20, hour);
const ev = (status: string, hour: number, city = '深圳市') => ({
  status,
  subStatus: `${status}_001`,
  occurredAt: at(hour),
  place: { province: '广东省', city },
  reasonCode: null,
});

describe('public timeline', () => {
  it.each([
    ['a newer event goes on top', [ev('InTransit', 2), ev('InfoReceived', 1)], ev('OutForDelivery', 3), ['OutForDelivery', 'InTransit', 'InfoReceived']],
    ['a late-arriving older report goes where its time puts it', [ev('OutForDelivery', 5), ev('InfoReceived', 1)], ev('InTransit', 3), ['OutForDelivery', 'InTransit', 'InfoReceived']],
    ['an event older than all goes last', [ev('InTransit', 5)], ev('InfoReceived', 1), ['InTransit', 'InfoReceived']],
    ['equal times: the later arrival shows first', [ev('InTransit', 2)], ev('OutForDelivery', 2), ['OutForDelivery', 'InTransit']],
    ['into an empty timeline', [], ev('Pending', 0), ['Pending']],
  ])('%s', (_name, before, added, expected) => {
    const timeline = buildPublicTimeline(before);
    expect(addToPublicTimeline(timeline, added).map((e) => e.status)).toEqual(expected);
    // The input is left as it was.
    expect(timeline).toHaveLength(before.length);
  });

  it('builds the same timeline whatever order the events come in', () => {
    const events = [ev('InfoReceived', 1), ev('InTransit', 2), ev('OutForDelivery', 3), ev('Delivered', 4)];
    const expected = ['Delivered', 'OutForDelivery', 'InTransit', 'InfoReceived'];
    expect(buildPublicTimeline(events).map((e) => e.status)).toEqual(expected);
    expect(buildPublicTimeline([...events].reverse()).map((e) => e.status)).toEqual(expected);
  });

  it('keeps only public fields, whatever the event carries', () => {
    const full = { ...ev('Delivered', 4), note: '放在门口', recipientName: '王小明', actor: { type: 'courier', id: 7 }, photoId: 'p1', id: 99 };
    expect(Object.keys(toPublicEvent(full)).sort()).toEqual(['occurredAt', 'place', 'reasonCode', 'status', 'subStatus']);
  });
});
