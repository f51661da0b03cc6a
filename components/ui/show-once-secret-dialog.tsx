"use client";

import { Button } from "./button";
import { CopyField } from "./copy-field";
import { Dialog } from "./dialog";

interface ShowOnceSecretDialogProps {
  title: string;
  secretLabel: string;
  /** The secret; null closes the dialog. The caller drops it from state on close, so it is never shown again. */
  secret: string | null;
  /** A ready-to-run command using the secret. */
  example: string;
  note?: string;
  onClose: () => void;
}

export function ShowOnceSecretDialog({
  title,
  secretLabel,
  secret,
  example,
  note,
  onClose,
}: ShowOnceSecretDialogProps) {
  return (
    <Dialog open={secret !== null} onClose={onClose} title={title}>
      {secret !== null && (
        <>
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <strong>Copy it now: it will not be shown again.</strong> Only a hash is stored; if you lose it, roll or
            create a new one.
          </p>
          {note && <p className="text-sm text-slate-600">{note}</p>}
          <CopyField label={secretLabel} value={secret} />
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Try it</p>
            <pre
              aria-label="Example request"
              className="rounded-md bg-slate-900 p-3 text-xs break-all whitespace-pre-wrap text-slate-100"
            >
              <code>{example}</code>
            </pre>
          </div>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              I have saved it
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
