import { config } from "@/lib/config";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";
import { startNextServer, type NextServer } from "./next-server";

/**
 * Several production servers (server.mjs, as `npm start` runs them) on one PostgreSQL database and one Redis, each
 * reaching both through a fault proxy, so a test can stop either service for the instances while the test process
 * itself (fixtures, assertions) still reaches them directly. Used by the cluster suite (`npm run test:cluster`).
 */
export interface Cluster {
  instances: NextServer[];
  postgres: FaultProxy;
  redis: FaultProxy;
  /** Starts one more instance with the cluster's environment (plus `env`). */
  add(env?: Record<string, string>): Promise<NextServer>;
  close(): Promise<void>;
}

function hostPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

/**
 * `instances` servers on the test run's database (DATABASE_URL: the cluster suite's global setup made and migrated
 * it) and TEST_REDIS_URL, with their own REDIS_PREFIX (the one the test process uses too, set by the suite's setup).
 */
export async function startCluster(
  count: number,
  env: Record<string, string> = {},
  perInstance: (index: number) => Record<string, string> = () => ({}),
): Promise<Cluster> {
  const databaseUrl = process.env.DATABASE_URL!;
  const redisUrl = config.TEST_REDIS_URL!;
  const postgres = await startFaultProxy(hostPort(databaseUrl));
  const redis = await startFaultProxy(hostPort(redisUrl));
  const shared = {
    DATABASE_URL: postgres.through(databaseUrl),
    REDIS_URL: redis.through(redisUrl),
    REDIS_PREFIX: process.env.REDIS_PREFIX!,
    AUTH_SECRET: process.env.AUTH_SECRET!,
    LOG_LEVEL: "warn",
    ...env,
  };
  const instances: NextServer[] = [];
  const add = async (extra: Record<string, string> = {}) => {
    const server = await startNextServer({ ...shared, ...perInstance(instances.length), ...extra });
    instances.push(server);
    return server;
  };
  try {
    // One at a time: two Next.js servers starting together on two cores mostly wait for each other.
    for (let index = 0; index < count; index += 1) await add();
  } catch (error) {
    await Promise.allSettled(instances.map((instance) => instance.stop("SIGKILL")));
    throw error;
  }
  return {
    instances,
    postgres,
    redis,
    add,
    close: async () => {
      await Promise.allSettled(instances.map((instance) => instance.stop("SIGKILL")));
      await Promise.allSettled([postgres.close(), redis.close()]);
    },
  };
}
