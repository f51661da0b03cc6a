"use client";

import Link from "next/link";
import type { PaymentLink } from "@/lib/contract";
import { formatAmount } from "./money";
import type { FilterField } from "./filter-bar";
import { formatUnix, LinkStatusBadge, ObjectId } from "./display";
import { ObjectList, type ObjectColumn } from "./object-list";
import { usePaymentLinkList } from "./use-payments";

const FIELDS: FilterField[] = [
  { name: "q", label: "Search", type: "text", placeholder: "plink_… or description" },
  {
    name: "status",
    label: "Status",
    type: "select",
    options: [
      { value: "", label: "Any status" },
      { value: "active", label: "Active" },
      { value: "archived", label: "Archived" },
    ],
  },
  { name: "currency", label: "Currency", type: "text", placeholder: "usd" },
  { name: "from", label: "Created from", type: "date" },
  { name: "to", label: "Created to", type: "date" },
];

const COLUMNS: ObjectColumn<PaymentLink>[] = [
  {
    label: "Amount",
    cell: (link) => (
      <Link
        href={`/dashboard/payment-links/${link.id}`}
        className="font-medium whitespace-nowrap underline-offset-2 hover:underline"
      >
        {formatAmount(link.amount, link.currency)}
      </Link>
    ),
  },
  { label: "Description", cell: (link) => link.description ?? <span className="text-slate-400">None</span> },
  { label: "Status", cell: (link) => <LinkStatusBadge link={link} /> },
  { label: "Created", cell: (link) => formatUnix(link.created), className: "whitespace-nowrap text-slate-600" },
  { label: "ID", cell: (link) => <ObjectId id={link.id} /> },
];

export function PaymentLinkList() {
  return (
    <ObjectList
      kind="payment-links"
      caption="Payment links"
      fields={FIELDS}
      columns={COLUMNS}
      useList={usePaymentLinkList}
      createdWith="POST /api/v1/payment_links"
      createdHere
    />
  );
}
