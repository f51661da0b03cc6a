"use client";

import { useState, type FormEvent } from "react";
import { MANAGEMENT_TOKEN_LIFETIMES, createManagementTokenSchema } from "@/lib/contract/accounts";
import type { ManagementToken } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { SelectField, TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { ShowOnceSecretDialog } from "../ui/show-once-secret-dialog";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, Td } from "../ui/table";
import { useForm } from "../use-form";
import { useCreateManagementToken, useManagementTokens, useRevokeManagementToken } from "./use-settings";

type Lifetime = keyof typeof MANAGEMENT_TOKEN_LIFETIMES;
const LIFETIME_LABELS: Record<Lifetime, string> = {
  "1h": "1 hour",
  "8h": "8 hours",
  "24h": "24 hours",
  "7d": "7 days",
};
const LIFETIME_OPTIONS = (Object.keys(LIFETIME_LABELS) as Lifetime[]).map((value) => ({
  value,
  label: LIFETIME_LABELS[value],
}));
type Field = "name" | "expiresIn";
const LABELS: Record<Field, string> = { name: "Token name", expiresIn: "Expires in" };

/** Short-lived JWTs for scripts and CI to call the management API; only a signed-in owner or admin mints them. */
export function ManagementTokens() {
  const { canManage } = useDashboard();
  const tokens = useManagementTokens(canManage);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ManagementToken | null>(null);

  if (!canManage) {
    return <EmptyState title="Only owners and admins can see and create management tokens." />;
  }

  return (
    <div className="space-y-6">
      <CreateTokenForm onCreated={setRevealed} />
      {tokens.isPending ? (
        <LoadingState label="Loading management tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No management tokens yet" />
      ) : (
        <Table
          caption="Management tokens"
          columns={["Name", "Created", "Expires", "Last used", "Status", { label: "Actions", align: "right" }]}
        >
          {tokens.data.map((token) => (
            <tr key={token.id}>
              <Td className="font-medium">{token.name}</Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(token.createdAt)}</Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(token.expiresAt)}</Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(token.lastUsedAt, "Never")}</Td>
              <Td>
                <Badge tone={token.status === "active" ? "success" : token.status === "revoked" ? "danger" : "neutral"}>
                  {token.status}
                </Badge>
              </Td>
              <Td className="text-right">
                {token.status === "active" && (
                  <Button
                    size="sm"
                    variant="dangerGhost"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => setRevoking(token)}
                  >
                    Revoke
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
      <ShowOnceSecretDialog
        title="Your new management token"
        secretLabel="Management token"
        noun="token"
        ifLost="revoke it and create a new one"
        secret={revealed}
        example={
          revealed
            ? `curl ${window.location.origin}/api/v1/applications \\\n  -H "Authorization: Bearer ${revealed}"`
            : ""
        }
        note="It acts as you on this merchant's management API (applications and keys) until it expires or you revoke it."
        onClose={() => setRevealed(null)}
      />
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const [expiresIn, setExpiresIn] = useState<Lifetime>("24h");
  const create = useCreateManagementToken();
  const form = useForm({
    labels: LABELS,
    paramToField: { name: "name", expiresIn: "expiresIn" },
    apiError: create.error,
    initial: { name: "" },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const data = form.validate(createManagementTokenSchema, { name: form.values.name, expiresIn });
    if (!data) return;
    create.mutate(data, {
      onSuccess: (created) => {
        form.set("name", "");
        onCreated(created.token);
      },
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Create management token"
      className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="w-64">
        <TextField {...form.field("name")} placeholder="CI deploys" required />
      </div>
      <div className="w-40">
        <SelectField
          label={LABELS.expiresIn}
          value={expiresIn}
          onChange={setExpiresIn}
          error={form.errors.expiresIn}
          options={LIFETIME_OPTIONS}
        />
      </div>
      <Button type="submit" variant="primary" className="mt-6" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </Button>
      {form.formError && (
        <div className="basis-full">
          <FormError error={form.formError} />
        </div>
      )}
    </form>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ManagementToken | null; onClose: () => void }) {
  const revoke = useRevokeManagementToken();
  return (
    <ConfirmDialog
      open={token !== null}
      title={token ? `Revoke ${token.name}?` : "Revoke token"}
      description="Scripts using it get 401 invalid_management_token from their next call. This cannot be undone."
      confirmLabel="Revoke token"
      destructive
      action={revoke}
      onClose={onClose}
      onConfirm={(done) => token && revoke.mutate(token.id, { onSuccess: done })}
    />
  );
}
