import type { Metadata } from "next";
import { QueryBoundary } from "@/components/dashboard/query-provider";
import { ApplicationList } from "@/components/applications/application-list";

export const metadata: Metadata = { title: "Applications · Merchant Console" };

export default function ApplicationsPage() {
  return (
    <QueryBoundary>
      <section className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Applications</h1>
          <p className="text-slate-600">
            Each backend or integration gets its own application and API keys. Disabling an application blocks all of
            its keys.
          </p>
        </div>
        <ApplicationList />
      </section>
    </QueryBoundary>
  );
}
