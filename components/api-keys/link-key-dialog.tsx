"use client";

import dynamic from "next/dynamic";
import type { ApiKeyView, Application } from "@/lib/contract";
import { Dialog } from "../ui/dialog";
import { LoadingState } from "../ui/states";

// The form (and the shared zod schema it validates with) loads when the dialog first opens, not with the page.
const LinkKeyForm = dynamic(() => import("./link-key-form").then((module) => module.LinkKeyForm), {
  loading: () => <LoadingState label="Loading…" />,
});

export interface LinkKeyDialogProps {
  open: boolean;
  applications: Pick<Application, "id" | "name" | "isEnabled">[];
  onClose: () => void;
  onLinked: (key: ApiKeyView) => void;
}

/** Paste a key made without an account (POST /api-keys) to bring it, and its sandbox objects, into an application. */
export function LinkKeyDialog({ open, applications, onClose, onLinked }: LinkKeyDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Link existing key"
      description="Paste a key you created without an account. It joins the application you pick, keeps working, stops expiring, and the test objects it created come with it."
    >
      <LinkKeyForm applications={applications} onCancel={onClose} onLinked={onLinked} />
    </Dialog>
  );
}
