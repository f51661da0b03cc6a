import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function ApplicationNotFound() {
  return (
    <EmptyState title="No such application in this merchant">
      <Link href="/dashboard/applications" className="underline">
        Back to applications
      </Link>
    </EmptyState>
  );
}
