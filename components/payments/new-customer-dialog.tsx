"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { merchantCustomers } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TextAreaField, TextField } from "../ui/field";
import { FormActions } from "../ui/form-actions";
import { useForm } from "../use-form";
import { parseMetadata } from "./metadata-text";
import { useCreateCustomer } from "./use-payments";

type Field = "name" | "email" | "description" | "metadata";
const LABELS: Record<Field, string> = {
  name: "Name",
  email: "E-mail",
  description: "Description",
  metadata: "Metadata",
};
const PARAM_TO_FIELD: Record<string, Field> = {
  name: "name",
  email: "email",
  description: "description",
  metadata: "metadata",
};

/** For who may create (owner, admin): others see no button, and the API refuses them anyway. */
export function NewCustomerButton() {
  const [open, setOpen] = useState(false);
  const { mode, canManage } = useDashboard();
  if (!canManage) return null;
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New customer
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="New customer"
        description={`A ${mode} customer: the Test / Live switch in the header chose ${mode} mode.`}
      >
        <NewCustomerForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NewCustomerForm({ onCancel }: { onCancel: () => void }) {
  const { mode } = useDashboard();
  const router = useRouter();
  const create = useCreateCustomer();
  const form = useForm({
    labels: LABELS,
    paramToField: PARAM_TO_FIELD,
    apiError: create.error,
    initial: { name: "", email: "", description: "", metadata: "" },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const { name, email, description, metadata } = form.values;
    const parsedMetadata = parseMetadata(metadata);
    const input = {
      name: name.trim() || undefined,
      email: email.trim() || undefined,
      description: description.trim() || undefined,
      ...("metadata" in parsedMetadata ? { metadata: parsedMetadata.metadata } : {}),
      mode,
    };
    const extra = "error" in parsedMetadata ? { metadata: parsedMetadata.error } : {};
    const data = form.validate(merchantCustomers.create.body, input, extra);
    if (data) create.mutate(data, { onSuccess: (customer) => router.push(`/dashboard/customers/${customer.id}`) });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField {...form.field("name")} hint="Optional, up to 200 characters." autoFocus />
      <TextField {...form.field("email")} type="email" hint="Optional. Receipts go here." />
      <TextField {...form.field("description")} hint="Optional. A note for your team." />
      <TextAreaField
        {...form.field("metadata")}
        rows={2}
        placeholder="crm_id=42"
        hint="Optional. One key=value a line."
        className="font-mono"
      />
      <FormActions
        action={create}
        error={form.formError}
        labels={["Create customer", "Creating…"]}
        onCancel={onCancel}
      />
    </form>
  );
}
