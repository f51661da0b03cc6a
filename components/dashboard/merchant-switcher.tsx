"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import type { MerchantMembership } from "@/lib/contract";
import { MERCHANT_COOKIE, setPreferenceCookie } from "./preferences";

/** Switching merchant sets the cookie the session authenticator and the layout read, then re-renders with the new merchant. */
export function MerchantSwitcher({ merchants, currentId }: { merchants: MerchantMembership[]; currentId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function choose(merchantId: string) {
    setPreferenceCookie(MERCHANT_COOKIE, merchantId);
    // An application page belongs to the previous merchant: go to the list instead of a 404.
    startTransition(() => {
      if (pathname.startsWith("/dashboard/applications/")) router.push("/dashboard/applications");
      else router.refresh();
    });
  }

  const current = merchants.find((merchant) => merchant.id === currentId);
  return (
    <select
      aria-label="Merchant"
      // A long name is cut to the control's width: the title shows it whole.
      title={current ? `${current.name} (${current.role})` : undefined}
      value={currentId}
      disabled={pending}
      onChange={(event) => choose(event.target.value)}
      className="w-full truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none xl:w-auto xl:max-w-44"
    >
      {merchants.map((merchant) => (
        <option key={merchant.id} value={merchant.id}>
          {merchant.name} ({merchant.role})
        </option>
      ))}
    </select>
  );
}
