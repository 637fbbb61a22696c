import type { PublicTrackingEvent } from '../api/tracking-view';
import { isTrackingStatus } from './statuses';

/**
 * Whether a parsed JSON value is a public timeline as a shipment keeps it (newest first):
 * checked when a row is read. Server side only: the tracking endpoint splices the stored text
 * into its answer unparsed.
 *
 * A check in place rather than a zod schema: a courier's batch and a carrier's push read a
 * hundred timelines each, and zod builds a copy of every event it checks (measured: about a
 * tenth of a courier batch's time on SQLite). Table-tested case by case.
 */
export function isPublicTimeline(value: unknown): value is PublicTrackingEvent[] {
  return Array.isArray(value) && value.every(isPublicEvent);
}

function isPublicEvent(value: unknown): value is PublicTrackingEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const place = event.place as Record<string, unknown> | null | undefined;
  return (
    typeof event.status === 'string' &&
    isTrackingStatus(event.status) &&
    typeof event.subStatus === 'string' &&
    typeof event.occurredAt === 'number' &&
    Number.isFinite(event.occurredAt) &&
    typeof place === 'object' &&
    place !== null &&
    isTextOrNull(place.province) &&
    isTextOrNull(place.city) &&
    isTextOrNull(event.reasonCode)
  );
}

const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
