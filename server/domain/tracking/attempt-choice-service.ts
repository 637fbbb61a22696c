import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { attemptChoiceRequestSchema } from '../../../shared/api/attempt-choice';
import { keptInstructions } from '../../../shared/api/delivery-instructions';
import type { VerifiedTrackingDetails } from '../../../shared/api/tracking-view';
import { attemptChoiceProblem, attemptOptions, type AttemptChoice } from '../../../shared/tracking/attempt-choices';
import { conflict, unprocessable } from '../../app-error';
import type { Database } from '../../db/schema';
import { saveAttemptChoice } from './shipment-repository';
import { latestFailedAttempt } from './tracking-event-repository';
import { applyTrackingEvent } from './tracking-service';
import { requireVerifiedShipment } from './verification-service';
import { getVerifiedDetails } from './verified-details';

type ValidChoice = z.output<typeof attemptChoiceRequestSchema>;

/** The event each choice writes: the parcel goes back to the station, for the day or to be collected. */
const CHOICE_SUB_STATUS = { redeliver: 'InTransit_009', hold: 'InTransit_010' } as const;

const PROBLEM_TEXT = {
  choice_not_offered: 'After this kind of failed attempt the shop decides what happens next',
  day_not_offered: 'Pick one of the days offered for the next attempt',
  instructions_not_offered: 'New instructions would not help with this kind of failed attempt',
} as const;

/**
 * The verified customer's choice after a failed attempt: another day, or collecting it from
 * the station (with new instructions where they help). One transaction: the parcel is read
 * inside it, so a choice made twice at once, or after the courier has moved on, is refused
 * (409) with nothing written; the choice is a tracking event through the state machine (the
 * version moves, so a courier's report made on the old stop is a conflict they are shown),
 * and it stays with the parcel for the courier's manifest.
 */
export async function makeAttemptChoice(
  db: Kysely<Database>,
  input: { trackingNo: string; token: string | undefined; choice: ValidChoice; timeZone: string },
  now: number,
): Promise<VerifiedTrackingDetails> {
  return db.transaction().execute(async (trx) => {
    const { shipment, verifiedUntil } = await requireVerifiedShipment(trx, input, now);
    if (shipment.leg !== 'delivery' || shipment.status !== 'AttemptFail') {
      throw conflict('no_failed_attempt', `Parcel ${shipment.trackingNo} is not waiting after a failed attempt (it is ${shipment.status})`);
    }
    const attempt = await latestFailedAttempt(trx, shipment.id);
    const options = attemptOptions(attempt?.reasonCode ?? null, attempt?.occurredAt ?? now, now, input.timeZone);
    const { choice } = input;
    const problem = attemptChoiceProblem(options, {
      kind: choice.kind,
      day: choice.kind === 'redeliver' ? choice.day : undefined,
      withInstructions: choice.kind === 'redeliver' && choice.instructions !== undefined,
    });
    if (problem) throw unprocessable(problem, PROBLEM_TEXT[problem]);

    const { shipment: after } = await applyTrackingEvent(
      trx,
      shipment,
      {
        status: 'InTransit',
        subStatus: CHOICE_SUB_STATUS[choice.kind],
        occurredAt: now,
        place: shipment.destination,
        actor: { type: 'customer', id: null },
        expectedVersion: shipment.version,
      },
      now,
    );
    const stored: AttemptChoice = choice.kind === 'redeliver' ? { kind: 'redeliver', day: choice.day, at: now } : { kind: 'hold', at: now };
    // New instructions go with the next try where given; otherwise the ones the courier had stay.
    const instructions = choice.kind === 'redeliver' && choice.instructions ? keptInstructions(choice.instructions) : shipment.deliveryInstructions;
    await saveAttemptChoice(trx, shipment.id, stored, instructions, now);
    return getVerifiedDetails(trx, { ...after, attemptChoice: stored, deliveryInstructions: instructions }, verifiedUntil);
  });
}
