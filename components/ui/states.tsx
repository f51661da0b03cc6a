import type { ReactNode } from "react";
import { Button } from "./button";

export function LoadingState({ label }: { label: string }) {
  return (
    <p
      role="status"
      className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500"
    >
      {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

/** The API's errors carry the request id (`X-Request-Id`): shown so a person can quote it to support. */
export function ErrorState({ error, onRetry }: { error: Error & { requestId?: string | null }; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex items-center justify-between gap-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
    >
      <span>
        Could not load: {error.message}
        {error.requestId && <span className="block font-mono text-xs text-red-700">Request id: {error.requestId}</span>}
      </span>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
