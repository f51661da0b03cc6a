"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { merchantPaymentLinks } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TextAreaField, TextField } from "../ui/field";
import { FormActions } from "../ui/form-actions";
import { useForm } from "../use-form";
import { parseMetadata } from "./metadata-text";
import { formatAmount, minorUnitDigits, toMinorUnits } from "./money";
import { useCreatePaymentLink } from "./use-payments";

type Field = "amount" | "currency" | "description" | "metadata";
const LABELS: Record<Field, string> = {
  amount: "Amount",
  currency: "Currency",
  description: "Description",
  metadata: "Metadata",
};
const PARAM_TO_FIELD: Record<string, Field> = {
  amount: "amount",
  currency: "currency",
  description: "description",
  metadata: "metadata",
};

/** For who may create (owner, admin): others see no button, and the API refuses them anyway. */
export function NewPaymentLinkButton() {
  const [open, setOpen] = useState(false);
  const { mode, canManage } = useDashboard();
  if (!canManage) return null;
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New payment link
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="New payment link"
        description={
          mode === "live"
            ? "A live link: buyers who pay through it pay for real."
            : "A test link: the Test / Live switch in the header chose test mode."
        }
      >
        <NewPaymentLinkForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NewPaymentLinkForm({ onCancel }: { onCancel: () => void }) {
  const { mode } = useDashboard();
  const router = useRouter();
  const create = useCreatePaymentLink();
  const form = useForm({
    labels: LABELS,
    paramToField: PARAM_TO_FIELD,
    apiError: create.error,
    initial: { amount: "", currency: "usd", description: "", metadata: "" },
  });
  const { amount, currency, description, metadata } = form.values;
  const price = toMinorUnits(amount, currency);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const parsedMetadata = parseMetadata(metadata);
    const extra = {
      ...("error" in price ? { amount: price.error } : {}),
      ...("error" in parsedMetadata ? { metadata: parsedMetadata.error } : {}),
    };
    const input = {
      amount: "amount" in price ? price.amount : 1,
      currency: currency.trim(),
      description: description.trim() || undefined,
      ...("metadata" in parsedMetadata ? { metadata: parsedMetadata.metadata } : {}),
      mode,
    };
    const data = form.validate(merchantPaymentLinks.create.body, input, extra);
    if (data) create.mutate(data, { onSuccess: (link) => router.push(`/dashboard/payment-links/${link.id}`) });
  }

  const digits = /^[A-Za-z]{3}$/.test(currency.trim()) ? minorUnitDigits(currency.trim()) : 2;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid grid-cols-[1fr_7rem] gap-3">
        <TextField
          {...form.field("amount")}
          inputMode="decimal"
          placeholder={digits === 0 ? "1000" : "12.50"}
          hint={
            "amount" in price && /^[A-Za-z]{3}$/.test(currency.trim())
              ? `${formatAmount(price.amount, currency.trim())}: the API stores ${price.amount} (minor units).`
              : "In major units, as buyers see it."
          }
          required
          autoFocus
        />
        <TextField {...form.field("currency")} hint="ISO code" required />
      </div>
      <TextField {...form.field("description")} hint="Optional. What the buyer pays for." />
      <TextAreaField
        {...form.field("metadata")}
        rows={2}
        placeholder="sku=tee-1"
        hint="Optional. One key=value a line."
        className="font-mono"
      />
      <FormActions
        action={create}
        error={form.formError}
        labels={["Create payment link", "Creating…"]}
        onCancel={onCancel}
      />
    </form>
  );
}
