"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import type { ApiKeyView } from "@/lib/contract";
import { Badge } from "../ui/badge";
import type { ApplicationKeyRef } from "./use-api-keys";

// Loads (with the shared zod schema) on the first rename, not with the page.
const RenameKeyForm = dynamic(() => import("./rename-key-form").then((module) => module.RenameKeyForm));

interface KeyNameProps {
  apiKey: ApiKeyView;
  /** In a table: a long name is cut to one line from 640 px up (its full text on hover). */
  truncate?: boolean;
  /** The key that replaced this one by a roll, when it is listed just above. */
  successor: ApiKeyView | null;
  /** Present when the member may rename this key. */
  renamable?: ApplicationKeyRef;
  /** Present in the keys table: the name links to the key's own page. */
  href?: string;
}

/** The key's name (renamable in place), the "linked" mark, and its display prefix under it. */
export function KeyName({ apiKey, successor, renamable, href, truncate = false }: KeyNameProps) {
  const cut = truncate ? " sm:block sm:max-w-48 sm:truncate" : "";
  const [editing, setEditing] = useState(false);
  return (
    <div className={successor ? "border-l-2 border-amber-300 pl-3" : undefined}>
      {editing && renamable ? (
        <RenameKeyForm apiKey={apiKey} target={renamable} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex items-center gap-1.5">
          {href ? (
            <Link
              href={href}
              title={apiKey.name}
              className={`font-medium break-words underline-offset-2 hover:underline${cut}`}
            >
              {apiKey.name}
            </Link>
          ) : (
            <span title={apiKey.name} className={`font-medium break-words${cut}`}>
              {apiKey.name}
            </span>
          )}
          {apiKey.claimedAt && (
            <span title="Created without an account, then linked to this merchant">
              <Badge tone="info">linked</Badge>
            </span>
          )}
          {renamable && (
            <button
              type="button"
              aria-label={`Rename ${apiKey.name} (${apiKey.prefix})`}
              title="Rename"
              onClick={() => setEditing(true)}
              className="rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
            >
              <span aria-hidden>✎</span>
            </button>
          )}
        </div>
      )}
      <p className="text-xs whitespace-nowrap text-slate-500">
        <span className="font-mono">{apiKey.prefix}…</span>
        {successor && <span> · replaced by the key above</span>}
      </p>
    </div>
  );
}
