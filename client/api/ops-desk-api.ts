import type {
  CourierFiguresList,
  CourierStopList,
  ExceptionAction,
  ExceptionActionResult,
  OpenExceptionList,
  ReassignCandidateList,
  ReassignResult,
  SettingsHistory,
  SettingsUpdateRequest,
  SettingsView,
} from '../../shared/api/ops-desk';
import { api } from './api-client';
import { okResponse } from './api-error';

/**
 * The ops desk (staff only): open exceptions and what to do about them, couriers and their
 * stops, the shop's settings. A 409 means the parcel moved on since the list was loaded.
 */

export async function listOpenExceptions(): Promise<OpenExceptionList> {
  return (await okResponse(() => api.ops.exceptions.$get())).json();
}

export async function actOnException(trackingNo: string, action: ExceptionAction, note: string, version: number): Promise<ExceptionActionResult> {
  const response = await okResponse(() => api.ops.exceptions[':trackingNo'].actions.$post({ param: { trackingNo }, json: { action, note, version } }));
  return response.json();
}

/** Without a range the server takes the last 7 days. */
export async function listCourierFigures(range?: { from: string; to: string }): Promise<CourierFiguresList> {
  return (await okResponse(() => api.ops.couriers.$get({ query: range ?? {} }))).json();
}

export async function fetchCourierStops(courierId: number): Promise<CourierStopList> {
  return (await okResponse(() => api.ops.couriers[':id'].stops.$get({ param: { id: String(courierId) } }))).json();
}

export async function fetchReassignCandidates(trackingNo: string): Promise<ReassignCandidateList> {
  return (await okResponse(() => api.ops.stops[':trackingNo'].candidates.$get({ param: { trackingNo } }))).json();
}

export async function reassignStop(trackingNo: string, toCourierId: number, version: number): Promise<ReassignResult> {
  return (await okResponse(() => api.ops.stops.reassign.$post({ json: { trackingNo, toCourierId, version } }))).json();
}

export async function fetchSettings(): Promise<SettingsView> {
  return (await okResponse(() => api.ops.settings.$get())).json();
}

export async function saveSettings(body: SettingsUpdateRequest): Promise<SettingsView> {
  return (await okResponse(() => api.ops.settings.$put({ json: body }))).json();
}

export async function fetchSettingsHistory(): Promise<SettingsHistory> {
  return (await okResponse(() => api.ops.settings.history.$get({ query: {} }))).json();
}
