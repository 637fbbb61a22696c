import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SmsMessage } from './sms-provider';

/** Records a message once per reference; a repeat changes nothing. */
export async function recordSimulatedSms(db: Kysely<Database>, message: SmsMessage, at: number): Promise<void> {
  await db
    .insertInto('simulated_sms_messages')
    .values({ reference: message.reference, recipient: message.recipient, body: message.body, created_at: at })
    .onConflict((oc) => oc.column('reference').doNothing())
    .execute();
}

export async function findSimulatedSms(db: Kysely<Database>, reference: string): Promise<{ id: number; recipient: string; body: string } | null> {
  const row = await db.selectFrom('simulated_sms_messages').select(['id', 'recipient', 'body']).where('reference', '=', reference).executeTakeFirst();
  return row ?? null;
}
