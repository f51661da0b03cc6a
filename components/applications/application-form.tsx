"use client";

import type { FormEvent } from "react";
import type { z } from "zod";
import { FormActions } from "../ui/form-actions";
import { TextAreaField, TextField } from "../ui/field";
import { useForm } from "../use-form";

type Field = "name" | "description" | "allowedOrigins";
const LABELS: Record<Field, string> = { name: "Name", description: "Description", allowedOrigins: "Allowed origins" };
const PARAM_TO_FIELD: Record<string, Field> = {
  name: "name",
  description: "description",
  allowedOrigins: "allowedOrigins",
};

export interface ApplicationFormValues {
  name: string;
  description: string;
  allowedOrigins: string;
}

/** What the form sends: the text fields as the API takes them (origins one a line, an empty description absent). */
export function applicationInput(values: ApplicationFormValues, emptyDescription: null | undefined) {
  return {
    name: values.name,
    description: values.description.trim() || emptyDescription,
    allowedOrigins: values.allowedOrigins
      .split(/[\n,]/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/**
 * The fields of an application, for "New application" and "Edit application": checked with the operation's own
 * schema before sending, the API's refusal (a taken name) shown on its field.
 */
export function ApplicationForm<S extends z.ZodType>({
  initial,
  schema,
  emptyDescription,
  action,
  labels,
  onSubmit,
  onCancel,
}: {
  initial: ApplicationFormValues;
  schema: S;
  /** What an emptied description sends: nothing on create, `null` (clear it) on edit. */
  emptyDescription: null | undefined;
  action: { isPending: boolean; error: Error | null; reset(): void };
  labels: readonly [string, string];
  onSubmit: (data: z.infer<S>) => void;
  onCancel: () => void;
}) {
  const form = useForm({
    labels: LABELS,
    paramToField: PARAM_TO_FIELD,
    apiError: action.error,
    initial: { ...initial },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    action.reset();
    const data = form.validate(schema, applicationInput(form.values, emptyDescription));
    if (data) onSubmit(data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        {...form.field("name")}
        hint="Unique in your account, ignoring case and surrounding spaces; up to 100 characters."
        required
        autoFocus
      />
      <TextAreaField {...form.field("description")} rows={2} />
      <TextAreaField
        {...form.field("allowedOrigins")}
        rows={3}
        placeholder="https://shop.example"
        hint="Optional. Pages on these origins may call the API from a browser with its keys; one a line (scheme and host, no path). Empty: servers only."
        className="font-mono"
      />
      <FormActions action={action} error={form.formError} labels={labels} onCancel={onCancel} />
    </form>
  );
}
