import Link from "next/link";
import { EmptyState } from "@/components/ui/states";

export default function WebhookEndpointNotFound() {
  return (
    <EmptyState title="No such webhook endpoint in this merchant">
      <Link href="/dashboard/webhooks" className="underline">
        Back to webhooks
      </Link>
    </EmptyState>
  );
}
