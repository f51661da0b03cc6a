"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { merchantWebhookEndpoints, type CreatedWebhookEndpoint } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TextField } from "../ui/field";
import { FormActions } from "../ui/form-actions";
import { ShowOnceSecretDialog } from "../ui/show-once-secret-dialog";
import { toastSuccess } from "../ui/toast";
import { useForm } from "../use-form";
import { ENDPOINT_LABELS, ENDPOINT_PARAM_TO_FIELD, endpointInput } from "./endpoint-fields";
import { useCreateWebhookEndpoint } from "./use-webhooks";

/** The signing secret, shown once, with how a receiver checks it. */
export function SigningSecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <ShowOnceSecretDialog
      title="Signing secret"
      secretLabel="Signing secret"
      secret={secret}
      noun="secret"
      ifLost="rotate it"
      note="Verify the Webhook-Signature header of every delivery with it (lib/sdk's verifyWebhookSignature)."
      example={`verifyWebhookSignature(rawBody, request.headers.get("webhook-signature"), "${secret ?? ""}")`}
      onClose={onClose}
    />
  );
}

/** For who may create (owner, admin): others see no button, and the API refuses them anyway. */
export function NewWebhookEndpointButton() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  const { mode, canManage } = useDashboard();
  const router = useRouter();
  if (!canManage) return null;
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Add endpoint
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Add a webhook endpoint"
        description={`It receives the ${mode} events: the Test / Live switch in the header chose ${mode} mode.`}
      >
        <NewEndpointForm
          onCancel={() => setOpen(false)}
          onCreated={(endpoint) => {
            setOpen(false);
            setCreated(endpoint);
            toastSuccess(`Added the webhook endpoint ${endpoint.url}.`);
          }}
        />
      </Dialog>
      <SigningSecretDialog
        secret={created?.secret ?? null}
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) router.push(`/dashboard/webhooks/${id}`);
        }}
      />
    </>
  );
}

function NewEndpointForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (endpoint: CreatedWebhookEndpoint) => void;
}) {
  const { mode } = useDashboard();
  const create = useCreateWebhookEndpoint();
  const form = useForm({
    labels: ENDPOINT_LABELS,
    paramToField: ENDPOINT_PARAM_TO_FIELD,
    apiError: create.error,
    initial: { url: "", enabled_events: "*", description: "" },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const input = { ...endpointInput(form.values), mode };
    const data = form.validate(merchantWebhookEndpoints.create.body, input);
    if (data) create.mutate(data, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField {...form.field("url")} type="url" placeholder="https://example.com/webhooks" autoFocus />
      <TextField
        {...form.field("enabled_events")}
        hint="* for every event, or types separated by commas (customer.created, checkout.session.completed)."
        className="font-mono"
      />
      <TextField {...form.field("description")} hint="Optional. A note for your team." />
      <FormActions action={create} error={form.formError} labels={["Add endpoint", "Adding…"]} onCancel={onCancel} />
    </form>
  );
}
