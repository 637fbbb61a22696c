/** A photo picked in a PhotoInput, shrunk on the phone. */
export interface ChosenPhoto {
  /** This page's own key for the photo: the upload's Idempotency-Key, or the outbox's image id. */
  key: string;
  /** The id the server made once it has the photo; null until then, and for photos that stay on the phone. */
  serverId: string | null;
  /** The shrunk bytes; null for a photo the server already had when the form opened. */
  blob: Blob | null;
  previewUrl: string;
  /** `kept`: stays on the phone (the courier's outbox sends it with the report). */
  state: 'kept' | 'sending' | 'sent' | 'failed';
}

/**
 * The message keys a PhotoInput speaks with (each form has its own words). `hint` gets {max};
 * `thumbAlt` and `remove` get {n}; `sending`, `failed` and `retry` only where photos upload.
 */
export interface PhotoInputWords {
  legend: string;
  need: string;
  hint?: string;
  add: string;
  addAnother: string;
  preparing: string;
  thumbAlt: string;
  remove: string;
  sending?: string;
  failed?: string;
  retry?: string;
  unreadable: string;
  /** Any other failure to shrink the photo. */
  unusable: string;
}

/** Preview URLs made here hold their Blob in memory until revoked; one the server serves holds nothing. */
export function releaseChosenPhoto(photo: ChosenPhoto): void {
  if (photo.blob) URL.revokeObjectURL(photo.previewUrl);
}
