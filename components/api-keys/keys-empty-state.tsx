import Link from "next/link";
import type { ReactNode } from "react";
import type { KeyMode } from "@/lib/contract/vocabulary";
import { EmptyState } from "../ui/states";

interface KeysEmptyStateProps {
  mode: KeyMode;
  /** Filters are set (keys may exist, just not these): the button that clears them. */
  clear: ReactNode | null;
  canManage: boolean;
  inApplication: boolean;
  noApplication: boolean;
}

/** No keys to list: either the filters hide them (and can be cleared), or there are none yet, and how to start. */
export function KeysEmptyState(props: KeysEmptyStateProps) {
  const { mode, clear, canManage, noApplication } = props;
  if (clear) return <EmptyState title={`No ${mode} keys match these filters`}>{clear}</EmptyState>;
  const title = props.inApplication ? `This application has no ${mode} keys yet` : `No ${mode} keys yet`;
  if (!canManage) {
    return <EmptyState title={title}>An owner or admin of this merchant can create keys.</EmptyState>;
  }
  if (noApplication) {
    return (
      <EmptyState title={title}>
        <p>Keys belong to an application: create one first (one per backend or integration), then a key for it.</p>
        <Link
          href="/dashboard/applications"
          className="mt-3 inline-flex rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Create an application
        </Link>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={title}>
      <p>
        <strong>Create key</strong> issues one with the scopes your backend needs; its secret is shown once. Made one
        with <code className="font-mono text-xs">POST /api-keys</code> already? <strong>Link existing key</strong>{" "}
        brings it here.
      </p>
    </EmptyState>
  );
}
