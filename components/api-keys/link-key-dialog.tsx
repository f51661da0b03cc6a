"use client";

import { useState, type FormEvent } from "react";
import { linkApiKeySchema } from "@/lib/contract";
import type { ApiKeyView, Application } from "@/lib/contract";
import { useFormErrors } from "../form-errors";
import { FormActions } from "../ui/form-actions";
import { Dialog } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
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
  const [key, setKey] = useState("");
  const [applicationId, setApplicationId] = useState(applications[0]?.id ?? "");
  const link = useLinkKey();
  const form = useFormErrors<Field>(
    LABELS,
    { key: "key", applicationId: "applicationId", id: "applicationId" },
    link.error,
  );
  const { errors, formError } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    link.reset();
    const data = form.validate(linkApiKeySchema, { key: key.trim(), applicationId });
    if (data) link.mutate(data, { onSuccess: onLinked });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField
        label={LABELS.key}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={key}
        onChange={setKey}
        error={errors.key}
        hint="It is sent once to link it and never shown again."
      />
      <SelectField
        label={LABELS.applicationId}
        value={applicationId}
        onChange={setApplicationId}
        error={errors.applicationId}
        options={applications.map(({ id, name }) => ({ value: id, label: name }))}
      />
      <FormActions
        action={link}
        error={formError}
        labels={["Link key", "Linking…"]}
        disabled={applications.length === 0}
        onCancel={onCancel}
      />
    </form>
  );
}
