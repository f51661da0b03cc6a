import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Redis } from "ioredis";
import { config } from "../config";
import { engineOf } from "../db/engines";
import { log } from "../log";
import { invalidationConfirmSeconds, invalidationsReceived, invalidationsSent } from "../metrics";
import { connectRedis } from "../redis";
import type { Invalidation } from "../context";

/** The PostgreSQL channel (one per database); the Redis channels carry REDIS_PREFIX. */
export const INVALIDATION_CHANNEL = "merchant_console_key_invalidation";

/** What the bus keeps current in each process: the key cache and the known key hashes. */
export interface InvalidationTarget {
  invalidate(what: Invalidation): void;
  /** Messages may have been missed: forget (or rebuild) everything. */
  clear(): void;
  /** The channel is down (true) or back (false): while it is down, what is cached may go stale unnoticed. */
  degrade?(down: boolean): void;
}

/** One target that passes every message to each of these. */
export function allOf(...targets: readonly InvalidationTarget[]): InvalidationTarget {
  return {
    invalidate: (what) => targets.forEach((target) => target.invalidate(what)),
    clear: () => targets.forEach((target) => target.clear()),
    degrade: (down) => targets.forEach((target) => target.degrade?.(down)),
  };
}

interface Message extends Invalidation {
  origin: string; // the publishing process, which has already invalidated its own cache
  id?: string; // set when the publisher waits for the others to confirm (Redis)
}

interface Transport {
  publish(message: Message): Promise<void>;
  close(): Promise<void>;
}

function validInvalidation(value: unknown): value is Message {
  if (typeof value !== "object" || value === null) return false;
  const fields = ["keyId", "hash", "applicationId", "merchantId", "origin", "id"] as const;
  return fields.every((field) => {
    const v = (value as Record<string, unknown>)[field];
    return v === undefined || typeof v === "string";
  });
}

/** Applies another process's message (this process has applied its own); returns the message, or null if malformed. */
function receive(target: InvalidationTarget, selfId: string, payload: string): Message | null {
  try {
    const message: unknown = JSON.parse(payload);
    if (!validInvalidation(message)) return null;
    if (message.origin !== selfId) {
      invalidationsReceived.inc();
      target.invalidate(message);
    }
    return message;
  } catch {
    log.warn("key_cache.bad_invalidation_message");
    return null;
  }
}

/**
 * Redis pub/sub, confirmed: every receiver answers on an ack channel once it has dropped what the message names, and
 * the publisher waits for as many answers as PUBLISH reported receivers (up to INVALIDATION_ACK_TIMEOUT_MS). So when
 * the change's response reaches the client, every other process already refuses the key: a request sent after it can
 * never be admitted anywhere. A process that does not answer in time is either gone or degraded (short cache TTL).
 */
async function redisTransport(url: string, target: InvalidationTarget, selfId: string): Promise<Transport> {
  const channel = `${config.REDIS_PREFIX}key_invalidation`;
  const ackChannel = `${channel}_ack`;
  const publisher: Redis = connectRedis(url, "invalidation-publisher");
  const subscriber: Redis = connectRedis(url, "invalidation-subscriber");
  target.degrade?.(true); // until the first subscription: nothing sent before it can have been heard
  const waiting = new Map<string, { acks: number; expected: number; done: () => void }>();
  let subscribed = false;
  let down = false;
  let closing = false;
  subscriber.on("message", (from: string, payload: string) => {
    if (from === ackChannel) {
      const entry = waiting.get(payload);
      if (entry && ++entry.acks >= entry.expected) entry.done();
      return;
    }
    // Every subscriber answers, this process's own too: PUBLISH counts it among the receivers.
    const message = receive(target, selfId, payload);
    if (message?.id) publisher.publish(ackChannel, message.id).catch(() => undefined);
  });
  // Messages missed while disconnected are unknowable: drop everything cached once subscribed again.
  subscriber.on("ready", () => {
    subscriber.subscribe(channel, ackChannel).then(
      () => {
        if (subscribed) return;
        if (down) log.info("key_cache.invalidation_channel_back", { transport: "redis" });
        subscribed = true;
        down = false;
        target.clear();
        target.degrade?.(false);
      },
      () => undefined,
    );
  });
  subscriber.on("close", () => {
    if (!subscribed || closing) return;
    subscribed = false;
    down = true;
    log.warn("key_cache.invalidation_channel_down", {
      transport: "redis",
      degradedTtlMs: config.KEY_CACHE_DEGRADED_TTL_MS,
    });
    target.degrade?.(true);
  });
  return {
    publish: async (message) => {
      const id = randomBytes(8).toString("hex");
      const started = performance.now();
      const confirmed = new Promise<void>((resolve) => {
        let settled = false;
        const settle = (outcome: keyof typeof invalidationConfirmSeconds) => {
          if (settled) return; // an answer beyond the count PUBLISH reported (a process subscribed meanwhile)
          settled = true;
          clearTimeout(timer);
          invalidationConfirmSeconds[outcome].observe((performance.now() - started) / 1000);
          resolve();
        };
        const timer = setTimeout(() => settle("timed_out"), config.INVALIDATION_ACK_TIMEOUT_MS);
        waiting.set(id, { acks: 0, expected: Infinity, done: () => settle("confirmed") });
      });
      try {
        const entry = waiting.get(id)!;
        entry.expected = await publisher.publish(channel, JSON.stringify({ ...message, id }));
        if (entry.acks >= entry.expected) entry.done();
        await confirmed;
      } finally {
        waiting.delete(id);
      }
    },
    close: async () => {
      closing = true;
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/**
 * PostgreSQL LISTEN/NOTIFY (when there is no Redis): unconfirmed, and the listener reconnects with a backoff after
 * losing its connection, clearing the cache once it listens again.
 */
async function postgresTransport(url: string, target: InvalidationTarget, selfId: string): Promise<Transport> {
  let listener: pg.Client | null = null;
  let closing = false;
  let retry: NodeJS.Timeout | null = null;
  const listen = async (attempt: number): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on("notification", (notification) => {
      if (notification.channel === INVALIDATION_CHANNEL && notification.payload)
        receive(target, selfId, notification.payload);
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch {
      await client.end().catch(() => undefined);
      if (!closing) retry = setTimeout(() => void listen(attempt + 1), Math.min((attempt + 1) * 500, 5000)).unref();
      return;
    }
    if (closing) return void client.end();
    listener = client;
    target.clear();
    target.degrade?.(false);
    if (attempt > 0) log.info("key_cache.invalidation_channel_back", { transport: "postgresql" });
    client.once("end", () => {
      if (closing) return;
      listener = null;
      log.warn("key_cache.invalidation_channel_down", {
        transport: "postgresql",
        degradedTtlMs: config.KEY_CACHE_DEGRADED_TTL_MS,
      });
      target.degrade?.(true);
      void listen(1);
    });
  };
  target.degrade?.(true); // until the first LISTEN
  await listen(0);
  const notifier = new pg.Pool({ connectionString: url, max: 1 });
  notifier.on("error", () => undefined);
  return {
    publish: async (message) => {
      await notifier.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, JSON.stringify(message)]);
    },
    close: async () => {
      closing = true;
      if (retry) clearTimeout(retry);
      await listener?.end();
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
