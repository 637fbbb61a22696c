/**
 * Live-update streams held open at once: each is a socket, a bus listener and a heartbeat
 * timer for as long as the page stays open, so one address (a script, a runaway tab) may hold
 * only its share, and the server as a whole only as many as it can carry. At shutdown every
 * stream is asked to end, so browsers reconnect to an instance that is still running.
 */
export interface StreamLimits {
  perAddress: number;
  total: number;
}

export type SlotRefusal = 'address_full' | 'server_full' | 'closing';

export interface StreamSlot {
  /** Gives the slot back; safe to call more than once. */
  release(): void;
}

export class StreamSlots {
  private readonly byAddress = new Map<string, number>();
  private readonly endHooks = new Set<() => void>();
  private openTotal = 0;
  private closing = false;

  constructor(private readonly limits: StreamLimits) {}

  /**
   * A slot for one stream from `address`, or why there is none. `end` is called if the
   * server stops while the stream is open; the stream must then finish and release.
   */
  take(address: string, end: () => void): StreamSlot | SlotRefusal {
    if (this.closing) return 'closing';
    const held = this.byAddress.get(address) ?? 0;
    if (held >= this.limits.perAddress) return 'address_full';
    if (this.openTotal >= this.limits.total) return 'server_full';
    this.byAddress.set(address, held + 1);
    this.openTotal += 1;
    this.endHooks.add(end);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.endHooks.delete(end);
        this.openTotal -= 1;
        const left = (this.byAddress.get(address) ?? 1) - 1;
        if (left === 0) this.byAddress.delete(address);
        else this.byAddress.set(address, left);
      },
    };
  }

  /** Refuses new streams from now on and asks every open one to end. */
  endAll(): void {
    this.closing = true;
    for (const end of [...this.endHooks]) end();
  }

  /** True once endAll() ran: the server is stopping. */
  get isClosing(): boolean {
    return this.closing;
  }

  openFor(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  get open(): number {
    return this.openTotal;
  }
}
