import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function PaymentLinkNotFound() {
  return (
    <EmptyState title="No such payment link in this merchant">
      <Link href="/dashboard/payment-links" className="underline">
        Back to payment links
      </Link>
    </EmptyState>
  );
}
