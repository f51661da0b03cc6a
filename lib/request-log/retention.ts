import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Context } from "../context";

const DAY_MS = 86_400_000;
/** Rows one DELETE removes: each statement stays short, and the event loop gets a turn between two. */
export const PRUNE_CHUNK_ROWS = 1000;

/** Deletes the request log's rows older than `retentionDays`, PRUNE_CHUNK_ROWS at a time; answers how many. */
export async function pruneRequestLog(
  { db, now }: Context,
  { retentionDays, chunkRows = PRUNE_CHUNK_ROWS }: { retentionDays: number; chunkRows?: number },
): Promise<number> {
  const cutoff = new Date(now().getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const rows = await db.requestLog.findMany({
      where: { createdAt: { lt: cutoff } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: chunkRows,
    });
    if (rows.length === 0) return deleted;
    const { count } = await db.requestLog.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    deleted += count;
    if (rows.length < chunkRows) return deleted;
    await yieldToEventLoop();
  }
}
