"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { formatDateTime } from "../format";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { useDashboard } from "./dashboard-context";
import { CHECKLIST_COOKIE, dismissedChecklists, setPreferenceCookie } from "./preferences";

export interface GettingStartedProgress {
  hasApplication: boolean;
  hasKey: boolean;
  /** When one of the merchant's keys last answered a request. */
  lastRequestAt: string | null;
  /** The app's public origin, for the curl line. */
  origin: string;
}

interface Step {
  title: string;
  done: boolean;
  body: ReactNode;
}

/** A new merchant's first four steps, each ticked as soon as it is done; dismissed per merchant in this browser. */
export function GettingStarted({ progress }: { progress: GettingStartedProgress }) {
  const { merchantId, mode, canManage } = useDashboard();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;

  const curl = `curl ${progress.origin}/api/v1/me \\\n  -H "Authorization: Bearer <your ${mode} key>"`;
  const someoneWho = canManage ? "" : " (an owner or admin does this)";
  const steps: Step[] = [
    {
      title: "Create an application",
      done: progress.hasApplication,
      body: (
        <>
          An application groups the keys of one backend.{someoneWho}{" "}
          <StepLink href="/dashboard/applications">Go to Applications</StepLink>
        </>
      ),
    },
    {
      title: "Create an API key",
      done: progress.hasKey,
      body: (
        <>
          Its secret is shown once: keep it in your backend&apos;s secrets.{someoneWho}{" "}
          <StepLink href="/dashboard/api-keys">Go to API keys</StepLink>
        </>
      ),
    },
    {
      title: "Make your first request",
      done: progress.lastRequestAt !== null,
      body: (
        <div className="space-y-2">
          <p>From a terminal or your backend, with your key in place of the placeholder:</p>
          <div className="flex items-start gap-2">
            <pre
              aria-label="First request"
              className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100"
            >
              {curl}
            </pre>
            <CopyButton value={curl} label="Copy the curl command" />
          </div>
        </div>
      ),
    },
    {
      title: "See it arrive",
      done: progress.lastRequestAt !== null,
      body: (
        <>
          {progress.lastRequestAt
            ? `Your keys last answered a request on ${formatDateTime(progress.lastRequestAt)}. `
            : "A key's last use shows a few seconds after its request. "}
          <StepLink href="/dashboard/logs">Open the request log</StepLink>
        </>
      ),
    },
  ];
  const doneCount = steps.filter((step) => step.done).length;

  function dismiss() {
    const others = dismissedChecklists(readCookie(CHECKLIST_COOKIE)).filter((id) => id !== merchantId);
    setPreferenceCookie(CHECKLIST_COOKIE, [...others.slice(-19), merchantId].join(","));
    setDismissed(true);
  }

  return (
    <section aria-labelledby="getting-started" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="getting-started" className="text-lg font-semibold">
            Get started
          </h2>
          <p className="text-sm text-slate-600">
            {doneCount === steps.length ? "All done: your integration works." : `${doneCount} of ${steps.length} done`}
          </p>
        </div>
        <Button size="sm" variant="ghost" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
      <ol className="space-y-4">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-3">
            <span
              aria-hidden
              className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                step.done ? "bg-emerald-600 text-white" : "border border-slate-300 text-slate-600"
              }`}
            >
              {step.done ? "✓" : index + 1}
            </span>
            <div className="min-w-0 flex-1 space-y-1 text-sm">
              <p className={`font-medium ${step.done ? "text-slate-500 line-through" : ""}`}>
                <span className="sr-only">{step.done ? "Done: " : "To do: "}</span>
                {step.title}
              </p>
              <div className="text-slate-600">{step.body}</div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-slate-900 underline underline-offset-2 hover:text-slate-700">
      {children}
    </Link>
  );
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}
