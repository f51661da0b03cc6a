import type { Metadata } from "next";
import { QueryBoundary } from "@/components/dashboard/query-provider";
import { ManagementTokens } from "@/components/settings/management-tokens";

export const metadata: Metadata = { title: "Management tokens · Merchant Console" };

export default function ManagementTokensPage() {
  return (
    <QueryBoundary>
      <div className="space-y-4">
        <p className="text-slate-600">
          A management token lets a script or CI job call the management API (applications, keys) as you, on this
          merchant, for a limited time. It is shown once.
        </p>
        <ManagementTokens />
      </div>
    </QueryBoundary>
  );
}
