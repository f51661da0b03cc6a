"use client";

import { useState, type FormEvent } from "react";
import { linkApiKeySchema } from "@/lib/contract";
import type { LinkKeyDialogProps } from "./link-key-dialog";
import { SCOPES, type Scope } from "@/lib/contract/scopes";
import { FormActions } from "../ui/form-actions";
import { SelectField, TextField } from "../ui/field";
import { useForm } from "../use-form";
import { ScopeGrid } from "./scope-grid";
import { useLinkKey } from "./use-api-keys";

type Field = "key" | "applicationId" | "scopes";
const LABELS: Record<Field, string> = { key: "API key", applicationId: "Application", scopes: "Scopes" };
const DISABLED =
  "This application is disabled: a linked key would stop working at once. Enable it first, or pick another.";

/** The key, the application it joins, and the scopes it keeps. */
export function LinkKeyForm({
  applications,
  onCancel,
  onLinked,
}: Omit<LinkKeyDialogProps, "open" | "onClose"> & { onCancel: () => void }) {
  const link = useLinkKey();
  // A key made with POST /api-keys has every scope: that is what it keeps unless you untick some.
  const [scopes, setScopes] = useState<Scope[]>([...SCOPES]);
  const form = useForm({
    labels: LABELS,
    paramToField: { key: "key", applicationId: "applicationId", id: "applicationId", scopes: "scopes" },
    apiError: link.error,
    initial: { key: "", applicationId: applications.find((choice) => choice.isEnabled)?.id ?? "" },
  });
  const chosen = applications.find(({ id }) => id === form.values.applicationId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    link.reset();
    const { key, applicationId } = form.values;
    const refused = chosen?.isEnabled === false ? { applicationId: DISABLED } : {};
    const data = form.validate(linkApiKeySchema, { key: key.trim(), applicationId, scopes }, refused);
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
        hint={chosen?.isEnabled === false ? undefined : "Disabled applications are marked; a key can't join one."}
        options={[
          ...(chosen ? [] : [{ value: "", label: "Choose an application…" }]),
          ...applications.map(({ id, name, isEnabled }) => ({
            value: id,
            label: isEnabled ? name : `${name} (disabled)`,
          })),
        ]}
      />
      <ScopeGrid
        value={scopes}
        onChange={setScopes}
        error={form.errors.scopes}
        description="A key made with POST /api-keys has every scope, and keeps the ones ticked here. Read does not imply write; none: only /api/v1/me."
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
