import type { CarrierView, CreateCarrierRequest } from '../../shared/api/carriers';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The shop's third-party carrier connections (staff only). Secrets go in, never come back. */

export async function listCarriers(): Promise<{ carriers: CarrierView[] }> {
  return (await okResponse(() => api.ops.carriers.$get())).json();
}

export async function createCarrier(body: CreateCarrierRequest): Promise<CarrierView> {
  return (await okResponse(() => api.ops.carriers.$post({ json: body }))).json();
}

export async function setCarrierActive(code: string, active: boolean): Promise<CarrierView> {
  const route = api.ops.carriers[':code'];
  return (await okResponse(() => (active ? route.activate : route.deactivate).$post({ param: { code } }))).json();
}
