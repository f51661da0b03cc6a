"use client";

import type { FormEvent } from "react";
import { linkApiKeySchema } from "@/lib/contract";
import type { ApiKeyView, Application } from "@/lib/contract";
import { FormActions } from "../ui/form-actions";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { useForm } from "../use-form";
import { useLinkKey } from "./use-api-keys";

type Field = "key" | "applicationId";
const LABELS: Record<Field, string> = { key: "API key", applicationId: "Application" };

interface LinkKeyDialogProps {
  open: boolean;
  applications: Pick<Application, "id" | "name">[];
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

function LinkKeyForm({
  applications,
  onCancel,
  onLinked,
}: Omit<LinkKeyDialogProps, "open" | "onClose"> & { onCancel: () => void }) {
  const link = useLinkKey();
  const form = useForm({
    labels: LABELS,
    paramToField: { key: "key", applicationId: "applicationId", id: "applicationId" },
    apiError: link.error,
    initial: { key: "", applicationId: applications[0]?.id ?? "" },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    link.reset();
    const { key, applicationId } = form.values;
    const data = form.validate(linkApiKeySchema, { key: key.trim(), applicationId });
    if (data) link.mutate(data, { onSuccess: onLinked });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField
        {...form.field("key")}
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint="It is sent once to link it and never shown again."
      />
      <SelectField
        {...form.field("applicationId")}
        options={applications.map(({ id, name }) => ({ value: id, label: name }))}
      />
      <FormActions
        action={link}
        error={form.formError}
        labels={["Link key", "Linking…"]}
        disabled={applications.length === 0}
        onCancel={onCancel}
      />
    </form>
  );
}
