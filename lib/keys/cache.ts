import { epochMs } from "../clock";
import { metrics } from "../metrics";
import type { KeyMode } from "./format";
import type { Scope } from "../contract/scopes";
import type { Invalidation } from "../context";
import type { ObjectScope } from "../objects";

/** Everything the verifier needs about a key, held in memory so steady-state requests make no query. */
export interface CachedKey {
  id: string;
  hash: string;
  mode: KeyMode;
  scopes: ReadonlySet<Scope>;
  status: "active" | "revoked";
  expiresAt: Date | null;
  graceEndsAt: Date | null;
  rateLimit: number | null;
  ipAllowlist: readonly string[] | null;
  merchant: { id: string; name: string } | null;
  application: { id: string; name: string; isEnabled: boolean; allowedOrigins: readonly string[] } | null;
  /** The caller as route handlers see it, built once per cache entry rather than per request. */
  principal: ApiKeyPrincipal;
}

/** An API-key caller, as the request pipeline hands it to a handler. */
export interface ApiKeyPrincipal {
  key: { id: string; name: string; prefix: string; mode: KeyMode; scopes: Scope[] };
  merchant: { id: string; name: string } | null;
  application: { id: string; name: string } | null;
  livemode: boolean;
  /** Whose objects this request sees: the merchant's, or an unclaimed key's own sandbox, in the key's mode. */
  owner: ObjectScope;
}

interface Slot {
  key: CachedKey | null; // null: no key has this hash (negative entry)
  expiresAt: number;
  /** When the entry last moved to the most recently used end. */
  touchedAt: number;
  /** When it was loaded. */
  storedAt: number;
}

// A hit moves its entry to the most recently used end at most this often: the order of the LRU is kept to the second,
// and a steady stream of hits costs one Map lookup each rather than a delete and an insert.
const TOUCH_INTERVAL_MS = 1000;

/**
 * A bounded LRU (to the second) of keys by secret hash. Invalidation is what keeps it correct; the TTL is only a safety net.
 * A generation counter stops a lookup that started before an invalidation from caching what it read.
 */
export class KeyCache {
  private slots = new Map<string, Slot>();
  private inflight = new Map<string, Promise<CachedKey | null>>();
  private generation = 0;
  /** How long after loading an entry is trusted: the TTL, or less while invalidations may be missed (`degrade`). */
  private maxAgeMs = Infinity;

  constructor(
    private readonly options: { maxEntries: number; ttlMs: number; negativeTtlMs: number; degradedTtlMs?: number },
    private readonly now: () => number = epochMs,
  ) {}

  /** The cached entry, synchronously: a key, null (known not to exist), or undefined (not cached: load it). */
  peek(hash: string): CachedKey | null | undefined {
    const slot = this.slots.get(hash);
    if (slot === undefined) return undefined;
    const now = this.now();
    if (slot.expiresAt <= now || now - slot.storedAt > this.maxAgeMs) return undefined;
    if (now - slot.touchedAt >= TOUCH_INTERVAL_MS) {
      slot.touchedAt = now;
      this.slots.delete(hash); // re-insert: most recently used last
      this.slots.set(hash, slot);
    }
    return slot.key;
  }

  async get(hash: string, load: (hash: string) => Promise<CachedKey | null>): Promise<CachedKey | null> {
    const cached = this.peek(hash);
    if (cached !== undefined) return cached;
    const pending = this.inflight.get(hash);
    if (pending) return pending;
    const generation = this.generation;
    const loading = load(hash)
      .then((key) => {
        if (generation === this.generation) this.store(hash, key);
        return key;
      })
      .finally(() => this.inflight.delete(hash));
    this.inflight.set(hash, loading);
    return loading;
  }

  invalidate(what: Invalidation): void {
    this.generation += 1;
    this.inflight.clear();
    for (const [hash, slot] of this.slots) {
      const key = slot.key;
      const matches =
        hash === what.hash ||
        (key !== null &&
          (key.id === what.keyId ||
            (what.applicationId !== undefined && key.application?.id === what.applicationId) ||
            (what.merchantId !== undefined && key.merchant?.id === what.merchantId)));
      if (matches) this.slots.delete(hash);
    }
  }

  clear(): void {
    this.generation += 1;
    this.inflight.clear();
    this.slots.clear();
  }

  /** While the invalidation channel is down, entries are trusted only `options.degradedTtlMs` after loading. */
  degrade(down: boolean): void {
    this.maxAgeMs = down ? (this.options.degradedTtlMs ?? Infinity) : Infinity;
  }

  get size(): number {
    return this.slots.size;
  }

  private store(hash: string, key: CachedKey | null): void {
    const ttl = key ? this.options.ttlMs : this.options.negativeTtlMs;
    this.slots.delete(hash);
    const now = this.now();
    this.slots.set(hash, { key, expiresAt: now + ttl, touchedAt: now, storedAt: now });
    while (this.slots.size > this.options.maxEntries) {
      const oldest = this.slots.keys().next().value;
      if (oldest === undefined) break;
      this.slots.delete(oldest);
      metrics.keyCacheEvictions.inc();
    }
  }
}
