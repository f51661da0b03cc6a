"use client";

import Link from "next/link";
import type { CheckoutSession } from "@/lib/contract";
import { CHECKOUT_SESSION_STATUSES } from "@/lib/contract/checkout-sessions";
import type { FilterField } from "./filter-bar";
import { formatUnix, ObjectId, SessionStatusBadge } from "./display";
import { formatAmount } from "./money";
import { ObjectList, type ObjectColumn } from "./object-list";
import { useCheckoutSessionList } from "./use-payments";

const FIELDS: FilterField[] = [
  { name: "q", label: "Search", type: "text", placeholder: "cs_…, cus_… or plink_…" },
  {
    name: "status",
    label: "Status",
    type: "select",
    options: [
      { value: "", label: "Any status" },
      ...CHECKOUT_SESSION_STATUSES.map((status) => ({
        value: status,
        label: status[0]?.toUpperCase() + status.slice(1),
      })),
    ],
  },
  { name: "customer", label: "Customer", type: "text", placeholder: "cus_…" },
  { name: "currency", label: "Currency", type: "text", placeholder: "usd" },
  { name: "from", label: "Created from", type: "date" },
  { name: "to", label: "Created to", type: "date" },
];

const COLUMNS: ObjectColumn<CheckoutSession>[] = [
  {
    label: "Amount",
    cell: (session) => (
      <Link
        href={`/dashboard/checkout-sessions/${session.id}`}
        className="font-medium whitespace-nowrap underline-offset-2 hover:underline"
      >
        {formatAmount(session.amount, session.currency)}
      </Link>
    ),
  },
  { label: "Status", cell: (session) => <SessionStatusBadge session={session} /> },
  {
    label: "Customer",
    cell: (session) =>
      session.customer ? (
        <Link
          href={`/dashboard/customers/${session.customer}`}
          className="font-mono text-xs break-all underline-offset-2 hover:underline"
        >
          {session.customer}
        </Link>
      ) : (
        <span className="text-slate-400">None</span>
      ),
  },
  { label: "Created", cell: (session) => formatUnix(session.created), className: "whitespace-nowrap text-slate-600" },
  {
    label: "Expires",
    cell: (session) => formatUnix(session.expires_at),
    className: "whitespace-nowrap text-slate-600",
  },
  { label: "ID", cell: (session) => <ObjectId id={session.id} /> },
];

export function CheckoutSessionList() {
  return (
    <ObjectList
      kind="checkout-sessions"
      caption="Checkout sessions"
      fields={FIELDS}
      columns={COLUMNS}
      useList={useCheckoutSessionList}
      createdWith="POST /api/v1/checkout_sessions"
    />
  );
}
