"use client";

import { createApplicationSchema } from "@/lib/contract/applications";
import { ApplicationForm } from "./application-form";
import type { useCreateApplication } from "./use-application-changes";

const EMPTY = { name: "", description: "", allowedOrigins: "" };

/** The "New application" form: loaded when its dialog first opens, with the shared zod schema it validates with. */
export function NewApplicationForm({
  create,
  onCancel,
  onCreated,
}: {
  create: ReturnType<typeof useCreateApplication>;
  onCancel: () => void;
  onCreated: () => void;
}) {
  return (
    <ApplicationForm
      initial={EMPTY}
      schema={createApplicationSchema}
      emptyDescription={undefined}
      action={create}
      labels={["Create application", "Creating…"]}
      onCancel={onCancel}
      onSubmit={(data) => create.mutate(data, { onSuccess: onCreated })}
    />
  );
}
