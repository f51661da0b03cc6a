import type { Metadata } from "next";
import { QueryBoundary } from "@/components/dashboard/query-provider";
import { Members } from "@/components/settings/members";

export const metadata: Metadata = { title: "Members · Merchant Console" };

export default function MembersPage() {
  return (
    <QueryBoundary>
      <Members />
    </QueryBoundary>
  );
}
