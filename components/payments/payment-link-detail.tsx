"use client";

import { useState } from "react";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatUnix, LinkStatusBadge, ModeBadge, ObjectId } from "./display";
import { formatAmount } from "./money";
import { DetailCard, DetailState, FieldList, MetadataAndEvents } from "./object-detail";
import { useArchivePaymentLink, usePaymentLink } from "./use-payments";

export function PaymentLinkDetail({ id }: { id: string }) {
  const { canManage } = useDashboard();
  const link = usePaymentLink(id);
  const archive = useArchivePaymentLink();
  const [confirming, setConfirming] = useState(false);
  if (!link.data) return <DetailState query={link} />;
  const { data } = link;
  const price = formatAmount(data.amount, data.currency);
  return (
    <div className="space-y-4">
      <DetailCard title="Details">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <p className="text-xl font-semibold">{price}</p>
          <LinkStatusBadge link={data} />
          <ModeBadge livemode={data.livemode} />
          {canManage && data.active && (
            <Button className="ml-auto" variant="dangerGhost" onClick={() => setConfirming(true)}>
              Archive
            </Button>
          )}
        </div>
        <FieldList
          fields={[
            ["ID", <ObjectId key="id" id={data.id} />],
            ["Amount", `${price} (${data.amount} in minor units)`],
            ["Currency", data.currency.toUpperCase()],
            ["Description", data.description ?? "None"],
            ["Status", data.active ? "Active: new checkout sessions can use it" : "Archived: no new checkout sessions"],
            ["Created", formatUnix(data.created)],
          ]}
        />
      </DetailCard>
      <MetadataAndEvents objectId={data.id} metadata={data.metadata} />
      <ConfirmDialog
        open={confirming}
        title={`Archive the ${price} link?`}
        description="Checkout sessions can no longer be created from it; sessions already open keep working. Archiving cannot be undone."
        confirmLabel="Archive link"
        destructive
        action={archive}
        onConfirm={(done) => archive.mutate(data.id, { onSuccess: done })}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
