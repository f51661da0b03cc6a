"use client";

import { useState } from "react";
import { toastSuccess } from "../ui/toast";
import type { ApiKeyView, Application, CreatedKey, RolledKey } from "@/lib/contract";
import { useApplicationOptions } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Button } from "../ui/button";
import { ShowOnceSecretDialog } from "../ui/show-once-secret-dialog";
import { ErrorState, LoadingState } from "../ui/states";
import { ApiKeyTable, type ManageableKey } from "./api-key-table";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeyListFilters, KeyListPager } from "./key-list-controls";
import { KeysEmptyState } from "./keys-empty-state";
import { LinkKeyDialog } from "./link-key-dialog";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import { useApiKeys } from "./use-api-keys";
import { keyFilters } from "./key-filters";
import { useKeyFilters } from "./use-key-filters";

/** The one moment a secret is in the page: until the show-once dialog closes. */
type Revealed = { title: string; secret: string; note?: string };

function curlExample(secret: string) {
  return `curl ${window.location.origin}/api/v1/me \\\n  -H "Authorization: Bearer ${secret}"`;
}

function rolledNote(rolled: RolledKey) {
  const graceEndsAt = rolled.rolledKey.graceEndsAt;
  return graceEndsAt && Date.parse(graceEndsAt) > Date.now()
    ? `The old key ${rolled.rolledKey.prefix}… keeps working until ${formatDateTime(graceEndsAt)}.`
    : `The old key ${rolled.rolledKey.prefix}… has stopped working.`;
}

interface ApiKeyPanelProps {
  /** On an application's page: only its keys, and new keys go to it. */
  application?: Pick<Application, "id" | "name" | "isEnabled">;
}

/** Keys of the selected mode, a page at a time, with filters and (for owners and admins) create, roll and revoke. */
export function ApiKeyPanel({ application }: ApiKeyPanelProps) {
  const { mode, canManage } = useDashboard();
  const filters = useKeyFilters();
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState(false);
  const [rolling, setRolling] = useState<ManageableKey | null>(null);
  const [revoking, setRevoking] = useState<ManageableKey | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const applications = useApplicationOptions();
  const keys = useApiKeys(keyFilters(mode, filters.params, application?.id));

  function onCreated(created: CreatedKey) {
    setCreating(false);
    const other = created.mode === "live" ? "Live" : "Test";
    setRevealed({
      title: `Your new ${created.mode} key`,
      secret: created.fullKey,
      note:
        created.mode === mode
          ? undefined
          : `It is a ${created.mode} key: switch to ${other} in the header to see it in the list.`,
    });
  }

  function onRolled(rolled: RolledKey) {
    setRolling(null);
    setRevealed({ title: "Your rolled key", secret: rolled.fullKey, note: rolledNote(rolled) });
  }

  const applicationChoices = application ? [application] : (applications.data ?? []);
  // Linking and creating both need an application for the key to belong to.
  const noApplication = applicationChoices.length === 0;
  const keyActionState = noApplication ? { disabled: true, title: "Create an application first" } : {};

  function onLinked(linked: ApiKeyView) {
    setLinking(false);
    const where = applicationChoices.find((choice) => choice.id === linked.applicationId)?.name ?? "the application";
    toastSuccess(`Linked ${linked.prefix}… to ${where}. It keeps working and no longer expires.`);
  }

  const lastId = keys.data?.items.at(-1)?.id;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <KeyListFilters
          params={filters.params}
          applications={application ? undefined : (applications.data ?? [])}
          onChange={filters.set}
        />
        {canManage && (
          <div className="flex gap-2 sm:ml-auto">
            <Button onClick={() => setLinking(true)} {...keyActionState}>
              Link existing key
            </Button>
            <Button variant="primary" onClick={() => setCreating(true)} {...keyActionState}>
              Create key
            </Button>
          </div>
        )}
      </div>
      <p className="text-sm text-slate-600">
        Showing <strong>{mode}</strong> keys; the Test / Live switch in the header changes this.
      </p>

      {keys.isPending ? (
        <LoadingState label="Loading API keys…" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.items.length === 0 && !filters.hasPrevious ? (
        <KeysEmptyState
          mode={mode}
          filtered={filters.filtered}
          onClear={filters.clear}
          canManage={canManage}
          inApplication={Boolean(application)}
          noApplication={noApplication}
        />
      ) : (
        <>
          <ApiKeyTable
            keys={keys.data.items}
            showApplication={!application}
            actions={canManage ? { onRoll: setRolling, onRevoke: setRevoking } : undefined}
          />
          <KeyListPager
            hasPrevious={filters.hasPrevious}
            hasMore={keys.data.has_more}
            count={keys.data.items.length}
            onPrevious={filters.previous}
            onNext={() => lastId && filters.next(lastId)}
          />
        </>
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
