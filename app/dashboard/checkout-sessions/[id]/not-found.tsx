import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function CheckoutSessionNotFound() {
  return (
    <EmptyState title="No such checkout session in this merchant">
      <Link href="/dashboard/checkout-sessions" className="underline">
        Back to checkout sessions
      </Link>
    </EmptyState>
  );
}
