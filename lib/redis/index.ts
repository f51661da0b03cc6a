import { Redis } from "ioredis";
import { log } from "../log";

/** A Redis connection that fails fast when Redis is down, so callers can fall back instead of hanging. */
export function connectRedis(url: string, role: string): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  let reported = false;
  client.on("error", (error: Error) => {
    if (!reported) log.warn("redis.unavailable", { role, message: error.message });
    reported = true;
  });
  client.on("ready", () => {
    reported = false;
  });
  return client;
}

/**
 * Whether Redis answers PING within `timeoutMs`, on a connection of its own that is closed after (a readiness probe
 * every few seconds costs one short connection, and never waits behind the app's own connections' retries).
 */
export async function pingRedis(url: string, timeoutMs: number): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined); // the rejection below reports it
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}
