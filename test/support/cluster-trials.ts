import type { Scope } from "@/lib/contract/scopes";
import { call, type merchantConsole } from "./cluster-api";

export type ChangeKind = "revoke" | "roll now" | "disable application" | "change scopes" | "end grace";

type Console = Awaited<ReturnType<typeof merchantConsole>>;

interface Trial {
  /** What B is asked, with the key's secret. */
  probe: string;
  change(): Promise<void>;
}

/** Makes a key on `from` (in an application of its own when the change disables one) and says how to change it. */
async function prepare(
  merchant: Console,
  from: string,
  kind: ChangeKind,
  applicationId: string,
): Promise<Trial & { secret: string }> {
  const appId = kind === "disable application" ? await merchant.createApplication(from) : applicationId;
  const scopes: Scope[] = ["links:read", "customers:read"];
  const key = await merchant.createKey(from, appId, scopes);
  const keyPath = `/api/v1/applications/${appId}/api-keys/${key.id}`;
  // The old secret of a roll in its grace period: it works until the grace period is ended.
  if (kind === "end grace") await merchant.manage(from, "POST", `${keyPath}/roll`, { gracePeriod: "1h" });
  const changes: Record<ChangeKind, () => Promise<unknown>> = {
    revoke: () => merchant.manage(from, "DELETE", keyPath),
    "roll now": () => merchant.manage(from, "POST", `${keyPath}/roll`, { gracePeriod: "now" }),
    "disable application": () =>
      merchant.manage(from, "PATCH", `/api/v1/applications/${appId}/status`, { isEnabled: false }),
    "change scopes": () => merchant.manage(from, "PATCH", keyPath, { scopes: ["customers:read"] }),
    "end grace": () => merchant.manage(from, "POST", `${keyPath}/end-grace`),
  };
  return {
    secret: key.secret,
    probe: "/api/v1/payment_links?limit=1",
    change: async () => void (await changes[kind]()),
  };
}

export interface TrialResults {
  /** Trials in which B admitted the key after A had answered the change: must be none. */
  admittedAfterChange: number[];
  /** Trials in which the key, just made on A, was refused by B before the change: must be none. */
  newKeyRefused: number[];
  /** Milliseconds from sending the change to A until B's refusal arrived, one per trial that B refused. */
  refusals: number[];
}

/**
 * `trials` times: a fresh key made through `from` is used on `to` (it must work at once) and on `from`, so both cache
 * it; then the change is made through `from`, and as soon as `from` has answered, `to` is asked again.
 */
export async function propagationTrials(
  merchant: Console,
  { from, to, kind, trials }: { from: string; to: string; kind: ChangeKind; trials: number },
): Promise<TrialResults> {
  const applicationId = await merchant.createApplication(from);
  const results: TrialResults = { admittedAfterChange: [], newKeyRefused: [], refusals: [] };
  for (let trial = 0; trial < trials; trial += 1) {
    const { secret, probe, change } = await prepare(merchant, from, kind, applicationId);
    const before = await call(to, "GET", probe, { token: secret });
    await call(from, "GET", probe, { token: secret });
    if (before.status !== 200) results.newKeyRefused.push(trial);
    const started = performance.now();
    await change();
    const after = await call(to, "GET", probe, { token: secret });
    if (after.status < 400) results.admittedAfterChange.push(trial);
    else results.refusals.push(performance.now() - started);
  }
  return results;
}

/** The p-th percentile (0-100) of some milliseconds, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
