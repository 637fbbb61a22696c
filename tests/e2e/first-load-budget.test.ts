import { describe, expect, it } from 'vitest';
import { trackingFirstLoadBytes } from '../bench/bundle-size';

/**
 * The customer's first page has a 60 KB budget (quality.md): what a phone downloads to show
 * /t/:no the first time, gzip level 9, from the build the browser tests share. A size, not a
 * time, so it can be held here: a change that pushes it over fails, with the parts listed.
 */
const BUDGET_BYTES = 60 * 1024;

describe('the tracking page’s first load', () => {
  it('stays within 60 KB of JS, CSS and the Chinese messages', () => {
    const { total, parts } = trackingFirstLoadBytes('dist');
    expect(total, parts.map(([file, size]) => `${size} ${file}`).join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
