import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { KeyDetail } from "@/components/api-keys/detail/key-detail";
import { prefetchKeyDetail } from "@/components/api-keys/detail/prefetch-key-detail";
import { getDashboardSession } from "@/lib/accounts/dashboard";

export const metadata: Metadata = { title: "API key · Merchant Console" };

/** The key and its sections are read here and hydrated; another merchant's key (or an unknown id) is the 404 page. */
export default async function ApiKeyPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const loaded = await prefetchKeyDetail(session.merchant.id, (await params).id);
  if (!loaded) notFound();
  return (
    <HydrationBoundary state={loaded.state}>
      <KeyDetail keyId={loaded.key.id} />
    </HydrationBoundary>
  );
}
