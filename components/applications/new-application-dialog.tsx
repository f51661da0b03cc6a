"use client";

import { useState, type FormEvent } from "react";
import { createApplicationSchema } from "@/lib/contract/applications";
import type { Application } from "@/lib/contract";
import { Button } from "../ui/button";
import { FormActions } from "../ui/form-actions";
import { Dialog } from "../ui/dialog";
import { TextAreaField, TextField } from "../ui/field";
import { useForm } from "../use-form";
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
  const create = useCreateApplication();
  const form = useForm({
    labels: LABELS,
    paramToField: PARAM_TO_FIELD,
    apiError: create.error,
    initial: { name: "", description: "", allowedOrigins: "" },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const { name, description, allowedOrigins } = form.values;
    const input = {
      name,
      description: description.trim() || undefined,
      allowedOrigins: allowedOrigins
        .split(/[\n,]/)
        .map((line) => line.trim())
        .filter(Boolean),
    };
    const data = form.validate(createApplicationSchema, input);
    if (data) create.mutate(data, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField {...form.field("name")} hint="Unique in your account, up to 100 characters." required autoFocus />
      <TextAreaField {...form.field("description")} rows={2} />
      <TextAreaField
        {...form.field("allowedOrigins")}
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
