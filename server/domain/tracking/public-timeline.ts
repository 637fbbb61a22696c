import type { PublicTrackingEvent } from '../../../shared/api/tracking-view';
import type { TrackingStatus } from '../../../shared/tracking/statuses';

/** The fields of an event anyone may see: what, when, and the city. Never who, notes or photos. */
export interface TimelineSource {
  status: TrackingStatus | string;
  subStatus: string;
  occurredAt: number;
  place: { province: string | null; city: string | null };
  reasonCode: string | null;
}

export function toPublicEvent(event: TimelineSource): PublicTrackingEvent {
  return {
    status: event.status as TrackingStatus,
    subStatus: event.subStatus,
    occurredAt: event.occurredAt,
    place: { province: event.place.province, city: event.place.city },
    reasonCode: event.reasonCode,
  };
}

/**
 * Newest first by the time it happened. An offline report can arrive after later scans, so a
 * new event is placed by its time, not put on top; equal times keep arrival order (the later
 * arrival shows first).
 */
export function addToPublicTimeline(timeline: readonly PublicTrackingEvent[], event: TimelineSource): PublicTrackingEvent[] {
  const added = toPublicEvent(event);
  const at = timeline.findIndex((e) => e.occurredAt <= added.occurredAt);
  return at === -1 ? [...timeline, added] : [...timeline.slice(0, at), added, ...timeline.slice(at)];
}

/** The whole timeline from events in any order (demo fill, rebuilds). */
export function buildPublicTimeline(events: readonly TimelineSource[]): PublicTrackingEvent[] {
  return events.reduce<PublicTrackingEvent[]>((timeline, e) => addToPublicTimeline(timeline, e), []);
}
