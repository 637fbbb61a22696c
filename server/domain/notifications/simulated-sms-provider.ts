import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { SmsProviderError, type SmsMessage, type SmsProvider } from './sms-provider';
import { findSimulatedSms, recordSimulatedSms } from './simulated-sms-repository';

/**
 * What can go wrong with a send, for tests that need it: `refuse` fails before anything is
 * sent (the gateway was down); `loseAnswer` sends, then fails as if the answer never came back.
 */
export type SimulatedSmsFault = 'refuse' | 'loseAnswer';

/** Decides, per message, whether this send goes wrong and how; null sends normally. */
export type SimulatedSmsFaults = (message: SmsMessage) => SimulatedSmsFault | null;

/** The next `count` sends go wrong with `fault`, the rest go through: e.g. a gateway down for a while. */
export function failNextSends(count: number, fault: SimulatedSmsFault = 'refuse'): SimulatedSmsFaults {
  let left = count;
  return () => (left-- > 0 ? fault : null);
}

/**
 * A stand-in SMS gateway that keeps its own record (simulated_sms_messages), keyed by our
 * reference like a real one: the second send with a reference sends nothing and answers the
 * first message's reference. `faults` is for tests only; the server never passes it.
 */
export function simulatedSmsProvider(db: Kysely<Database>, clock: () => number, faults?: SimulatedSmsFaults): SmsProvider {
  return {
    name: 'simulated',
    async send(message) {
      const fault = faults?.(message) ?? null;
      if (fault === 'refuse') throw new SmsProviderError('Simulated SMS gateway unavailable');
      await recordSimulatedSms(db, message, clock());
      const sent = await findSimulatedSms(db, message.reference);
      if (!sent) throw new SmsProviderError(`Simulated SMS ${message.reference} was not recorded`);
      if (fault === 'loseAnswer') throw new SmsProviderError('Simulated SMS gateway: the answer was lost');
      return { providerReference: `SIMSMS-${sent.id}` };
    },
  };
}
