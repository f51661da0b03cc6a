"use client";

import dynamic from "next/dynamic";

function Placed({ Sonner }: { Sonner: typeof import("sonner").Toaster }) {
  return <Sonner position="bottom-right" richColors closeButton />;
}

/**
 * Where toasts appear (mounted once, in the dashboard layout). Toasts confirm what already happened, so sonner loads
 * after the page is interactive instead of with it.
 */
export const Toaster = dynamic(
  () =>
    import("sonner").then(({ Toaster: Sonner }) =>
      Object.assign(() => <Placed Sonner={Sonner} />, { displayName: "Toaster" }),
    ),
  { ssr: false },
);
