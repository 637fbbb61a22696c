import { EventEmitter } from 'node:events';

/**
 * Tells open tracking streams and caches that a parcel changed. Publish only after the
 * change is committed, so a listener that reads the database sees it. Carries tracking
 * numbers, never views: every listener reads what it needs, so nothing stale or private
 * travels between instances.
 *
 * Two implementations share this contract and one test suite (tests/api/tracking-bus.test.ts):
 * the in-process one for the embedded SQLite default, and LISTEN/NOTIFY for several
 * instances on one PostgreSQL (postgres-tracking-bus.ts).
 */
export interface TrackingBus {
  publish(trackingNo: string): void;
  /** Called for each change to this parcel, wherever it was made. Returns the unsubscribe. */
  subscribe(trackingNo: string, listener: () => void): () => void;
  /**
   * Called with each changed parcel, and with `null` when changes may have been missed (the
   * bus lost its connection for a while): a cache must then forget everything.
   */
  subscribeAll(listener: (trackingNo: string | null) => void): () => void;
  listenerCount(trackingNo: string): number;
  /** Stops listening; publishing after close is a no-op. */
  close(): Promise<void>;
}

/** Delivery to this process's listeners: what both implementations do once a change is known. */
export class LocalListeners {
  private readonly emitter = new EventEmitter();
  private readonly everything = new Set<(trackingNo: string | null) => void>();

  constructor() {
    // Every open tracking page is a listener; the default cap of 10 is for leak detection.
    this.emitter.setMaxListeners(0);
  }

  deliver(trackingNo: string): void {
    for (const listener of this.everything) listener(trackingNo);
    this.emitter.emit(trackingNo);
  }

  /** After a gap in delivery: every cache forgets, every open stream reads afresh. */
  deliverMissed(): void {
    for (const listener of this.everything) listener(null);
    for (const name of this.emitter.eventNames()) this.emitter.emit(name);
  }

  subscribe(trackingNo: string, listener: () => void): () => void {
    this.emitter.on(trackingNo, listener);
    return () => this.emitter.off(trackingNo, listener);
  }

  subscribeAll(listener: (trackingNo: string | null) => void): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  listenerCount(trackingNo: string): number {
    return this.emitter.listenerCount(trackingNo);
  }
}

/** One process: the embedded SQLite default, where one instance owns the database file. */
export class InProcessTrackingBus implements TrackingBus {
  protected readonly local = new LocalListeners();

  publish(trackingNo: string): void {
    this.local.deliver(trackingNo);
  }

  subscribe(trackingNo: string, listener: () => void): () => void {
    return this.local.subscribe(trackingNo, listener);
  }

  subscribeAll(listener: (trackingNo: string | null) => void): () => void {
    return this.local.subscribeAll(listener);
  }

  listenerCount(trackingNo: string): number {
    return this.local.listenerCount(trackingNo);
  }

  async close(): Promise<void> {}
}
