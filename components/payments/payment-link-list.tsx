"use client";

import Link from "next/link";
import type { PaymentLink } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatAmount } from "./money";
import { FilterBar, type FilterField } from "./filter-bar";
import { formatUnix, LinkStatusBadge, ObjectId } from "./display";
import { ListBody } from "./list-body";
import { ObjectTable, type ObjectColumn } from "./object-table";
import { useListState } from "./use-list-state";
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
  const { mode, canManage } = useDashboard();
  const state = useListState("payment-links");
  const list = usePaymentLinkList(state.query);
  return (
    <div className="space-y-4">
      <FilterBar fields={FIELDS} state={state} />
      <ListBody
        state={state}
        page={list}
        noun={`${mode} payment links`}
        start={
          canManage
            ? "Create one here, or with POST /api/v1/payment_links and an API key of this mode."
            : "An owner or admin creates them here; backends create them with POST /api/v1/payment_links."
        }
      >
        {(links: PaymentLink[]) => <ObjectTable caption="Payment links" columns={COLUMNS} rows={links} />}
      </ListBody>
    </div>
  );
}
