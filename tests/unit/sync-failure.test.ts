import { describe, expect, it } from 'vitest';
import { actionForSendFailure, actionForUploadFailure } from '../../client/offline/sync-failure';

describe('what a failed sync request means for the outbox', () => {
  it.each([
    [401, 10, 'pause'],
    [403, 1, 'pause'],
    [0, 10, 'retry'], // no answer: offline, DNS, timeout
    [500, 10, 'retry'],
    [502, 1, 'retry'],
    [503, 10, 'retry'],
    [429, 10, 'retry'],
    [404, 10, 'retry'], // an older server without the route is not the report's fault
    [400, 10, 'split'],
    [413, 2, 'split'],
    [422, 5, 'split'],
    [400, 1, 'refuse'],
    [413, 1, 'refuse'],
  ] as const)('sending: %i with %i reports → %s', (status, size, action) => {
    expect(actionForSendFailure({ status }, size)).toBe(action);
  });

  it.each([
    [401, 'pause'],
    [403, 'pause'],
    [0, 'retry'],
    [500, 'retry'],
    [429, 'retry'],
    [409, 'refuse'], // the id holds different bytes
    [413, 'refuse'],
    [415, 'refuse'],
    [400, 'refuse'],
  ] as const)('uploading a photo: %i → %s', (status, action) => {
    expect(actionForUploadFailure({ status })).toBe(action);
  });
});
