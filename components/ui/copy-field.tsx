"use client";

import { useId, useRef, useState } from "react";
import { Button } from "./button";

/** A read-only value with a Copy button; when the clipboard is unavailable it selects the text instead. */
export function CopyField({ label, value, onCopied }: { label: string; value: string; onCopied?: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "select">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
      onCopied?.();
    } catch {
      // Clipboard permission denied (or an insecure origin): select the text so the person can copy it.
      input.current?.select();
      setStatus("select");
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          spellCheck={false}
        />
        <Button onClick={copy}>Copy</Button>
      </div>
      <p aria-live="polite" className="min-h-4 text-xs text-slate-500">
        {status === "copied"
          ? "Copied to the clipboard."
          : status === "select"
            ? "Copying is blocked here: the key is selected, press Ctrl+C (⌘C)."
            : ""}
      </p>
    </div>
  );
}
