import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { returnStatusTone } from '../../client/components/returns/return-status-tone';
import { qrPath } from '../../client/components/returns/return-qr-path';
import { RETURN_STATUSES } from '../../shared/returns/return-status';

describe('a QR code as one SVG path', () => {
  it.each([
    [[[false, false]], ''],
    [[[true]], 'M0 0h1v1h-1z'],
    [[[true, true, false, true]], 'M0 0h2v1h-2zM3 0h1v1h-1z'],
    [
      [
        [false, true, true],
        [true, false, false],
      ],
      'M1 0h2v1h-2zM0 1h1v1h-1z',
    ],
  ])('%j → %s', (modules, path) => {
    expect(qrPath(modules)).toBe(path);
  });

  it('covers exactly the dark modules of a real code', () => {
    const { data } = encode('RT-DROPOFF-8K3M2Q', { ecc: 'M', border: 0 });
    const dark = data.flat().filter(Boolean).length;
    const covered = [...qrPath(data).matchAll(/h(\d+)v1/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(covered).toBe(dark);
  });
});

describe('a return’s tone', () => {
  it.each([
    ['requested', 'progress'],
    ['needs_review', 'progress'],
    ['pickup_scheduled', 'progress'],
    ['received', 'progress'],
    ['refunded', 'delivered'],
    ['closed', 'delivered'],
    ['rejected', 'attention'],
    ['cancelled', 'idle'],
  ] as const)('%s is drawn %s', (status, tone) => {
    expect(returnStatusTone(status)).toBe(tone);
  });

  it('does not colour a return closed with nothing refunded as a success', () => {
    expect(returnStatusTone('closed', true)).toBe('attention');
    expect(returnStatusTone('closed', false)).toBe('delivered');
    // Cancelled and rejected keep their own tones: the refund card says there is no money.
    expect(returnStatusTone('cancelled', true)).toBe('idle');
    expect(returnStatusTone('rejected', true)).toBe('attention');
  });

  it('has one for every status', () => {
    for (const status of RETURN_STATUSES) expect(returnStatusTone(status)).toBeTruthy();
  });
});
