"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateApplicationSchema } from "@/lib/contract/applications";
import type { Application } from "@/lib/contract";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TextField } from "../ui/field";
import { FormActions } from "../ui/form-actions";
import { ApplicationForm } from "./application-form";
import { useDeleteApplication, useUpdateApplication } from "./use-applications";

/** "Edit": name, description and allowed origins, through the contract's update operation. */
export function EditApplicationButton({ application }: { application: Application }) {
  const [open, setOpen] = useState(false);
  const update = useUpdateApplication(application.id);
  const close = () => {
    update.reset();
    setOpen(false);
  };
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} aria-label={`Edit ${application.name}`}>
        Edit
      </Button>
      <Dialog open={open} onClose={close} title="Edit application">
        <ApplicationForm
          initial={{
            name: application.name,
            description: application.description ?? "",
            allowedOrigins: application.allowedOrigins.join("\n"),
          }}
          schema={updateApplicationSchema}
          emptyDescription={null}
          action={update}
          labels={["Save changes", "Saving…"]}
          onCancel={close}
          onSubmit={(changes) => update.mutate(changes, { onSuccess: () => setOpen(false) })}
        />
      </Dialog>
    </>
  );
}

/** "Delete": revokes every key of the application, after its name is typed to confirm. */
export function DeleteApplicationButton({ application }: { application: Pick<Application, "id" | "name"> }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useDeleteApplication(application.id);
  const router = useRouter();
  const confirmed = typed.trim() === application.name;
  const close = () => {
    remove.reset();
    setTyped("");
    setOpen(false);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) return;
    remove.mutate(undefined, { onSuccess: () => router.push("/dashboard/applications") });
  }

  return (
    <>
      <Button size="sm" variant="dangerGhost" onClick={() => setOpen(true)} aria-label={`Delete ${application.name}`}>
        Delete
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Delete ${application.name}?`}
        description="All of its API keys are revoked at once: every request made with them gets 401 revoked_api_key. The keys stay in the API keys list as revoked. This cannot be undone."
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField
            label="Type the application's name to confirm"
            value={typed}
            onChange={setTyped}
            hint={application.name}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <FormActions
            action={remove}
            error={remove.error}
            labels={["Delete application", "Deleting…"]}
            disabled={!confirmed}
            destructive
            onCancel={close}
          />
        </form>
      </Dialog>
    </>
  );
}
