"use client";

import { useState, type FormEvent } from "react";
import type { Scope } from "@/lib/contract/scopes";
import { KEY_MODES, type KeyMode } from "@/lib/contract/api-keys";
import { createApplicationKeySchema } from "@/lib/contract";
import type { CreateKeyDialogProps } from "./create-key-dialog";
import { useDashboard } from "../dashboard/dashboard-context";
import { useForm } from "../use-form";
import { FormActions } from "../ui/form-actions";
import { SelectField, TextField } from "../ui/field";
import { RadioGroup } from "../ui/radio-group";
import { ScopeGrid } from "./scope-grid";
import { useCreateKey } from "./use-api-keys";

type Field = "description" | "application" | "mode" | "scopes" | "expiresAt" | "rateLimit";
const LABELS: Record<Field, string> = {
  description: "Name",
  application: "Application",
  mode: "Mode",
  scopes: "Scopes",
  expiresAt: "Expiry",
  rateLimit: "Rate limit",
};
// The API calls the key's name `description`, and the application is in the path (a 404 names param "id").
const PARAM_TO_FIELD: Record<string, Field> = {
  description: "description",
  id: "application",
  mode: "mode",
  scopes: "scopes",
  expiresAt: "expiresAt",
  rateLimit: "rateLimit",
};
const MODE_OPTIONS = KEY_MODES.map((mode) => ({
  value: mode,
  label: mode === "test" ? "Test" : "Live",
  hint: mode === "test" ? "ck_test_…, test data only" : "ck_live_…, real money",
}));

export function CreateKeyForm({
  applications,
  applicationId: fixedApplicationId,
  onCancel,
  onCreated,
}: Omit<CreateKeyDialogProps, "open" | "onClose"> & { onCancel: () => void }) {
  const dashboard = useDashboard();
  const [mode, setMode] = useState<KeyMode>(dashboard.mode);
  const [scopes, setScopes] = useState<Scope[]>([]);
  const create = useCreateKey();
  const form = useForm({
    labels: LABELS,
    paramToField: PARAM_TO_FIELD,
    apiError: create.error,
    initial: {
      description: "",
      application: fixedApplicationId ?? (applications.length === 1 ? (applications[0]?.id ?? "") : ""),
      expiresAt: "",
      rateLimit: "",
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const { description, application: applicationId, expiresAt, rateLimit } = form.values;
    const input = {
      description,
      mode,
      scopes,
      // datetime-local is the person's local time; the API takes an absolute ISO instant.
      ...(expiresAt ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
      ...(rateLimit.trim() ? { rateLimit: Number(rateLimit) } : {}),
    };
    const missingApplication = applicationId
      ? {}
      : { application: "Application is required: choose the application the key belongs to" };
    if (form.validate(createApplicationKeySchema, input, missingApplication))
      create.mutate({ applicationId, input }, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        {...form.field("description")}
        name="name"
        hint="Say what the key is for, e.g. “Checkout backend”."
        required
        autoFocus
      />
      <SelectField
        {...form.field("application")}
        disabled={Boolean(fixedApplicationId)}
        required
        options={[
          { value: "", label: "Choose an application…" },
          ...applications.map(({ id, name, isEnabled }) => ({
            value: id,
            label: isEnabled ? name : `${name} (disabled)`,
          })),
        ]}
      />
      {applications.find(({ id }) => id === form.values.application)?.isEnabled === false && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong>This application is disabled.</strong> The key will be created, but every request with it gets 401
          application_disabled until you enable the application.
        </p>
      )}
      <RadioGroup
        legend={LABELS.mode}
        name="mode"
        value={mode}
        options={MODE_OPTIONS}
        onChange={setMode}
        error={form.errors.mode}
      />
      <ScopeGrid value={scopes} onChange={setScopes} error={form.errors.scopes} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          {...form.field("expiresAt")}
          label="Expires at (optional)"
          type="datetime-local"
          hint="Your local time. Empty: never expires."
        />
        <TextField
          {...form.field("rateLimit")}
          label="Rate limit (optional)"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          hint="Requests per minute."
        />
      </div>
      <FormActions action={create} error={form.formError} labels={["Create key", "Creating…"]} onCancel={onCancel} />
    </form>
  );
}
