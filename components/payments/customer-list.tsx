"use client";

import Link from "next/link";
import type { Customer } from "@/lib/contract";
import type { FilterField } from "./filter-bar";
import { formatUnix, ObjectId } from "./display";
import { ObjectList, type ObjectColumn } from "./object-list";
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
  return (
    <ObjectList
      kind="customers"
      caption="Customers"
      fields={FIELDS}
      columns={COLUMNS}
      useList={useCustomerList}
      createdWith="POST /api/v1/customers"
      createdHere
    />
  );
}
