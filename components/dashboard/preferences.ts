// Cookies the dashboard shares between server and browser. No "use client": the layout reads them too.
import type { KeyMode } from "@/lib/contract/api-keys";

/** The test / live toggle; test unless the person chose live. */
export const MODE_COOKIE = "mc_mode";
/** The current merchant; the same name as lib/accounts/session's MERCHANT_COOKIE, which the session authenticator reads. */
export const MERCHANT_COOKIE = "mc_merchant";
/** The merchants whose "Get started" checklist this browser dismissed, comma-separated. */
export const CHECKLIST_COOKIE = "mc_checklist_dismissed";

export function modeFromCookie(value: string | undefined): KeyMode {
  return value === "live" ? "live" : "test";
}

export function dismissedChecklists(value: string | undefined): string[] {
  return value ? decodeURIComponent(value).split(",").filter(Boolean) : [];
}

type PreferenceCookie = typeof MODE_COOKIE | typeof MERCHANT_COOKIE | typeof CHECKLIST_COOKIE;

/** Sets a dashboard preference cookie for a year, for the whole site (the API reads mc_merchant too). */
export function setPreferenceCookie(name: PreferenceCookie, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}
