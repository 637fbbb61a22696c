import { describe, expect, it } from 'vitest';
import { reportForServer, serverIdOf } from '../../client/offline/sync-photo-ids';
import { outboxEntry, uuidFor } from './outbox-fixtures';

const [PHOTO, SECOND, SIGNATURE] = [101, 102, 103].map(uuidFor) as [string, string, string];
const SERVER = (key: string) => `server-${key.slice(-3)}`;
const known = (...keys: string[]) => new Map(keys.map((key) => [key, SERVER(key)]));

describe('the server id of a stored photo', () => {
  it.each([
    ['not uploaded yet', { id: PHOTO, uploaded: false }, null],
    ['uploaded, with the id the server made', { id: PHOTO, uploaded: true, serverId: 'made-by-server' }, 'made-by-server'],
    ['uploaded by an app from before server-made ids (the key was the id)', { id: PHOTO, uploaded: true }, PHOTO],
  ])('%s', (_, photo, expected) => {
    expect(serverIdOf(photo)).toBe(expected);
  });
});

describe('a report as the server sees it', () => {
  it.each([
    ['photos and a signature all known', { photoIds: [PHOTO, SECOND], signatureId: SIGNATURE }, known(PHOTO, SECOND, SIGNATURE), { photoIds: [SERVER(PHOTO), SERVER(SECOND)], signatureId: SERVER(SIGNATURE) }],
    ['one photo not known yet', { photoIds: [PHOTO, SECOND] }, known(PHOTO), null],
    ['the signature not known yet', { photoIds: [PHOTO], signatureId: SIGNATURE }, known(PHOTO), null],
    ['no images at all', {}, known(), {}],
  ])('%s', (_, images, serverIds, expected) => {
    const entry = outboxEntry(1, { kind: 'delivered', recipientName: '本人', ...images });
    const sent = reportForServer(entry.report, serverIds);
    if (expected === null) expect(sent).toBeNull();
    else expect(sent).toEqual({ ...entry.report, ...expected });
  });

  it('never adds image fields a report did not have, and leaves the kept report as it was', () => {
    const entry = outboxEntry(2, { photoIds: [PHOTO] });
    const before = structuredClone(entry.report);
    const sent = reportForServer(entry.report, known(PHOTO))!;
    expect('signatureId' in sent).toBe(false);
    expect(entry.report).toEqual(before);
  });
});
