import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema';
import type { Logger } from '../../http/logger';
import { InProcessTrackingBus } from './tracking-bus';

const CHANNEL = 'doorstep_tracking';
// NOTIFY payloads must stay under 8000 bytes; tracking numbers are ~15 characters.
const PAYLOAD_LIMIT = 7_000;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

export interface PostgresBusOptions {
  /** The same database, for sending: a NOTIFY goes out on any pooled connection. */
  db: Kysely<Database>;
  /** Where to LISTEN: one dedicated connection, kept open and reopened when it drops. */
  url: string;
  logger: Logger;
  /** Seconds from publish on one instance to delivery on this one, per message (for /metrics). */
  onLag?: (seconds: number) => void;
}

/**
 * Several instances on one PostgreSQL: a change published on any of them reaches the
 * listeners of all. This instance's own listeners hear it at once (no round trip); the others
 * through NOTIFY, which PostgreSQL delivers to every listening connection after the sending
 * statement commits. Messages carry the sender, the time sent and tracking numbers — ids, not
 * views. While the listening connection is down, changes elsewhere are missed, so on
 * reconnecting every listener is told to read afresh.
 */
export class PostgresTrackingBus extends InProcessTrackingBus {
  private readonly instance = randomUUID().slice(0, 8);
  private readonly outgoing = new Set<string>();
  private flushScheduled = false;
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> = Promise.resolve();

  private constructor(private readonly options: PostgresBusOptions) {
    super();
  }

  /** Resolves once listening, so an instance never serves before it can hear the others. */
  static async connect(options: PostgresBusOptions): Promise<PostgresTrackingBus> {
    const bus = new PostgresTrackingBus(options);
    await bus.listen();
    return bus;
  }

  override publish(trackingNo: string): void {
    if (this.closed) return;
    this.local.deliver(trackingNo);
    this.outgoing.add(trackingNo);
    // A sync batch publishes dozens of parcels in one go: they leave as one message.
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.sending;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.outgoing.size === 0) return;
    const payloads = packPayloads(`${this.instance}|${Date.now()}|`, [...this.outgoing]);
    this.outgoing.clear();
    // In order, one after another: an instance's messages arrive in the order it sent them.
    this.sending = this.sending.then(async () => {
      for (const payload of payloads) {
        try {
          await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(this.options.db);
        } catch (err) {
          // The change is committed; only other instances' live pages miss it until their next read.
          this.options.logger.error('Could not announce a tracking change to the other instances', err);
        }
      }
    });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url });
    // Errors on an idle connection arrive as events; without a handler they would end the process.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.received(message.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
  }

  private received(payload: string): void {
    const first = payload.indexOf('|');
    const second = payload.indexOf('|', first + 1);
    if (first < 0 || second < 0) return;
    if (payload.slice(0, first) === this.instance) return; // delivered locally when published
    const sentAt = Number(payload.slice(first + 1, second));
    if (Number.isFinite(sentAt)) this.options.onLag?.(Math.max(0, Date.now() - sentAt) / 1000);
    for (const trackingNo of payload.slice(second + 1).split(',')) if (trackingNo) this.local.deliver(trackingNo);
  }

  private lost(client: pg.Client, err: Error | null): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.options.logger.error('The tracking bus lost its PostgreSQL connection; reconnecting', err ?? undefined);
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(RECONNECT_MAX_MS, delay * 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().then(
        // Whatever changed elsewhere while deaf is unknown: every listener reads afresh.
        () => this.local.deliverMissed(),
        (err: unknown) => {
          this.options.logger.error('The tracking bus could not reconnect yet', err);
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }
}

/** Tracking numbers split into as few NOTIFY payloads as fit under PostgreSQL's limit. */
export function packPayloads(prefix: string, trackingNos: string[]): string[] {
  const payloads: string[] = [];
  let current = '';
  for (const no of trackingNos) {
    if (current && prefix.length + current.length + 1 + no.length > PAYLOAD_LIMIT) {
      payloads.push(prefix + current);
      current = '';
    }
    current = current ? `${current},${no}` : no;
  }
  if (current) payloads.push(prefix + current);
  return payloads;
}
