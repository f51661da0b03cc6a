"use client";

import { useState, type FormEvent } from "react";
import type { MerchantKey, RolledKey } from "@/lib/contract";
import { FormActions } from "../ui/form-actions";
import { Dialog } from "../ui/dialog";
import { RadioGroup } from "../ui/radio-group";
import { useRollKey, type ApplicationKeyRef, type GracePeriod } from "./use-api-keys";

const GRACE_OPTIONS: { value: GracePeriod; label: string; hint: string }[] = [
  { value: "now", label: "Now", hint: "The old key stops at once (it leaked)" },
  { value: "1h", label: "1 hour", hint: "Old key works 1 more hour" },
  { value: "24h", label: "24 hours", hint: "Old key works 1 more day" },
  { value: "7d", label: "7 days", hint: "Old key works 1 more week" },
];

type RollableKey = Pick<MerchantKey, "name" | "prefix"> & ApplicationKeyRef;

export function RollKeyDialog({
  apiKey,
  onClose,
  onRolled,
}: {
  apiKey: RollableKey | null;
  onClose: () => void;
  onRolled: (rolled: RolledKey) => void;
}) {
  return (
    <Dialog
      open={apiKey !== null}
      onClose={onClose}
      title={apiKey ? `Roll ${apiKey.name}?` : "Roll key"}
      description={
        apiKey && (
          <>
            A new secret replaces <code className="font-mono">{apiKey.prefix}…</code> with the same name, scopes and
            limits. The old secret keeps working for the grace period you choose, then gets 401 expired_api_key: deploy
            the new one before it ends.
          </>
        )
      }
    >
      {apiKey && <RollKeyForm apiKey={apiKey} onCancel={onClose} onRolled={onRolled} />}
    </Dialog>
  );
}

function RollKeyForm({
  apiKey,
  onCancel,
  onRolled,
}: {
  apiKey: RollableKey;
  onCancel: () => void;
  onRolled: (rolled: RolledKey) => void;
}) {
  const [gracePeriod, setGracePeriod] = useState<GracePeriod>("24h");
  const roll = useRollKey();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    roll.mutate({ key: apiKey, gracePeriod }, { onSuccess: onRolled });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <RadioGroup
        legend="Grace period"
        name="gracePeriod"
        value={gracePeriod}
        options={GRACE_OPTIONS}
        onChange={setGracePeriod}
      />
      <FormActions action={roll} error={roll.error} labels={["Roll key", "Rolling…"]} onCancel={onCancel} />
    </form>
  );
}
