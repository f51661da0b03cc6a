import { merchantCustomers } from "@/lib/contract";
import { createMerchantCustomer, listMerchantCustomers } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantCustomers.list, ({ ctx, merchant, query }) =>
  listMerchantCustomers(ctx, { merchantId: merchant.id, query }),
);

export const POST = route(merchantCustomers.create, async ({ ctx, merchant, body, audit }) => {
  const customer = await createMerchantCustomer(ctx, { merchantId: merchant.id, customer: body });
  await audit("customer.created", { type: "customer", id: customer.id }, { livemode: customer.livemode });
  return customer;
});
