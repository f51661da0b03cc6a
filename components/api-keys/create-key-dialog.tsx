"use client";

import dynamic from "next/dynamic";
import type { Application, CreatedKey } from "@/lib/contract";
import { Dialog } from "../ui/dialog";
import { LoadingState } from "../ui/states";

// The form (and the shared zod schema it validates with) loads when the dialog first opens, not with the page.
const CreateKeyForm = dynamic(() => import("./create-key-form").then((module) => module.CreateKeyForm), {
  loading: () => <LoadingState label="Loading…" />,
});

export interface CreateKeyDialogProps {
  open: boolean;
  applications: Pick<Application, "id" | "name" | "isEnabled">[];
  /** Preselects (and fixes) the application, on an application's page. */
  applicationId?: string;
  onClose: () => void;
  onCreated: (key: CreatedKey) => void;
}

export function CreateKeyDialog({ open, onClose, ...form }: CreateKeyDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create key"
      description="The full key is shown once, right after you create it."
    >
      <CreateKeyForm onCancel={onClose} {...form} />
    </Dialog>
  );
}
