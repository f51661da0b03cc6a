import type { Db } from "../db";
import type { Invalidation } from "../context";
import { log } from "../log";
import type { InvalidationTarget } from "./invalidation";

// 64 bits of the SHA-256 digest: a collision with an unknown secret only costs that secret one database lookup.
const PREFIX_CHARS = 16;
const PAGE_SIZE = 10_000;

/**
 * Every key hash the database holds (64-bit prefixes, about 60 bytes a key), so that a client locked out for guessing
 * is refused an unknown secret without a query while any real key, however new, is still looked up. Built from the
 * database on first use and again whenever the bus may have missed a message; kept current by the `{ hash }` that
 * every key creation publishes.
 */
export class KnownKeys implements InvalidationTarget {
  private hashes = new Set<string>();
  /** While a rebuild reads the database, creations land in the next set as well. */
  private next: Set<string> | null = null;
  private loading: Promise<void> | null = null;
  private built = false;

  constructor(private readonly db: Db) {}

  /** Whether a key with this hash may exist: the first call waits for the set; without one, every key may. */
  async mayExist(hash: string): Promise<boolean> {
    await (this.loading ??= this.rebuild());
    return !this.built || this.hashes.has(hash.slice(0, PREFIX_CHARS));
  }

  invalidate(what: Invalidation): void {
    if (what.hash === undefined) return;
    const prefix = what.hash.slice(0, PREFIX_CHARS);
    this.hashes.add(prefix);
    this.next?.add(prefix);
  }

  clear(): void {
    if (this.loading) this.loading = this.rebuild();
  }

  get size(): number {
    return this.hashes.size;
  }

  private async rebuild(): Promise<void> {
    const next = (this.next = new Set<string>());
    try {
      let cursor: string | undefined;
      for (;;) {
        const page = await this.db.apiKey.findMany({
          select: { id: true, hash: true },
          orderBy: { id: "asc" },
          take: PAGE_SIZE,
          ...(cursor !== undefined && { cursor: { id: cursor }, skip: 1 }),
        });
        for (const row of page) next.add(row.hash.slice(0, PREFIX_CHARS));
        if (page.length < PAGE_SIZE) break;
        cursor = page[page.length - 1]?.id;
      }
      if (this.next === next) {
        this.hashes = next;
        this.built = true;
      }
    } catch (error) {
      // Until a set is built nothing is refused for being unknown; the next call tries again.
      log.warn("known_keys.rebuild_failed", { message: (error as Error).message });
      this.loading = null;
    } finally {
      if (this.next === next) this.next = null;
    }
  }
}
