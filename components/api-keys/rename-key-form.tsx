"use client";

import type { FormEvent } from "react";
import { updateApiKeySchema, type ApiKeyView } from "@/lib/contract";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { useForm } from "../use-form";
import { useRenameKey, type ApplicationKeyRef } from "./use-api-keys";

/** The new name in place of the old, Enter to save, Escape to cancel. */
export function RenameKeyForm({
  apiKey,
  target,
  onDone,
}: {
  apiKey: ApiKeyView;
  target: ApplicationKeyRef;
  onDone: () => void;
}) {
  const rename = useRenameKey();
  const form = useForm({
    labels: { name: "New name" },
    paramToField: { name: "name" },
    apiError: rename.error,
    initial: { name: apiKey.name },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.reset();
    const data = form.validate(updateApiKeySchema, { name: form.values.name });
    if (data?.name === apiKey.name) onDone();
    else if (data?.name) rename.mutate({ key: target, name: data.name }, { onSuccess: onDone });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="min-w-48 space-y-1"
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone();
      }}
    >
      <TextField {...form.field("name")} className="py-1" autoFocus maxLength={100} />
      {form.formError && <p className="text-xs text-red-700">{form.formError.message}</p>}
      <div className="flex gap-1">
        <Button size="sm" type="submit" variant="primary" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save"}
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
