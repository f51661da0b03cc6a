"use client";

import { useState } from "react";
import type { Application } from "@/lib/contract";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useSetApplicationEnabled } from "./use-application-changes";

/** Enable / disable with a confirmation that says what disabling does to the application's keys. */
export function ApplicationStatusButton({
  application,
}: {
  application: Pick<Application, "id" | "name" | "isEnabled">;
}) {
  const [confirming, setConfirming] = useState(false);
  const setEnabled = useSetApplicationEnabled();
  const disabling = application.isEnabled;
  const verb = disabling ? "Disable" : "Enable";

  return (
    <>
      <Button
        size="sm"
        variant={disabling ? "secondary" : "primary"}
        aria-label={`${verb} ${application.name}`}
        onClick={() => setConfirming(true)}
      >
        {verb}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`${verb} ${application.name}?`}
        description={
          disabling
            ? "Disabling blocks all of its API keys at once: every request made with them gets 401 application_disabled until you enable the application again. The keys are not revoked."
            : "Its active API keys work again immediately."
        }
        confirmLabel={`${verb} application`}
        destructive={disabling}
        action={setEnabled}
        onClose={() => setConfirming(false)}
        onConfirm={(done) => setEnabled.mutate({ id: application.id, isEnabled: !disabling }, { onSuccess: done })}
      />
    </>
  );
}
