"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { merchantWebhookEndpoints, type CreatedWebhookEndpoint, type WebhookEndpoint } from "@/lib/contract";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Dialog } from "../ui/dialog";
import { TextField } from "../ui/field";
import { FormActions } from "../ui/form-actions";
import { FormError } from "../ui/form-error";
import { RadioGroup } from "../ui/radio-group";
import { toastSuccess } from "../ui/toast";
import { useForm } from "../use-form";
import { ENDPOINT_LABELS, ENDPOINT_PARAM_TO_FIELD, endpointInput } from "./endpoint-fields";
import { SigningSecretDialog } from "./new-endpoint-dialog";
import {
  useDeleteWebhookEndpoint,
  useRotateWebhookSecret,
  useTestWebhookEndpoint,
  useUpdateWebhookEndpoint,
} from "./use-webhooks";

const OVERLAPS = [
  { value: "0", label: "None", hint: "The old secret stops now" },
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours" },
  { value: "604800", label: "7 days" },
] as const;
type Overlap = (typeof OVERLAPS)[number]["value"];

/** Edit, disable or enable, send a test, rotate the secret and delete: for who manages settings. */
export function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [open, setOpen] = useState<"edit" | "rotate" | "delete" | null>(null);
  const update = useUpdateWebhookEndpoint(endpoint.id);
  const test = useTestWebhookEndpoint(endpoint.id);
  const remove = useDeleteWebhookEndpoint(endpoint.id);
  const router = useRouter();
  const disabled = endpoint.status === "disabled";
  const close = () => setOpen(null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setOpen("edit")}>Edit</Button>
        <Button
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { disabled: !disabled },
              { onSuccess: () => toastSuccess(disabled ? "Enabled the endpoint." : "Disabled the endpoint.") },
            )
          }
        >
          {disabled ? "Enable" : "Disable"}
        </Button>
        <Button
          disabled={test.isPending}
          onClick={() =>
            test.mutate(undefined, {
              onSuccess: (result) =>
                toastSuccess(
                  result.succeeded
                    ? `The test event was delivered (HTTP ${result.status_code}, ${result.duration_ms} ms).`
                    : `The test event failed: ${result.error}${result.status_code ? ` (HTTP ${result.status_code})` : ""}.`,
                ),
            })
          }
        >
          {test.isPending ? "Sending…" : "Send test event"}
        </Button>
        <Button onClick={() => setOpen("rotate")}>Rotate secret</Button>
        <Button variant="danger" onClick={() => setOpen("delete")}>
          Delete
        </Button>
      </div>
      <FormError error={update.error ?? test.error} />
      <Dialog open={open === "edit"} onClose={close} title="Edit endpoint">
        <EditForm endpoint={endpoint} onDone={close} />
      </Dialog>
      <RotateSecret endpoint={endpoint} open={open === "rotate"} onClose={close} />
      <ConfirmDialog
        open={open === "delete"}
        title="Delete this endpoint?"
        description={`${endpoint.url} stops receiving events, and its deliveries not yet made are dropped.`}
        confirmLabel="Delete endpoint"
        destructive
        action={remove}
        onConfirm={(done) =>
          remove.mutate(undefined, {
            onSuccess: () => {
              done();
              toastSuccess(`Deleted the webhook endpoint ${endpoint.url}.`);
              router.push("/dashboard/webhooks");
            },
          })
        }
        onClose={close}
      />
    </div>
  );
}

function EditForm({ endpoint, onDone }: { endpoint: WebhookEndpoint; onDone: () => void }) {
  const update = useUpdateWebhookEndpoint(endpoint.id);
  const form = useForm({
    labels: ENDPOINT_LABELS,
    paramToField: ENDPOINT_PARAM_TO_FIELD,
    apiError: update.error,
    initial: {
      url: endpoint.url,
      enabled_events: endpoint.enabled_events.join(", "),
      description: endpoint.description ?? "",
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.reset();
    const fields = endpointInput(form.values);
    const input = { ...fields, description: fields.description ?? null }; // an emptied description clears it
    const data = form.validate(merchantWebhookEndpoints.update.body, input);
    if (data)
      update.mutate(data, {
        onSuccess: () => {
          toastSuccess("Saved the endpoint.");
          onDone();
        },
      });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField {...form.field("url")} type="url" autoFocus />
      <TextField {...form.field("enabled_events")} hint="* for every event, or types separated by commas." />
      <TextField {...form.field("description")} hint="Optional." />
      <FormActions action={update} error={form.formError} labels={["Save", "Saving…"]} onCancel={onDone} />
    </form>
  );
}

function RotateSecret({ endpoint, open, onClose }: { endpoint: WebhookEndpoint; open: boolean; onClose: () => void }) {
  const [overlap, setOverlap] = useState<Overlap>("86400");
  const [rotated, setRotated] = useState<CreatedWebhookEndpoint | null>(null);
  const rotate = useRotateWebhookSecret(endpoint.id);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rotate.mutate(
      { expires_in: Number(overlap) },
      {
        onSuccess: (result) => {
          onClose();
          setRotated(result);
          toastSuccess("Rotated the signing secret.");
        },
      },
    );
  }
  return (
    <>
      <Dialog
        open={open}
        onClose={onClose}
        title="Rotate the signing secret"
        description="A new secret signs every delivery. For the overlap you choose, the old one signs too (a second v1= in Webhook-Signature), so your server can switch without missing one."
      >
        <form onSubmit={submit} className="space-y-4">
          <RadioGroup
            legend="Old secret keeps signing for"
            name="overlap"
            value={overlap}
            options={OVERLAPS}
            onChange={setOverlap}
          />
          <FormActions
            action={rotate}
            error={rotate.error}
            labels={["Rotate secret", "Rotating…"]}
            onCancel={onClose}
          />
        </form>
      </Dialog>
      <SigningSecretDialog secret={rotated?.secret ?? null} onClose={() => setRotated(null)} />
    </>
  );
}
