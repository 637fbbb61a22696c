import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { isTrackingStatus, type TrackingStatus } from '../../shared/tracking/statuses';
import { readFromDevice, writeToDevice } from '../offline/device-storage';
import { forgetTrackingSnapshot } from '../offline/tracking-snapshots';

/** A parcel this device has looked at: no account, so the device is the customer's list. */
export interface SavedParcel {
  trackingNo: string;
  status: TrackingStatus;
  /** When the status was last seen (epoch ms). */
  checkedAt: number;
}

const STORAGE_KEY = 'my_parcels';
/** Enough for anyone's open orders; older entries fall off with their snapshots. */
const MAX_PARCELS = 30;

function isSavedParcelList(value: unknown): value is SavedParcel[] {
  return (
    Array.isArray(value) &&
    value.every(
      (p: Partial<SavedParcel> | null) =>
        typeof p?.trackingNo === 'string' && typeof p.checkedAt === 'number' && isTrackingStatus(String(p.status)),
    )
  );
}

export const useMyParcelsStore = defineStore('my-parcels', () => {
  /** Most recently viewed first. */
  const parcels = ref<SavedParcel[]>(readFromDevice(STORAGE_KEY, isSavedParcelList) ?? []);

  function save() {
    writeToDevice(STORAGE_KEY, parcels.value);
  }

  function rememberParcel(view: PublicTrackingView, checkedAt: number) {
    const others = parcels.value.filter((p) => p.trackingNo !== view.trackingNo);
    const next = [{ trackingNo: view.trackingNo, status: view.status, checkedAt }, ...others];
    for (const dropped of next.slice(MAX_PARCELS)) forgetTrackingSnapshot(dropped.trackingNo);
    parcels.value = next.slice(0, MAX_PARCELS);
    save();
  }

  function removeParcel(trackingNo: string) {
    parcels.value = parcels.value.filter((p) => p.trackingNo !== trackingNo);
    forgetTrackingSnapshot(trackingNo);
    save();
  }

  return { parcels, rememberParcel, removeParcel };
});
