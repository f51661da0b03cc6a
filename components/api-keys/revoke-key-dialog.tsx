"use client";

import type { MerchantKey } from "@/lib/contract";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useRevokeKey, type ApplicationKeyRef } from "./use-api-keys";

type RevocableKey = Pick<MerchantKey, "name" | "prefix"> & ApplicationKeyRef;

export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: RevocableKey | null; onClose: () => void }) {
  const revoke = useRevokeKey();

  return (
    <ConfirmDialog
      open={apiKey !== null}
      title={apiKey ? `Revoke ${apiKey.name}?` : "Revoke key"}
      description={
        apiKey && (
          <>
            Every request with <code className="font-mono">{apiKey.prefix}…</code> gets 401 revoked_api_key from now on,
            in every server. This cannot be undone.
          </>
        )
      }
      confirmLabel="Revoke key"
      destructive
      action={revoke}
      onClose={onClose}
      onConfirm={(done) => apiKey && revoke.mutate(apiKey, { onSuccess: done })}
    />
  );
}
