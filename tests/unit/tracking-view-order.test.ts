import { describe, expect, it } from 'vitest';
import { replacesShownView } from '../../shared/tracking/view-order';

const view = (trackingNo: string, generatedAt: number) => ({ trackingNo, generatedAt });

describe('which fresh tracking view replaces the one shown', () => {
  it.each([
    ['nothing shown yet', null, view('DS00000000018', 100), true],
    ['a newer view of the same parcel', view('DS00000000018', 100), view('DS00000000018', 200), true],
    ['the same moment again (a revalidation)', view('DS00000000018', 100), view('DS00000000018', 100), true],
    ['an older answer that arrived late', view('DS00000000018', 200), view('DS00000000018', 100), false],
    ['another parcel, however old', view('DS00000000018', 200), view('DS00000012344', 1), true],
  ])('%s', (_case, shown, fresh, expected) => {
    expect(replacesShownView(shown, fresh)).toBe(expected);
  });
});
