import { MerchantConsoleError } from "../api";

/** The request id of a failed dashboard call, to quote to support (or to find in the logs). */
export function RequestIdNote({ error }: { error: Error }) {
  if (!(error instanceof MerchantConsoleError) || !error.requestId) return null;
  return (
    <p className="text-xs text-slate-600">
      Request id: <span className="font-mono">{error.requestId}</span>
    </p>
  );
}
