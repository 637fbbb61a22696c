import { describe, expect, it } from 'vitest';
import { withShopTimeZone } from '../../server/http/page-settings';

describe('withShopTimeZone', () => {
  it.each([
    ['<head><meta name="shop-time-zone" content="Asia/Shanghai" /></head>', 'Europe/Berlin', '<head><meta name="shop-time-zone" content="Europe/Berlin" /></head>'],
    ['<head><meta name="shop-time-zone" content="Asia/Shanghai"></head>', 'America/Argentina/Buenos_Aires', '<head><meta name="shop-time-zone" content="America/Argentina/Buenos_Aires" /></head>'],
    // A page built without the tag still gets one.
    ['<head><title>x</title></head>', 'Etc/GMT+8', '<head><title>x</title><meta name="shop-time-zone" content="Etc/GMT+8" /></head>'],
    // Whatever slipped past config can't leave the attribute.
    ['<head></head>', 'UTC"><script>alert(1)</script>', '<head><meta name="shop-time-zone" content="UTCscriptalert1/script" /></head>'],
  ])('%s with %s', (html, zone, expected) => {
    expect(withShopTimeZone(html, zone)).toBe(expected);
  });
});
