"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormError } from "./form-error";

/** The mutation a confirmation runs: its state, and `reset` so a reopened dialog shows no stale error. */
interface ConfirmedAction {
  isPending: boolean;
  error: Error | null;
  reset(): void;
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  action: ConfirmedAction;
  /** Runs the action; call `done` when it succeeded, which closes the dialog. */
  onConfirm: (done: () => void) => void;
  onClose: () => void;
}

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  destructive,
  action,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      <FormError error={action.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={close} disabled={action.isPending}>
          Cancel
        </Button>
        <Button
          variant={destructive ? "danger" : "primary"}
          onClick={() => onConfirm(close)}
          disabled={action.isPending}
          autoFocus
        >
          {action.isPending ? "Working…" : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
