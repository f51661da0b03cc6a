import Link from "next/link";
import type { ReactNode } from "react";
import type { ApiKeyDetail } from "@/lib/contract";
import { formatDateTime } from "../../format";
import { KeyStatus } from "../key-status";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

/** Everything the key is, in a grid: one column on a phone. */
export function KeyFacts({ apiKey }: { apiKey: ApiKeyDetail }) {
  const { createdBy, lastUse, rolledFrom, rolledTo } = apiKey;
  return (
    <dl className="grid grid-cols-1 gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Application">
        {apiKey.application ? (
          <Link className="underline" href={`/dashboard/applications/${apiKey.application.id}`}>
            {apiKey.application.name}
          </Link>
        ) : (
          none
        )}
      </Fact>
      <Fact label="Mode">{apiKey.mode === "live" ? "Live" : "Test"}</Fact>
      <Fact label="Prefix">
        <span className="font-mono">{apiKey.prefix}…</span>
      </Fact>
      <Fact label="Status">
        <KeyStatus apiKey={apiKey} />
      </Fact>
      <Fact label="Scopes">{apiKey.scopes.length ? apiKey.scopes.join(", ") : "None"}</Fact>
      <Fact label="Rate limit">{apiKey.rateLimit ? `${apiKey.rateLimit} requests a minute` : "The default"}</Fact>
      <Fact label="IP allowlist">{apiKey.ipAllowlist?.join(", ") ?? "Any IP"}</Fact>
      <Fact label="Expires">{apiKey.expiresAt ? formatDateTime(apiKey.expiresAt) : "Never"}</Fact>
      <Fact label="Created">
        {formatDateTime(apiKey.createdAt)}
        {createdBy && <span className="block text-xs text-slate-600">by {createdBy.name ?? createdBy.email}</span>}
      </Fact>
      <Fact label="Last used">
        {lastUse ? (
          <>
            {formatDateTime(lastUse.at)}
            <span className="block text-xs text-slate-600">
              {lastUse.ip ?? "unknown IP"} · {lastUse.userAgent ?? "no user agent"}
            </span>
          </>
        ) : (
          "Never"
        )}
      </Fact>
      {rolledFrom && (
        <Fact label="Replaced">
          <Link className="underline" href={`/dashboard/api-keys/${rolledFrom.id}`}>
            {rolledFrom.name} <span className="font-mono text-xs">({rolledFrom.prefix}…)</span>
          </Link>
        </Fact>
      )}
      {rolledTo && (
        <Fact label="Replaced by">
          <Link className="underline" href={`/dashboard/api-keys/${rolledTo.id}`}>
            {rolledTo.name} <span className="font-mono text-xs">({rolledTo.prefix}…)</span>
          </Link>
        </Fact>
      )}
    </dl>
  );
}
