"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import type { CheckoutSession } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { CopyField } from "../ui/copy-field";
import { FormError } from "../ui/form-error";
import { formatUnix, ModeBadge, ObjectId, SessionStatusBadge } from "./display";
import { formatAmount } from "./money";
import { DetailCard, DetailState, FieldList, MetadataAndEvents } from "./object-detail";
import { useCheckoutSession, useCompleteCheckoutSession, useExpireCheckoutSession } from "./use-payments";

const idLink = (href: string, id: string | null) =>
  id ? (
    <Link href={href} className="font-mono text-xs break-all underline-offset-2 hover:underline">
      {id}
    </Link>
  ) : (
    "None"
  );

function sessionFields(data: CheckoutSession): [string, ReactNode][] {
  return [
    ["ID", <ObjectId key="id" id={data.id} />],
    ["Amount", `${formatAmount(data.amount, data.currency)} (${data.amount} in minor units)`],
    ["Payment", data.payment_status],
    ["Customer", idLink(`/dashboard/customers/${data.customer}`, data.customer)],
    ["Payment link", idLink(`/dashboard/payment-links/${data.payment_link}`, data.payment_link)],
    [
      "Success URL",
      <span key="s" className="break-all">
        {data.success_url}
      </span>,
    ],
    ["Cancel URL", data.cancel_url ? <span className="break-all">{data.cancel_url}</span> : "None"],
    ["Created", formatUnix(data.created)],
    [data.status === "open" ? "Expires" : "Expiry", formatUnix(data.expires_at)],
    ["Completed", formatUnix(data.completed_at, "Not completed")],
  ];
}

/** Expire (any open session) and Complete (open test sessions: what a buyer's payment would do). */
function SessionActions({ data }: { data: CheckoutSession }) {
  const expire = useExpireCheckoutSession();
  const complete = useCompleteCheckoutSession();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="ml-auto flex flex-wrap gap-2">
      {!data.livemode && (
        <Button variant="primary" disabled={complete.isPending} onClick={() => complete.mutate(data.id)}>
          {complete.isPending ? "Completing…" : "Complete (test)"}
        </Button>
      )}
      <Button variant="dangerGhost" onClick={() => setConfirming(true)}>
        Expire
      </Button>
      <div className="basis-full">
        <FormError error={complete.error} />
      </div>
      <ConfirmDialog
        open={confirming}
        title="Expire this checkout session?"
        description="Its buyer can no longer pay through it, and checkout.session.expired is sent to your webhooks."
        confirmLabel="Expire session"
        destructive
        action={expire}
        onConfirm={(done) => expire.mutate(data.id, { onSuccess: done })}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}

export function CheckoutSessionDetail({ id }: { id: string }) {
  const { canManage } = useDashboard();
  const session = useCheckoutSession(id);
  if (!session.data) return <DetailState query={session} />;
  const { data } = session;
  return (
    <div className="space-y-4">
      <DetailCard title="Details">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <p className="text-xl font-semibold">{formatAmount(data.amount, data.currency)}</p>
          <SessionStatusBadge session={data} />
          <ModeBadge livemode={data.livemode} />
          {canManage && data.status === "open" && <SessionActions data={data} />}
        </div>
        <div className="mb-4">
          <CopyField label="Checkout URL (send the buyer here)" value={data.url} />
        </div>
        <FieldList fields={sessionFields(data)} />
      </DetailCard>
      <MetadataAndEvents objectId={data.id} metadata={data.metadata} />
    </div>
  );
}
