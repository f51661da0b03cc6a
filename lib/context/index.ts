import type { Db } from "../db";

/** What a key-cache invalidation names: one key, one secret's hash, or every key of an application or merchant. */
export interface Invalidation {
  keyId?: string;
  /** The hash of a secret a key was just created with: lookups of it may be cached as "no such key". */
  hash?: string;
  applicationId?: string;
  merchantId?: string;
}

/** Tells every process (this one first) that cached keys matching an invalidation are stale. */
export interface InvalidationPublisher {
  publish(what: Invalidation): Promise<void>;
}

/**
 * What every domain function works with, passed as its first argument: the database, the invalidation bus and the
 * clock. The request pipeline builds it once per process; tests build their own.
 */
export interface Context {
  db: Db;
  bus: InvalidationPublisher;
  now: () => Date;
  /** The /api/v1 request this work is done for (req_…): the events it records name it, for the request log's trace. */
  requestId?: string;
}
