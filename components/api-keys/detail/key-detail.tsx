"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useDashboard } from "../../dashboard/dashboard-context";
import { ErrorState, LoadingState } from "../../ui/states";
import { KeyName } from "../key-name";
import { KeyAuditTrail, RecentRequests } from "./key-activity";
import { KeyFacts } from "./key-facts";
import { OldSecretCallersSection } from "./old-secret-callers";
import { UnusedScopes } from "./unused-scopes";
import { useKeyDetail } from "./use-key-detail";

/**
 * `/dashboard/api-keys/{id}`: the key, who still uses its old secret during a roll, its scopes, usage, requests and
 * trail. `usage` is the key's usage chart, a server component the page renders.
 */
export function KeyDetail({ keyId, usage }: { keyId: string; usage?: ReactNode }) {
  const { canManage } = useDashboard();
  const detail = useKeyDetail(keyId);
  if (detail.isPending) return <LoadingState label="Loading the key…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const apiKey = detail.data;
  const renamable =
    canManage && apiKey.applicationId && apiKey.status !== "revoked"
      ? { id: apiKey.id, applicationId: apiKey.applicationId }
      : undefined;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href="/dashboard/api-keys" className="text-sm text-slate-600 underline">
          ← API keys
        </Link>
        <h1 className="sr-only">API key {apiKey.name}</h1>
        <div className="text-2xl">
          <KeyName apiKey={apiKey} successor={null} renamable={renamable} />
        </div>
      </div>
      <KeyFacts apiKey={apiKey} />
      <OldSecretCallersSection keyId={apiKey.id} applicationId={apiKey.applicationId} canManage={canManage} />
      <UnusedScopes apiKey={apiKey} canManage={canManage} />
      {usage}
      <RecentRequests keyId={apiKey.id} />
      <KeyAuditTrail keyId={apiKey.id} />
    </div>
  );
}
