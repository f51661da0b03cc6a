"use client";

import { useState } from "react";
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
  /** What the secret is, in "This key can't be shown again." */
  noun?: string;
  /** What to do when it is lost, after "if you lose it, ". */
  ifLost?: string;
  onClose: () => void;
}

/**
 * A secret shown once, with Copy, a warning and an example. Closing it (Escape, the close button, "I have saved it")
 * before the secret was copied asks first, since nothing can show it again.
 */
export function ShowOnceSecretDialog({ secret, ...props }: ShowOnceSecretDialogProps) {
  // Keyed by the secret: a new secret starts uncopied.
  return <SecretDialog key={secret ?? ""} secret={secret} {...props} />;
}

function SecretDialog({
  title,
  secretLabel,
  secret,
  example,
  note,
  noun = "key",
  ifLost = "roll it or create a new one",
  onClose,
}: ShowOnceSecretDialogProps) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const requestClose = () => (copied ? onClose() : setConfirming(true));

  return (
    <>
      <Dialog open={secret !== null} onClose={requestClose} title={title}>
        {secret !== null && (
          // A copy by keyboard or context menu counts as much as the Copy button.
          <div className="space-y-4" onCopy={() => setCopied(true)}>
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <strong>Copy it now: it will not be shown again.</strong> Only a hash is stored; if you lose it, {ifLost}.
            </p>
            {note && <p className="text-sm text-slate-600">{note}</p>}
            <CopyField label={secretLabel} value={secret} onCopied={() => setCopied(true)} />
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
              <Button variant="primary" onClick={requestClose}>
                I have saved it
              </Button>
            </div>
          </div>
        )}
      </Dialog>
      <Dialog
        open={secret !== null && confirming}
        onClose={() => setConfirming(false)}
        title="Close without copying?"
        description={`This ${noun} can't be shown again. If you have not saved it, go back and copy it.`}
      >
        <div className="flex justify-end gap-2">
          <Button variant="primary" onClick={() => setConfirming(false)} autoFocus>
            Go back
          </Button>
          <Button variant="danger" onClick={onClose}>
            Close without copying
          </Button>
        </div>
      </Dialog>
    </>
  );
}
