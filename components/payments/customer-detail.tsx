"use client";

import Link from "next/link";
import { formatUnix, ModeBadge, ObjectId } from "./display";
import { DetailCard, DetailState, FieldList, MetadataAndEvents } from "./object-detail";
import { useCustomer } from "./use-payments";

export function CustomerDetail({ id }: { id: string }) {
  const customer = useCustomer(id);
  if (!customer.data) return <DetailState query={customer} />;
  const { data } = customer;
  return (
    <div className="space-y-4">
      <DetailCard title="Details">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <p className="text-xl font-semibold break-all">{data.name ?? data.email ?? data.id}</p>
          <ModeBadge livemode={data.livemode} />
          <Link
            href={`/dashboard/checkout-sessions?customer=${encodeURIComponent(data.id)}`}
            className="text-sm underline underline-offset-2 sm:ml-auto"
          >
            Checkout sessions of this customer
          </Link>
        </div>
        <FieldList
          fields={[
            ["ID", <ObjectId key="id" id={data.id} />],
            ["Name", data.name ?? "None"],
            ["E-mail", data.email ?? "None"],
            ["Description", data.description ?? "None"],
            ["Created", formatUnix(data.created)],
          ]}
        />
      </DetailCard>
      <MetadataAndEvents objectId={data.id} metadata={data.metadata} />
    </div>
  );
}
