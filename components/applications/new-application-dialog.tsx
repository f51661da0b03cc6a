"use client";

import { useState, type FormEvent } from "react";
import { createApplicationSchema } from "@/lib/contract/applications";
import type { Application } from "@/lib/contract";
import { useFormErrors } from "../form-errors";
import { Button } from "../ui/button";
import { FormActions } from "../ui/form-actions";
import { Dialog } from "../ui/dialog";
import { TextAreaField, TextField } from "../ui/field";
import { useCreateApplication } from "./use-applications";

type Field = "name" | "description" | "allowedOrigins";
const LABELS: Record<Field, string> = { name: "Name", description: "Description", allowedOrigins: "Allowed origins" };
const PARAM_TO_FIELD: Record<string, Field> = {
  name: "name",
  description: "description",
  allowedOrigins: "allowedOrigins",
};

export function NewApplicationButton({ onCreated }: { onCreated?: (application: Application) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New application
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="New application"
        description="An application groups the API keys of one backend or integration."
      >
        <NewApplicationForm
          onCancel={() => setOpen(false)}
          onCreated={(application) => {
            setOpen(false);
            onCreated?.(application);
          }}
        />
      </Dialog>
    </>
  );
}

function NewApplicationForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (application: Application) => void;
}) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [origins, setOrigins] = useState("");
  const create = useCreateApplication();
  const form = useFormErrors(LABELS, PARAM_TO_FIELD, create.error);
  const { errors } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const input = {
      name,
      description: description.trim() || undefined,
      allowedOrigins: origins
        .split(/[\n,]/)
        .map((line) => line.trim())
        .filter(Boolean),
    };
    const data = form.validate(createApplicationSchema, input);
    if (data) create.mutate(data, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        label={LABELS.name}
        name="name"
        value={name}
        onChange={setName}
        error={errors.name}
        hint="Unique in your account, up to 100 characters."
        required
        autoFocus
      />
      <TextAreaField
        label={LABELS.description}
        name="description"
        value={description}
        onChange={setDescription}
        error={errors.description}
        rows={2}
      />
      <TextAreaField
        label={LABELS.allowedOrigins}
        name="allowedOrigins"
        value={origins}
        onChange={setOrigins}
        error={errors.allowedOrigins}
        rows={3}
        placeholder="https://shop.example"
        hint="Optional. One origin per line (scheme and host, no path)."
        className="font-mono"
      />
      <FormActions
        action={create}
        error={form.formError}
        labels={["Create application", "Creating…"]}
        onCancel={onCancel}
      />
    </form>
  );
}
