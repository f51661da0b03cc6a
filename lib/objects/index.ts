import type { Context } from "../context";
import type { DbTx } from "../db";
import type { CreatedRange, ListQuery } from "../contract/common";
import { notFound } from "../http/errors";

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

const fromUnix = (seconds: number) => new Date(seconds * 1000);

/** A list's `created[…]` bounds (Unix seconds) as one half-open range [gte, lt) over `createdAt` (milliseconds). */
export function createdWhere(query: CreatedRange) {
  const lower = Math.max(query["created[gte]"] ?? -Infinity, (query["created[gt]"] ?? -Infinity) + 1);
  const upper = Math.min(query["created[lt]"] ?? Infinity, (query["created[lte]"] ?? Infinity) + 1);
  const created = {
    ...(Number.isFinite(lower) ? { gte: fromUnix(lower) } : {}),
    ...(Number.isFinite(upper) ? { lt: fromUnix(upper) } : {}),
  };
  return Object.keys(created).length > 0 ? { createdAt: created } : {};
}

export function metadataOf(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** What every owned object's row has: an id, its mode, its metadata and when it was made. */
interface OwnedRow {
  id: string;
  livemode: boolean;
  metadata: unknown;
  createdAt: Date;
}

/**
 * The fields every owned object shows (`id`, `object`, `livemode`, `metadata`, `created`); a serializer adds its own:
 * `{ ...ownedFields("customer", row), email: row.email }`.
 */
export function ownedFields<Name extends string>(object: Name, row: OwnedRow) {
  return {
    id: row.id,
    object,
    livemode: row.livemode,
    metadata: metadataOf(row.metadata),
    created: unixSeconds(row.createdAt),
  };
}

/** A model's lookup of which mode one of an owner's objects is in. */
interface ModeLookup {
  findFirst(args: {
    where: { id: string; ownerId: string };
    select: { livemode: true };
  }): PromiseLike<{ livemode: boolean } | null>;
}

/**
 * The scope of one of an owner's objects, whichever its mode: how the dashboard, which sees both modes of its
 * merchant, addresses an object by id before calling the domain's scoped operations. 404 for another owner's.
 */
export async function scopeOfObject(
  model: ModeLookup,
  collection: { name: string },
  { ownerId, id }: { ownerId: string; id: string },
): Promise<ObjectScope> {
  const row = await model.findFirst({ where: { id, ownerId }, select: { livemode: true } });
  if (!row) throw notFound(collection.name, id);
  return { ownerId, livemode: row.livemode };
}

/** The two reads every owned model answers: one object of the caller's, and one page of them. */
interface OwnedModel<Row> {
  findFirst(args: { where: ObjectScope & { id: string } }): PromiseLike<Row | null>;
  findMany(args: ReturnType<typeof pageArgs>): PromiseLike<Row[]>;
}

/**
 * Find, retrieve and list for a model whose rows belong to an owner and a mode (payment links, customers, checkout
 * sessions, webhook endpoints, events): another owner's or the other mode's object does not exist for the caller,
 * so it answers 404, never 403. `retrieve` and `list` take the domain's `(ctx, input)`, so they are the operations.
 */
export function ownedObjects<Row, Item, Query extends ListQuery = ListQuery>(spec: {
  /** The contract's: its `path` is the list's `url`, its `name` the 404's ("No such payment link: 'plink_…'."). */
  collection: { path: string; name: string };
  model: (db: DbTx) => OwnedModel<Row>;
  /** Makes the answer; every object of one answer is read as of the same instant, `now`. */
  serialize: (row: Row, now: Date) => Item;
  /** The list's filters, as a `where` that narrows the page. */
  filter?: (query: Query, now: Date) => Record<string, unknown>;
}) {
  const find = async (db: DbTx, owner: ObjectScope, id: string): Promise<Row> => {
    const row = await spec.model(db).findFirst({ where: { id, ...owner } });
    if (!row) throw notFound(spec.collection.name, id);
    return row;
  };
  return {
    find,
    retrieve: async ({ db, now }: Context, { owner, id }: { owner: ObjectScope; id: string }): Promise<Item> =>
      spec.serialize(await find(db, owner, id), now()),
    /** A page, newest first. */
    list: async ({ db, now: clock }: Context, { owner, query }: { owner: ObjectScope; query: Query }) => {
      const now = clock();
      const args = pageArgs(owner, query);
      const rows = await spec.model(db).findMany({ ...args, where: { ...args.where, ...spec.filter?.(query, now) } });
      return toList(rows, query.limit, spec.collection.path, (row) => spec.serialize(row, now));
    },
  };
}
