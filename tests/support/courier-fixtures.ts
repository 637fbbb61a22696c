import { randomUUID } from 'node:crypto';
import type { CourierReport } from '../../shared/courier/courier-report';
import type { createTestApp } from './test-app';
import { TEST_PASSWORD } from './accounts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function signIn(t: TestApp, login: string): Promise<string> {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A tiny but real JPEG (a 1×1 image), the bytes a phone would send. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////2wBDAf//////////////////////////////////////////////////////////////////////////////////////wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKgA/9k=',
  'base64',
);

export const DEVICE = randomUUID();
let seq = 0;

export function report(over: Partial<CourierReport> & Pick<CourierReport, 'trackingNo' | 'kind' | 'shipmentVersion'>): CourierReport {
  return { id: randomUUID(), deviceId: DEVICE, seq: ++seq, occurredAt: Date.UTC(2026, 10, 21, 3, 30, 0), ...over };
}

export async function sync(t: TestApp, cookie: string, reports: CourierReport[], sentAt = t.now()) {
  return t.app.request('/api/courier/sync', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ sentAt, reports }),
  });
}

/** A courier's photo upload; `key` is the phone's own key for the photo (Idempotency-Key). */
export async function upload(t: TestApp, cookie: string, key: string = randomUUID(), bytes: Uint8Array<ArrayBuffer> = new Uint8Array(TINY_JPEG), type = 'image/jpeg') {
  return t.app.request('/api/uploads', { method: 'POST', headers: { 'content-type': type, 'idempotency-key': key, cookie }, body: bytes });
}

/** Uploads a photo as the courier and returns the id the server made for it. */
export async function uploadedPhoto(t: TestApp, cookie: string): Promise<string> {
  const res = await upload(t, cookie);
  if (res.status !== 201) throw new Error(`photo upload failed: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}
