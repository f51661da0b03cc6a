import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { KeyDetail } from "@/components/api-keys/detail/key-detail";
import { prefetchKeyDetail } from "@/components/api-keys/detail/prefetch-key-detail";
import { UsageChart } from "@/components/usage/usage-chart";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { QueryBoundary } from "@/components/dashboard/query-provider";

export const metadata: Metadata = { title: "API key · Merchant Console" };

/** The key and its sections are read here and hydrated; another merchant's key (or an unknown id) is the 404 page. */
export default async function ApiKeyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const loaded = await prefetchKeyDetail(session.merchant.id, (await params).id);
  if (!loaded) notFound();
  const { key } = loaded;
  // A server component, handed to the client detail as a slot, as on an application's page; in the key's own mode.
  const usage = (
    <UsageChart
      merchantId={session.merchant.id}
      mode={key.mode}
      path={`/dashboard/api-keys/${key.id}`}
      search={await searchParams}
      apiKeyId={key.id}
      title="Usage of this key"
    />
  );
  return (
    <QueryBoundary state={loaded.state}>
      <KeyDetail keyId={key.id} usage={usage} />
    </QueryBoundary>
  );
}
