import type { ListQuery } from "../validation/common";

/** The slice of the world one API request may see: one owner's objects of one mode. */
export interface ObjectScope {
  ownerId: string;
  livemode: boolean;
}

/** One indexed query per page: newest first, `take + 1` rows tell whether there is more. */
export function pageArgs(scope: ObjectScope, query: ListQuery) {
  return {
    where: { ...scope, ...(query.starting_after ? { id: { lt: query.starting_after } } : {}) },
    orderBy: { id: "desc" as const },
    take: query.limit + 1,
  };
}

export function toList<Row, Item>(rows: Row[], limit: number, url: string, serialize: (row: Row) => Item) {
  return { object: "list" as const, url, has_more: rows.length > limit, data: rows.slice(0, limit).map(serialize) };
}

export const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function metadataOf(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
