"use client";

import Link from "next/link";
import type { Customer } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { FilterBar, type FilterField } from "./filter-bar";
import { formatUnix, ObjectId } from "./display";
import { ListBody } from "./list-body";
import { ObjectTable, type ObjectColumn } from "./object-table";
import { useListState } from "./use-list-state";
import { useCustomerList } from "./use-payments";

const FIELDS: FilterField[] = [
  { name: "q", label: "Search", type: "text", placeholder: "cus_…, e-mail, name or description" },
  { name: "from", label: "Created from", type: "date" },
  { name: "to", label: "Created to", type: "date" },
];

const none = <span className="text-slate-400">None</span>;

const COLUMNS: ObjectColumn<Customer>[] = [
  {
    label: "Customer",
    cell: (customer) => (
      <Link
        href={`/dashboard/customers/${customer.id}`}
        className="font-medium break-all underline-offset-2 hover:underline"
      >
        {customer.name ?? customer.email ?? customer.id}
      </Link>
    ),
  },
  { label: "E-mail", cell: (customer) => customer.email ?? none, className: "break-all" },
  { label: "Description", cell: (customer) => customer.description ?? none },
  { label: "Created", cell: (customer) => formatUnix(customer.created), className: "whitespace-nowrap text-slate-600" },
  { label: "ID", cell: (customer) => <ObjectId id={customer.id} /> },
];

export function CustomerList() {
  const { mode, canManage } = useDashboard();
  const state = useListState("customers");
  const list = useCustomerList(state.query);
  return (
    <div className="space-y-4">
      <FilterBar fields={FIELDS} state={state} />
      <ListBody
        state={state}
        page={list}
        noun={`${mode} customers`}
        start={
          canManage
            ? "Create one here, or with POST /api/v1/customers and an API key of this mode."
            : "An owner or admin creates them here; backends create them with POST /api/v1/customers."
        }
      >
        {(customers: Customer[]) => <ObjectTable caption="Customers" columns={COLUMNS} rows={customers} />}
      </ListBody>
    </div>
  );
}
