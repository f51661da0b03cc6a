import { merchantCustomers } from "@/lib/contract";
import { retrieveMerchantCustomer } from "@/lib/payments";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(merchantCustomers.retrieve, ({ ctx, merchant, params }) =>
  retrieveMerchantCustomer(ctx, { merchantId: merchant.id, id: params.id }),
);
