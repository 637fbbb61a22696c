import { ref } from 'vue';
import type { CourierReport, ReportKindName } from '../../shared/courier/courier-report';
import { type DraftImage, StopNotOnManifestError } from '../offline/outbox-queue';
import type { OutboxEntry } from '../offline/outbox-records';
import { useCourierOutboxStore } from '../stores/courier-outbox';

export type ReportFields = Partial<Pick<CourierReport, 'reasonCode' | 'note' | 'recipientName' | 'photoIds' | 'signatureId' | 'pickupPoint'>>;

/** Optional fields go only when filled: the server's schema has no place for empty strings or lists. */
function filled(fields: ReportFields): ReportFields {
  const isFilled = (value: unknown) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value != null);
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => isFilled(value))) as ReportFields;
}

function errorKeyFor(error: unknown): string {
  if (error instanceof StopNotOnManifestError) return 'courier.report.not_on_manifest';
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'courier.report.storage_full';
  return 'courier.report.save_failed';
}

/** Writes one report (and its images) to the outbox; `saved` fires only once it is on disk. */
export function useCourierReportSave(trackingNo: () => string, kind: () => ReportKindName, saved: (entry: OutboxEntry) => void) {
  const outbox = useCourierOutboxStore();
  const saving = ref(false);
  const saveErrorKey = ref<string | null>(null);

  async function save(fields: ReportFields, images: readonly DraftImage[] = []): Promise<void> {
    if (saving.value) return;
    saving.value = true;
    saveErrorKey.value = null;
    try {
      const trimmed = filled({ ...fields, note: fields.note?.trim(), recipientName: fields.recipientName?.trim() });
      const entry = await outbox.saveReport({ trackingNo: trackingNo(), kind: kind(), occurredAt: Date.now(), ...trimmed }, images);
      saved(entry);
    } catch (error) {
      console.warn('Saving the report failed', error);
      saveErrorKey.value = errorKeyFor(error);
    } finally {
      saving.value = false;
    }
  }

  return { saving, saveErrorKey, save };
}
