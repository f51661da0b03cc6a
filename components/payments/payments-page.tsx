import Link from "next/link";
import type { ReactNode } from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { LiveModeBanner } from "./live-banner";

/** The frame of every payments page: its heading, the live banner, and URL state (nuqs) for what it holds. */
export function PaymentsPage({
  title,
  description,
  back,
  actions,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  back?: { href: string; label: string };
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <NuqsAdapter>
      <section className="space-y-6">
        <LiveModeBanner />
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0 space-y-1">
            {back && (
              <Link href={back.href} className="text-sm text-slate-600 underline-offset-2 hover:underline">
                ← {back.label}
              </Link>
            )}
            <h1 className="text-2xl font-semibold break-words">{title}</h1>
            {description && <div className="text-slate-600">{description}</div>}
          </div>
          {actions}
        </div>
        {children}
      </section>
    </NuqsAdapter>
  );
}
