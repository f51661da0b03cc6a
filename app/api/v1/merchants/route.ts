import { merchants } from "@/lib/contract";
import { listMerchantsOf } from "@/lib/accounts/merchants";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// The discovery route: which merchants the caller belongs to, and their role in each.
export const GET = route(merchants.list, ({ ctx, user }) => listMerchantsOf(ctx, { userId: user.id }));
