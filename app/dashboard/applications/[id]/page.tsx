import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ApplicationDetail } from "@/components/applications/application-detail";
import { keyFilters, searchParamsFilter } from "@/components/api-keys/key-filters";
import { ApiKeyPanel } from "@/components/api-keys/api-key-panel";
import { readKeys } from "@/components/api-keys/read-keys";
import { UsageChart } from "@/components/usage/usage-chart";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { ApiError } from "@/lib/http/errors";
import { serializeApplication } from "@/lib/applications";
import { findApplication } from "@/lib/keys/lifecycle";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { db } from "@/lib/db";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "Application · Merchant Console" };

/** Reads the application through lib/ (404 for another merchant's), then hands it to react-query as initial data. */
async function loadApplication(merchantId: string, id: string) {
  try {
    return serializeApplication(await findApplication(db, merchantId, id));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const application = await loadApplication(session.merchant.id, (await params).id);
  // Its first page of keys is in the first HTML, as on the API keys page.
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const search = await searchParams;
  const keyParams = searchParamsFilter(search);
  const { page, applications } = await readKeys(session.merchant.id, keyFilters(mode, keyParams, application.id));
  const keys = (
    <ApiKeyPanel
      page={page}
      params={keyParams}
      applications={applications}
      application={application}
      mode={mode}
      canManage={session.canManage}
    />
  );
  // A server component, handed to the client detail as a slot: its totals and table are HTML, its chart loads later.
  const usage = (
    <UsageChart
      merchantId={session.merchant.id}
      mode={mode}
      path={`/dashboard/applications/${application.id}`}
      search={search}
      applicationId={application.id}
      title="Usage of this application's keys"
    />
  );
  return (
    <QueryBoundary>
      <ApplicationDetail initialApplication={application} keys={keys} usage={usage} />
    </QueryBoundary>
  );
}
