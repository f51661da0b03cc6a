"use client";

// The API keys list's browser side: its filters and pages (in the URL; the server renders each page), and the
// create, link, roll and revoke dialogs. The table itself is rendered on the server (api-key-panel.tsx), with the
// row buttons below in it; the dialogs load on first use, not with the page.
import dynamic from "next/dynamic";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { ApiKeyView, Application, CreatedKey, RolledKey } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Button } from "../ui/button";
import { toastSuccess } from "../ui/toast";
import type { ManageableKey } from "./api-key-table";
import { KeyListFilters, KeyListPager } from "./key-list-controls";
import { useKeyFilters } from "./use-key-filters";

const CreateKeyDialog = dynamic(() => import("./create-key-dialog").then((module) => module.CreateKeyDialog));
const LinkKeyDialog = dynamic(() => import("./link-key-dialog").then((module) => module.LinkKeyDialog));
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((module) => module.RollKeyDialog));
const RevokeKeyDialog = dynamic(() => import("./revoke-key-dialog").then((module) => module.RevokeKeyDialog));
const ShowOnceSecretDialog = dynamic(() =>
  import("../ui/show-once-secret-dialog").then((module) => module.ShowOnceSecretDialog),
);

type ApplicationChoice = Pick<Application, "id" | "name" | "isEnabled">;
type OpenDialog =
  { kind: "create" } | { kind: "link" } | { kind: "roll"; key: ManageableKey } | { kind: "revoke"; key: ManageableKey };
/** The one moment a secret is in the page: until the show-once dialog closes. */
type Revealed = { title: string; secret: string; note?: string };

const KeyPanelContext = createContext<{
  filters: ReturnType<typeof useKeyFilters>;
  open: (dialog: OpenDialog) => void;
} | null>(null);

function useKeyPanel() {
  const panel = useContext(KeyPanelContext);
  if (!panel) throw new Error("A key list control was rendered outside KeyPanel.");
  return panel;
}

function curlExample(secret: string) {
  return `curl ${window.location.origin}/api/v1/me \\\n  -H "Authorization: Bearer ${secret}"`;
}

function rolledNote(rolled: RolledKey) {
  const graceEndsAt = rolled.rolledKey.graceEndsAt;
  return graceEndsAt && Date.parse(graceEndsAt) > Date.now()
    ? `The old key ${rolled.rolledKey.prefix}… keeps working until ${formatDateTime(graceEndsAt)}.`
    : `The old key ${rolled.rolledKey.prefix}… has stopped working.`;
}

interface KeyPanelProps {
  /** Where new and linked keys may go: the merchant's applications, or the one whose page this is. */
  applications: ApplicationChoice[];
  /** On an application's page: new keys go to it. */
  applicationId?: string;
  children: ReactNode;
}

/**
 * Holds what the list's islands share: the filters (a change starts again from the first page) and which dialog is
 * open. It sits above the rows, so a secret's dialog outlives the row it came from (a key rolled "now" leaves the
 * list's active rows when the page refreshes).
 */
export function KeyPanel({ applications, applicationId, children }: KeyPanelProps) {
  const { mode } = useDashboard();
  const filters = useKeyFilters();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const close = () => setDialog(null);

  function onCreated(created: CreatedKey) {
    close();
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
    close();
    setRevealed({ title: "Your rolled key", secret: rolled.fullKey, note: rolledNote(rolled) });
  }

  function onLinked(linked: ApiKeyView) {
    close();
    const where = applications.find((choice) => choice.id === linked.applicationId)?.name ?? "the application";
    toastSuccess(`Linked ${linked.prefix}… to ${where}. It keeps working and no longer expires.`);
  }

  return (
    <KeyPanelContext.Provider value={{ filters, open: setDialog }}>
      <div className="space-y-4" aria-busy={filters.pending}>
        {children}
      </div>
      {dialog?.kind === "create" && (
        <CreateKeyDialog
          open
          applications={applications}
          applicationId={applicationId}
          onClose={close}
          onCreated={onCreated}
        />
      )}
      {dialog?.kind === "link" && (
        <LinkKeyDialog open applications={applications} onClose={close} onLinked={onLinked} />
      )}
      {dialog?.kind === "roll" && <RollKeyDialog apiKey={dialog.key} onClose={close} onRolled={onRolled} />}
      {dialog?.kind === "revoke" && <RevokeKeyDialog apiKey={dialog.key} onClose={close} />}
      {revealed && (
        <ShowOnceSecretDialog
          title={revealed.title}
          secretLabel="API key"
          secret={revealed.secret}
          note={revealed.note}
          example={curlExample(revealed.secret)}
          onClose={() => setRevealed(null)}
        />
      )}
    </KeyPanelContext.Provider>
  );
}

/** Link existing key and Create key; both need an application for the key to belong to. */
export function KeyPanelButtons({ noApplication }: { noApplication: boolean }) {
  const { open } = useKeyPanel();
  const state = noApplication ? { disabled: true, title: "Create an application first" } : {};
  return (
    <div className="flex gap-2 sm:ml-auto">
      <Button onClick={() => open({ kind: "link" })} {...state}>
        Link existing key
      </Button>
      <Button variant="primary" onClick={() => open({ kind: "create" })} {...state}>
        Create key
      </Button>
    </div>
  );
}

/** A row's Roll and Revoke. */
export function KeyRowActions({ apiKey }: { apiKey: ManageableKey }) {
  const { open } = useKeyPanel();
  return (
    <div className="flex justify-end gap-1 max-sm:justify-start">
      {/* A rolled key is already on its way out: roll its successor instead. */}
      {!apiKey.graceEndsAt && (
        <Button
          size="sm"
          aria-label={`Roll ${apiKey.name} (${apiKey.prefix})`}
          onClick={() => open({ kind: "roll", key: apiKey })}
        >
          Roll
        </Button>
      )}
      <Button
        size="sm"
        variant="dangerGhost"
        aria-label={`Revoke ${apiKey.name} (${apiKey.prefix})`}
        onClick={() => open({ kind: "revoke", key: apiKey })}
      >
        Revoke
      </Button>
    </div>
  );
}

/** The search, application and status filters. */
export function KeyPanelFilters({ applications }: { applications?: Pick<Application, "id" | "name">[] }) {
  const { filters } = useKeyPanel();
  return <KeyListFilters params={filters.params} applications={applications} onChange={filters.set} />;
}

/** Previous / Next; the cursors of the pages before this one are kept in the browser to go back. */
export function KeyPanelPager({ hasMore, count, lastId }: { hasMore: boolean; count: number; lastId?: string }) {
  const { filters } = useKeyPanel();
  return (
    <KeyListPager
      hasPrevious={filters.hasPrevious}
      hasMore={hasMore}
      count={count}
      onPrevious={filters.previous}
      onNext={() => lastId && filters.next(lastId)}
    />
  );
}

/** "Clear filters" in the empty state of a filtered list. */
export function ClearKeyFilters() {
  const { filters } = useKeyPanel();
  return (
    <Button size="sm" className="mt-2" onClick={filters.clear}>
      Clear filters
    </Button>
  );
}
