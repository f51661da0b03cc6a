"use client";

import { useState } from "react";
import type { ApiKeyView, Application, CreatedKey, RolledKey } from "@/lib/contract";
import { useApplicationOptions } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import type { KeyFilters } from "../dashboard/query-keys";
import { formatDateTime } from "../format";
import { Button } from "../ui/button";
import { SelectField } from "../ui/field";
import { ShowOnceSecretDialog } from "../ui/show-once-secret-dialog";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { ApiKeyTable, type ManageableKey } from "./api-key-table";
import { CreateKeyDialog } from "./create-key-dialog";
import { LinkKeyDialog } from "./link-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import { useApiKeys } from "./use-api-keys";

type Status = NonNullable<KeyFilters["status"]>;
const STATUS_OPTIONS: { value: Status | ""; label: string }[] = [
  { value: "", label: "Any status" },
  { value: "active", label: "Active" },
  { value: "revoked", label: "Revoked" },
  { value: "expired", label: "Expired" },
];

/** The one moment a secret is in the page: until the show-once dialog closes. */
type Revealed = { title: string; secret: string; note?: string };

function curlExample(secret: string) {
  return `curl ${window.location.origin}/api/v1/me \\\n  -H "Authorization: Bearer ${secret}"`;
}

interface ApiKeyPanelProps {
  /** On an application's page: only its keys, and new keys go to it. */
  application?: Pick<Application, "id" | "name" | "isEnabled">;
}

/** Keys of the selected mode with filters, and (for owners and admins) create, roll and revoke. */
export function ApiKeyPanel({ application }: ApiKeyPanelProps) {
  const { mode, canManage } = useDashboard();
  const [applicationFilter, setApplicationFilter] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [rolling, setRolling] = useState<ManageableKey | null>(null);
  const [revoking, setRevoking] = useState<ManageableKey | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const applications = useApplicationOptions();
  const applicationId = application?.id ?? (applicationFilter || undefined);
  const keys = useApiKeys({ mode, applicationId, status: status || undefined });

  function onCreated(created: CreatedKey) {
    setCreating(false);
    setRevealed({
      title: `Your new ${created.mode} key`,
      secret: created.fullKey,
      note:
        created.mode === mode
          ? undefined
          : `It is a ${created.mode} key: switch to ${created.mode === "live" ? "Live" : "Test"} in the header to see it in the list.`,
    });
  }

  function onRolled(rolled: RolledKey) {
    setRolling(null);
    const graceEndsAt = rolled.rolledKey.graceEndsAt;
    setRevealed({
      title: "Your rolled key",
      secret: rolled.fullKey,
      note:
        graceEndsAt && Date.parse(graceEndsAt) > Date.now()
          ? `The old key ${rolled.rolledKey.prefix}… keeps working until ${formatDateTime(graceEndsAt)}.`
          : `The old key ${rolled.rolledKey.prefix}… has stopped working.`,
    });
  }

  const applicationChoices = application ? [application] : (applications.data ?? []);
  // Linking and creating both need an application for the key to belong to.
  const keyActionState =
    applicationChoices.length === 0 ? { disabled: true, title: "Create an application first" } : {};

  function onLinked(linked: ApiKeyView) {
    setLinking(false);
    const where = applicationChoices.find((choice) => choice.id === linked.applicationId)?.name ?? "the application";
    setNotice(`Linked ${linked.prefix}… to ${where}. It keeps working and no longer expires.`);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        {!application && (
          <div className="w-56">
            <SelectField
              label="Application"
              value={applicationFilter}
              onChange={setApplicationFilter}
              options={[
                { value: "", label: "All applications" },
                ...(applications.data ?? []).map(({ id, name }) => ({ value: id, label: name })),
              ]}
            />
          </div>
        )}
        <div className="w-40">
          <SelectField label="Status" value={status} onChange={setStatus} options={STATUS_OPTIONS} />
        </div>
        <p className="pb-2 text-sm text-slate-600">
          Showing <strong>{mode}</strong> keys; the Test / Live switch in the header changes this.
        </p>
        {canManage && (
          <>
            <Button className="ml-auto" onClick={() => setLinking(true)} {...keyActionState}>
              Link existing key
            </Button>
            <Button variant="primary" onClick={() => setCreating(true)} {...keyActionState}>
              Create key
            </Button>
          </>
        )}
      </div>

      {notice && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {notice}
        </p>
      )}

      {keys.isPending ? (
        <LoadingState label="Loading API keys…" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title={`No ${mode} keys${applicationId || status ? " match these filters" : " yet"}`}>
          {canManage
            ? applicationChoices.length
              ? "Create key issues one."
              : "Create an application first, then a key for it."
            : "An owner or admin of this merchant can create keys."}
        </EmptyState>
      ) : (
        <ApiKeyTable
          keys={keys.data}
          showApplication={!application}
          actions={canManage ? { onRoll: setRolling, onRevoke: setRevoking } : undefined}
        />
      )}

      {canManage && (
        <>
          <CreateKeyDialog
            open={creating}
            applications={applicationChoices}
            applicationId={application?.id}
            onClose={() => setCreating(false)}
            onCreated={onCreated}
          />
          <RollKeyDialog apiKey={rolling} onClose={() => setRolling(null)} onRolled={onRolled} />
          <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
          <LinkKeyDialog
            open={linking}
            applications={applicationChoices}
            onClose={() => setLinking(false)}
            onLinked={onLinked}
          />
        </>
      )}
      <ShowOnceSecretDialog
        title={revealed?.title ?? ""}
        secretLabel="API key"
        secret={revealed?.secret ?? null}
        note={revealed?.note}
        example={revealed ? curlExample(revealed.secret) : ""}
        onClose={() => setRevealed(null)}
      />
    </div>
  );
}
