"use client";

import { KEY_RESOURCES, SCOPES, type Scope } from "@/lib/contract/vocabulary";

const ACTIONS = ["read", "write"] as const;
/** Rows in the order of KEY_RESOURCES: links, sessions, webhooks, events (read only), customers. */
const RESOURCES = Object.keys(KEY_RESOURCES);

function scopeOf(resource: string, action: (typeof ACTIONS)[number]): Scope | undefined {
  return SCOPES.find((scope) => scope === `${resource}:${action}`);
}

/** Scopes as a resource × read/write grid of checkboxes; a cell with no such scope shows a dash. */
export function ScopeGrid({
  value,
  onChange,
  error,
  description = "A key can do only what you tick. Read does not imply write. No scopes: the key can only call /api/v1/me.",
}: {
  value: readonly Scope[];
  onChange: (scopes: Scope[]) => void;
  error?: string;
  description?: string;
}) {
  function toggle(scope: Scope, checked: boolean) {
    onChange(checked ? SCOPES.filter((s) => s === scope || value.includes(s)) : value.filter((s) => s !== scope));
  }

  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">Scopes</legend>
      <p className="text-xs text-slate-500">{description}</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="py-1 font-medium">
              Resource
            </th>
            {ACTIONS.map((action) => (
              <th key={action} scope="col" className="w-20 py-1 text-center font-medium capitalize">
                {action}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {RESOURCES.map((resource) => (
            <tr key={resource}>
              <th scope="row" className="py-1.5 text-left font-normal capitalize">
                {resource}
              </th>
              {ACTIONS.map((action) => {
                const scope = scopeOf(resource, action);
                return (
                  <td key={action} className="text-center">
                    {scope ? (
                      <input
                        type="checkbox"
                        aria-label={`${resource} ${action}`}
                        checked={value.includes(scope)}
                        onChange={(e) => toggle(scope, e.target.checked)}
                      />
                    ) : (
                      <span aria-label={`no ${resource} ${action} scope`} className="text-slate-300">
                        —
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
