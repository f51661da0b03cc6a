"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies a value shown beside it (a command, an id); says so, or that the browser refused. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "blocked">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      setStatus("blocked");
    }
  }

  return (
    <Button size="sm" aria-label={label} onClick={copy}>
      <span aria-live="polite">
        {status === "copied" ? "Copied" : status === "blocked" ? "Select to copy" : "Copy"}
      </span>
    </Button>
  );
}
