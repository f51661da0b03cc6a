"use client";

import { useState } from "react";
import type { OldSecretCallers } from "@/lib/contract";
import { formatDateTime } from "../../format";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { FormError } from "../../ui/form-error";
import { Table, Td } from "../../ui/table";
import { useEndGrace, useExtendGrace, useOldSecretCallers } from "./use-key-detail";

function timeLeft(until: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(until) - Date.now()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days ${hours % 24} h`;
}

function CallerTable({ items }: { items: OldSecretCallers["items"] }) {
  if (items.length === 0) {
    return <p className="text-sm text-slate-600">Nobody has called with the old secret since the roll.</p>;
  }
  return (
    <Table caption="Callers still sending the old secret" columns={["IP", "User agent", "Last seen", "Requests"]}>
      {items.map((caller) => (
        <tr key={`${caller.ip}|${caller.userAgent}`} data-testid="old-secret-caller">
          <Td label="IP" className="font-mono text-xs">
            {caller.ip ?? "unknown"}
          </Td>
          <Td label="User agent" className="text-xs break-all">
            {caller.userAgent ?? "none"}
          </Td>
          <Td label="Last seen" className="whitespace-nowrap">
            {formatDateTime(caller.lastSeenAt)}
          </Td>
          <Td label="Requests">{caller.requestCount}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** During a roll's grace period: who still sends the old secret, the time left, and the two ways to change it. */
export function OldSecretCallersSection({
  keyId,
  applicationId,
  canManage,
}: {
  keyId: string;
  applicationId: string | null;
  canManage: boolean;
}) {
  const callers = useOldSecretCallers(keyId);
  const endGrace = useEndGrace();
  const extendGrace = useExtendGrace();
  const [confirming, setConfirming] = useState(false);
  const data = callers.data;
  if (!data?.rolledKeyId || !data.graceEndsAt) return null;
  const target = applicationId ? { id: data.rolledKeyId, applicationId } : null;
  const extended = data.graceExtendedAt !== null;
  return (
    <section aria-labelledby="callers-heading" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 id="callers-heading" className="text-lg font-semibold">
        Who still uses the old secret
      </h2>
      <p className="text-sm text-slate-700">
        The old secret works for {timeLeft(data.graceEndsAt)} more (until {formatDateTime(data.graceEndsAt)}).
        {extended && " Its grace period was already extended once."}
      </p>
      <CallerTable items={data.items} />
      {canManage && target && (
        <div className="flex flex-wrap gap-2">
          <Button
            onClick={() => extendGrace.mutate(target)}
            disabled={extended || extendGrace.isPending}
            title={extended ? "A grace period can be extended once" : undefined}
          >
            Extend by 24 h
          </Button>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            End grace now
          </Button>
        </div>
      )}
      <FormError error={extendGrace.error} />
      {target && (
        <ConfirmDialog
          open={confirming}
          title="End the grace period now?"
          description="The old secret stops working at once: every caller listed here gets 401 on its next request."
          confirmLabel="End grace now"
          destructive
          action={endGrace}
          onConfirm={(done) => endGrace.mutate(target, { onSuccess: done })}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
