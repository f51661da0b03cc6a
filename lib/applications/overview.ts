import type { Context } from "../context";
import type { KeyMode } from "../contract/api-keys";
import { activeKeyWhere } from "../keys/lifecycle";

/** What the dashboard's home shows: the merchant's counts, and how far it is through getting started. */
export interface MerchantOverview {
  applications: number;
  /** Every key the merchant ever made, in any mode or state: "create a key" is done once one exists. */
  keys: number;
  activeKeysInMode: number;
  /** When one of its keys last answered a request (written in batches, a few seconds after the request). */
  lastRequestAt: string | null;
}

export async function merchantOverview(
  { db, now }: Context,
  { merchantId, mode }: { merchantId: string; mode: KeyMode },
): Promise<MerchantOverview> {
  const [applications, keys, activeKeysInMode, lastUsed] = await Promise.all([
    db.application.count({ where: { merchantId } }),
    db.apiKey.count({ where: { merchantId } }),
    db.apiKey.count({ where: { merchantId, mode, ...activeKeyWhere(now()) } }),
    db.apiKey.findFirst({
      where: { merchantId, lastUsedAt: { not: null } },
      orderBy: { lastUsedAt: "desc" },
      select: { lastUsedAt: true },
    }),
  ]);
  return { applications, keys, activeKeysInMode, lastRequestAt: lastUsed?.lastUsedAt?.toISOString() ?? null };
}
