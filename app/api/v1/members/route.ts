import { members } from "@/lib/contract";
import { listMembers } from "@/lib/accounts/merchants";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(members.list, ({ ctx, merchant }) => listMembers(ctx, { merchantId: merchant.id }));
