import { describe, expect, it } from 'vitest';
import { timeRangeText } from '../../client/components/ops/ops-time-range';

// Intl puts narrow no-break spaces before AM/PM in newer ICU versions; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const at = (day: number, hour: number) => Date.UTC(2026, 11, day, hour - 8); // Shanghai time

describe('a pickup slot in the ops face', () => {
  it.each([
    ['en', at(1, 9), at(1, 12), 'Dec 1, 9:00 AM–12:00 PM'],
    ['zh-CN', at(1, 9), at(1, 12), '12月1日 9:00–12:00'],
    ['en', at(1, 14), at(1, 18), 'Dec 1, 2:00 PM–6:00 PM'],
    // Over midnight both dates are needed.
    ['en', at(1, 20), at(2, 8), 'Dec 1, 8:00 PM–Dec 2, 8:00 AM'],
    ['zh-CN', at(1, 20), at(2, 8), '12月1日 20:00–12月2日 8:00'],
  ])('%s: %d–%d reads %s', (locale, start, end, text) => {
    expect(plain(timeRangeText(start, end, locale, 'Asia/Shanghai'))).toBe(text);
  });

  it('decides "the same day" in the zone it shows, not in UTC', () => {
    // 07:00–09:00 in Shanghai straddles midnight UTC, but is one morning to the reader.
    expect(plain(timeRangeText(at(2, 7), at(2, 9), 'en', 'Asia/Shanghai'))).toBe('Dec 2, 7:00 AM–9:00 AM');
  });
});
