import { computed } from 'vue';
import type { ManifestStop } from '../../shared/courier/manifest';
import { normalizeTrackingNo } from '../../shared/tracking/tracking-number';
import { isForLaterDay, isStopDone, localStopProgress, type StopProgress } from '../offline/courier-stop-progress';
import type { KeptProblem } from '../offline/outbox-records';
import { useCourierManifestStore } from '../stores/courier-manifest';
import { useCourierOutboxStore } from '../stores/courier-outbox';

/** A manifest stop with this phone's waiting reports and unread problems laid over it. */
export interface CourierStopView {
  stop: ManifestStop;
  progress: StopProgress;
  problems: KeptProblem[];
}

export const isDone = (view: CourierStopView) => isStopDone(view.stop.kind, view.progress.status);

export function useCourierStops() {
  const manifest = useCourierManifestStore();
  const outbox = useCourierOutboxStore();

  const stops = computed<CourierStopView[]>(() =>
    [...(manifest.manifest?.stops ?? [])]
      .sort((a, b) => a.routePosition - b.routePosition)
      .map((stop) => ({
        stop,
        progress: localStopProgress(stop, outbox.waiting),
        problems: outbox.openProblems.filter((p) => p.trackingNo === stop.trackingNo),
      })),
  );

  const day = computed(() => manifest.manifest?.day ?? '');
  /** Today's route: everything but pickups booked for a later day. */
  const todayStops = computed(() => stops.value.filter((view) => !isForLaterDay(view.stop, day.value)));
  const laterStops = computed(() => stops.value.filter((view) => isForLaterDay(view.stop, day.value)));

  // A typed URL or a scanner may hand over "ds0000 001 2344"; the manifest holds the canonical form.
  const findStop = (trackingNo: string) => {
    const wanted = normalizeTrackingNo(trackingNo);
    return stops.value.find((view) => view.stop.trackingNo === wanted) ?? null;
  };
  /** Today's deliveries handed over and pickups collected. */
  const doneStops = computed(() => todayStops.value.filter(isDone));
  /** What is still to do today, in route order: the list the courier works down. */
  const openStops = computed(() => todayStops.value.filter((view) => !isDone(view)));
  const doneCount = computed(() => doneStops.value.length);

  return { stops, todayStops, openStops, doneStops, laterStops, findStop, doneCount };
}
