"use client";

import { useState } from "react";
import { UNUSED_SCOPE_DAYS, type ApiKeyDetail } from "@/lib/contract";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { useSetScopes } from "./use-key-detail";

/** Least privilege: the scopes no request of the last 30 days needed, and one confirmed click to drop them. */
export function UnusedScopes({ apiKey, canManage }: { apiKey: ApiKeyDetail; canManage: boolean }) {
  const setScopes = useSetScopes();
  const [confirming, setConfirming] = useState(false);
  const unused = apiKey.unusedScopes;
  const target = apiKey.applicationId ? { id: apiKey.id, applicationId: apiKey.applicationId } : null;
  const changeable = canManage && target && apiKey.status !== "revoked";
  return (
    <section aria-labelledby="unused-scopes-heading" className="space-y-2">
      <h2 id="unused-scopes-heading" className="text-lg font-semibold">
        Unused scopes
      </h2>
      {unused.length === 0 ? (
        <p className="text-sm text-slate-600">
          Every scope of this key was needed by a request in the last {UNUSED_SCOPE_DAYS} days.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            No request in the last {UNUSED_SCOPE_DAYS} days needed{" "}
            <span data-testid="unused-scopes" className="font-mono">
              {unused.join(", ")}
            </span>
            .
          </p>
          {changeable && <Button onClick={() => setConfirming(true)}>Remove unused scopes</Button>}
        </>
      )}
      {target && (
        <ConfirmDialog
          open={confirming}
          title="Remove the unused scopes?"
          description={`The key loses ${unused.join(", ")} at once; a request that needs one gets 403.`}
          confirmLabel="Remove unused scopes"
          destructive
          action={setScopes}
          onConfirm={(done) =>
            setScopes.mutate(
              { key: target, scopes: apiKey.scopes.filter((scope) => !unused.includes(scope)), removed: unused },
              { onSuccess: done },
            )
          }
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
