import type { FollowUpList, FollowUpListQuery, FollowUpOutcomeRequest, FollowUpView } from '../../shared/api/feedback';
import { api } from './api-client';
import { okResponse } from './api-error';

/** Customer call-backs (staff only): the open ones, and recording how a call went. */
export async function listFollowUps(query: FollowUpListQuery): Promise<FollowUpList> {
  return (await okResponse(() => api.ops['follow-ups'].$get({ query }))).json();
}

/** 409 once someone else has recorded it. */
export async function recordFollowUpOutcome(id: number, body: FollowUpOutcomeRequest): Promise<FollowUpView> {
  return (await okResponse(() => api.ops['follow-ups'][':id'].outcome.$post({ param: { id: String(id) }, json: body }))).json();
}
