import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { APPLICATIONS_PER_PAGE, ApplicationList, applicationsHref } from "@/components/applications/application-list";
import { MODE_COOKIE, modeFromCookie } from "@/components/dashboard/preferences";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { listApplications } from "@/lib/applications";
import { applicationListQuerySchema } from "@/lib/contract/applications";
import { appContext } from "@/lib/keys/runtime";

export const metadata: Metadata = { title: "Applications · Merchant Console" };

/** `?page=N` as the API reads it; anything else (a typo, `0`) is the first page. */
function pageNumber(value: string | string[] | undefined) {
  const parsed = applicationListQuerySchema.shape.page.safeParse(value);
  return parsed.success ? parsed.data : 1;
}

/** The page of applications is read here, through the function the API route calls: the table is in the first HTML. */
export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const mode = modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
  const page = await listApplications(appContext, {
    merchantId: session.merchant.id,
    query: { include: "apiKeys", page: pageNumber((await searchParams).page), limit: APPLICATIONS_PER_PAGE },
  });
  // Past the end (the last application of the last page was deleted, an old link): the last page there is.
  if (page.page > page.totalPages && page.totalPages > 0) redirect(applicationsHref(page.totalPages));
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Applications</h1>
        <p className="text-slate-600">
          Each backend or integration gets its own application and API keys. Disabling an application blocks all of its
          keys.
        </p>
      </div>
      <ApplicationList page={page} mode={mode} canManage={session.canManage} />
    </section>
  );
}
