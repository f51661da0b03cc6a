import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function CustomerNotFound() {
  return (
    <EmptyState title="No such customer in this merchant">
      <Link href="/dashboard/customers" className="underline">
        Back to customers
      </Link>
    </EmptyState>
  );
}
