import { randomBase62 } from "./base62";

/**
 * Public object ids that sort by creation time: prefix + 9 base36 characters of milliseconds + 16 random base62.
 * Lists order by id and page with `id < starting_after`: one indexed query, stable under concurrent inserts.
 * The time part is lowercase base36 so it sorts the same under SQLite's and PostgreSQL's collations.
 */
export function newObjectId(prefix: string, now = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, "0")}${randomBase62(16)}`;
}
