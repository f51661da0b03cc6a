// The server half of a payments page: its first data, read through lib/ as the API would answer it, handed to
// react-query in the browser (HydrationBoundary) under the keys the client hooks use.
import { dehydrate, QueryClient, type QueryKey } from "@tanstack/react-query";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { ApiError } from "@/lib/http/errors";
import { MODE_COOKIE, modeFromCookie } from "../dashboard/preferences";

export async function prefetched(entries: { key: QueryKey; load: () => Promise<unknown> }[]) {
  const client = new QueryClient();
  // A failed load is left out: the browser then fetches it and shows the API's error (e.g. a bad filter).
  await Promise.all(entries.map(({ key, load }) => client.prefetchQuery({ queryKey: key, queryFn: load })));
  return dehydrate(client);
}

/** One object for a detail page; another merchant's (or no such) object is the page's not-found. */
export async function findOrNotFound<Item>(load: () => Promise<Item>): Promise<Item> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

/** Who is looking, at which merchant and in which mode: what every payments page reads first. */
export async function dashboardScope() {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  return { merchantId: session.merchant.id, mode: modeFromCookie((await cookies()).get(MODE_COOKIE)?.value) };
}
