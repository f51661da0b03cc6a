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
