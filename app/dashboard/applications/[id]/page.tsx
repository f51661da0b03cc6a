import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ApplicationDetail } from "@/components/applications/application-detail";
import { ApiError } from "@/lib/http/errors";
import { serializeApplication } from "@/lib/applications";
import { findApplication } from "@/lib/keys/lifecycle";
import { getDashboardSession } from "@/lib/accounts/dashboard";
import { db } from "@/lib/db";

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

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await getDashboardSession();
  if (!session) redirect("/");
  const application = await loadApplication(session.merchant.id, (await params).id);
  return <ApplicationDetail initialApplication={application} />;
}
