import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TrackingBus } from './tracking-bus';
import { loadPublicView } from './tracking-service';

/** A public view as served: its JSON text and the entity tag that names what it says. */
export interface CachedPublicView {
  json: string;
  /**
   * Weak (`W/"…"`): two copies of an unchanged view differ in their generatedAt, and a client
   * holding either has the same parcel on screen. Hashed once per entry, not per request.
   */
  etag: string;
}

interface Entry extends CachedPublicView {
  builtAt: number;
  /** The first moment this entry no longer answers for (see PublicViewCache's rules). */
  expiresAt: number;
  /** When it was last put at the back of the Map, counted in placements. */
  placed: number;
}

export interface PublicViewCacheOptions {
  /** Parcels kept; past it the least recently read goes. */
  maxEntries: number;
  /** The longest an entry is served, whatever the bus says. */
  ttlMs: number;
}

/**
 * A few seconds, on top of the bus: the bus tells of every change made through the app, and
 * this bounds how long a change it never heard of (a script writing to the database, say) is
 * served stale. A reader polling every few seconds still costs one read per TTL, not per poll.
 */
export const PUBLIC_VIEW_TTL_MS = 5_000;
/** A few thousand parcels: the ones being followed right now; about 2 KB each. */
const MAX_ENTRIES = 5_000;

/**
 * This instance's copies of the public tracking view, the busiest read there is (every open
 * page, every poll, every SMS link). An entry is served while all of these hold:
 * - the bus has not announced a change to its parcel, nor a gap (`null`: forget everything);
 * - the clock has not reached the moment the view would read differently by time alone
 *   (lateness starting at the promise, a pickup deadline passing: renderPublicView's
 *   changesAt), nor gone back before the entry was made (tests move their clock);
 * - it is younger than the TTL.
 * Entries are per instance; with several, each hears every change through the shared bus.
 */
export class PublicViewCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Moved on by every announcement. A read that began before one may hold what was there
   * before the change, so it is answered but not kept.
   */
  private generation = 0;
  private placements = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: PublicViewCacheOptions = { maxEntries: MAX_ENTRIES, ttlMs: PUBLIC_VIEW_TTL_MS },
  ) {}

  /** The view as of `now` if memory holds it, else undefined (then `get` reads it). */
  peek(trackingNo: string, now: number): CachedPublicView | undefined {
    const kept = this.entries.get(trackingNo);
    if (!kept || now < kept.builtAt || now >= kept.expiresAt) return undefined;
    // Eviction takes from the front of the Map, so a read moves its entry to the back, but
    // only once it is in the older half: the hottest views are read thousands of times a
    // second, and moving one each time cost more than the rest of the lookup.
    if (this.placements - kept.placed > this.options.maxEntries >> 1) this.place(trackingNo, kept);
    return kept;
  }

  /** The view as of `now`, from memory when it still holds; unknown parcels throw as loadPublicView does, and are not kept. */
  async get(trackingNo: string, now: number): Promise<CachedPublicView> {
    const kept = this.peek(trackingNo, now);
    if (kept) return kept;
    const generation = this.generation;
    const view = await loadPublicView(this.db, trackingNo, now);
    const entry: Entry = {
      json: view.json,
      etag: `W/"${createHash('sha1').update(view.meaning).digest('base64url')}"`,
      builtAt: now,
      expiresAt: Math.min(now + this.options.ttlMs, view.changesAt ?? Infinity),
      placed: 0,
    };
    if (generation === this.generation) this.place(trackingNo, entry);
    return entry;
  }

  private place(trackingNo: string, entry: Entry): void {
    this.entries.delete(trackingNo);
    entry.placed = ++this.placements;
    this.entries.set(trackingNo, entry);
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A parcel changed (`null`: changes may have been missed, so every entry goes). */
  forget(trackingNo: string | null): void {
    this.generation++;
    if (trackingNo === null) this.entries.clear();
    else this.entries.delete(trackingNo);
  }

  get size(): number {
    return this.entries.size;
  }
}

const cachesByBus = new WeakMap<TrackingBus, WeakMap<Kysely<Database>, PublicViewCache>>();

/**
 * The one cache for this instance's database and bus, made and subscribed on first use, so
 * every route serving the public view (the API, the tracking page's HTML) shares it and the
 * bus keeps it current. It lives as long as the bus does.
 */
export function publicViewCacheFor(deps: { db: Kysely<Database>; bus: TrackingBus }): PublicViewCache {
  let byDb = cachesByBus.get(deps.bus);
  if (!byDb) cachesByBus.set(deps.bus, (byDb = new WeakMap()));
  let cache = byDb.get(deps.db);
  if (!cache) {
    const made = new PublicViewCache(deps.db);
    deps.bus.subscribeAll((trackingNo) => made.forget(trackingNo));
    byDb.set(deps.db, (cache = made));
  }
  return cache;
}
