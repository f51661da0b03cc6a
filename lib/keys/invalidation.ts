import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Redis } from "ioredis";
import { config } from "../config";
import { engineOf } from "../db/engines";
import { log } from "../log";
import { invalidationsReceived, invalidationsSent } from "../metrics";
import { connectRedis } from "../redis";
import type { Invalidation } from "../context";

export const INVALIDATION_CHANNEL = "merchant_console_key_invalidation";

/** What the bus keeps current in each process: the key cache and the known key hashes. */
export interface InvalidationTarget {
  invalidate(what: Invalidation): void;
  /** Messages may have been missed: forget (or rebuild) everything. */
  clear(): void;
}

/** One target that passes every message to each of these. */
export function allOf(...targets: readonly InvalidationTarget[]): InvalidationTarget {
  return {
    invalidate: (what) => targets.forEach((target) => target.invalidate(what)),
    clear: () => targets.forEach((target) => target.clear()),
  };
}

interface Message extends Invalidation {
  origin: string; // the publishing process, which has already invalidated its own cache
}

interface Transport {
  publish(message: Message): Promise<void>;
  close(): Promise<void>;
}

function validInvalidation(value: unknown): value is Message {
  if (typeof value !== "object" || value === null) return false;
  const fields = ["keyId", "hash", "applicationId", "merchantId", "origin"] as const;
  return fields.every((field) => {
    const v = (value as Record<string, unknown>)[field];
    return v === undefined || typeof v === "string";
  });
}

function receive(target: InvalidationTarget, selfId: string, payload: string): void {
  try {
    const message: unknown = JSON.parse(payload);
    if (validInvalidation(message) && message.origin !== selfId) {
      invalidationsReceived.inc();
      target.invalidate(message);
    }
  } catch {
    log.warn("key_cache.bad_invalidation_message");
  }
}

async function redisTransport(url: string, target: InvalidationTarget, selfId: string): Promise<Transport> {
  const publisher: Redis = connectRedis(url, "invalidation-publisher");
  const subscriber: Redis = connectRedis(url, "invalidation-subscriber");
  subscriber.on("message", (_channel: string, payload: string) => receive(target, selfId, payload));
  // Messages missed while disconnected are unknowable: drop everything cached on every (re)subscribe.
  subscriber.on("ready", () => {
    target.clear();
    subscriber.subscribe(INVALIDATION_CHANNEL).catch(() => undefined);
  });
  return {
    publish: async (message) => {
      await publisher.publish(INVALIDATION_CHANNEL, JSON.stringify(message));
    },
    close: async () => {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

async function postgresTransport(url: string, target: InvalidationTarget, selfId: string): Promise<Transport> {
  const listener = new pg.Client({ connectionString: url });
  listener.on("notification", (notification) => {
    if (notification.channel === INVALIDATION_CHANNEL && notification.payload)
      receive(target, selfId, notification.payload);
  });
  listener.on("error", (error) => {
    log.warn("key_cache.listener_lost", { message: error.message });
    target.clear();
  });
  await listener.connect();
  await listener.query(`LISTEN ${INVALIDATION_CHANNEL}`);
  const notifier = new pg.Pool({ connectionString: url, max: 1 });
  return {
    publish: async (message) => {
      await notifier.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, JSON.stringify(message)]);
    },
    close: async () => {
      await listener.end();
      await notifier.end();
    },
  };
}

/**
 * Keeps every process's key cache honest: each change is applied locally at once and broadcast to the others
 * through Redis pub/sub (when REDIS_URL is set) or PostgreSQL LISTEN/NOTIFY (when the database is PostgreSQL).
 * With neither, the app is one process and the local invalidation is all there is.
 */
export class InvalidationBus {
  private transport: Promise<Transport | null> | null = null;
  /** Marks this bus's own messages (one bus per process) so it does not re-handle them. */
  private readonly id = randomBytes(8).toString("hex");

  constructor(
    private readonly target: InvalidationTarget,
    private readonly env: { redisUrl?: string; databaseUrl?: string } = {
      redisUrl: config.REDIS_URL,
      databaseUrl: config.DATABASE_URL,
    },
  ) {}

  /** Starts listening for other processes' invalidations (idempotent). */
  start(): Promise<Transport | null> {
    this.transport ??= this.connect().catch((error: Error) => {
      log.warn("key_cache.invalidation_transport_failed", { message: error.message });
      return null;
    });
    return this.transport;
  }

  async publish(what: Invalidation): Promise<void> {
    this.target.invalidate(what);
    const transport = await this.start();
    await transport?.publish({ ...what, origin: this.id }).then(
      () => invalidationsSent.inc(),
      (error: Error) => log.warn("key_cache.invalidation_not_sent", { message: error.message }),
    );
  }

  async close(): Promise<void> {
    const transport = await this.transport;
    this.transport = null;
    await transport?.close();
  }

  private async connect(): Promise<Transport | null> {
    if (this.env.redisUrl) return redisTransport(this.env.redisUrl, this.target, this.id);
    if (this.env.databaseUrl && engineOf(this.env.databaseUrl) === "postgresql") {
      return postgresTransport(this.env.databaseUrl, this.target, this.id);
    }
    return null;
  }
}
