import type { DeliveryOption } from '../../../shared/courier/manifest';

/** One drawing per delivery option, so a glance (in gloves, in sunlight) tells them apart. */
export const INSTRUCTION_DRAWINGS: Record<DeliveryOption | 'note', string> = {
  leave_at_door: 'M6 21V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v17M3 21h18M14.5 12h.01',
  parcel_locker: 'M5 3h14a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM12 3v18M4 9h16M4 15h16',
  reception: 'M3 19h18M5 19a7 7 0 0 1 14 0M12 12V9.5M10 9.5h4',
  call_first: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  note: 'M4 5h16v11H9l-5 4z',
};
