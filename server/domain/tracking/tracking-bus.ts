import { EventEmitter } from 'node:events';

/**
 * Tells open tracking streams in this process that a parcel changed. Publish only after the
 * change is committed, so a listener that reads the database sees it.
 *
 * One process only: a scaled-out deployment on PostgreSQL would feed this from
 * LISTEN/NOTIFY; the interface stays the same.
 */
export class TrackingBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open tracking page is a listener; the default cap of 10 is for leak detection.
    this.emitter.setMaxListeners(0);
  }

  publish(trackingNo: string): void {
    this.emitter.emit(trackingNo);
  }

  subscribe(trackingNo: string, listener: () => void): () => void {
    this.emitter.on(trackingNo, listener);
    return () => this.emitter.off(trackingNo, listener);
  }

  listenerCount(trackingNo: string): number {
    return this.emitter.listenerCount(trackingNo);
  }
}
