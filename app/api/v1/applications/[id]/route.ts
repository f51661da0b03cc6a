import { retrieveApplication } from "@/lib/applications";
import { applications } from "@/lib/contract";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(applications.retrieve, ({ ctx, merchant, params }) =>
  retrieveApplication(ctx, { merchantId: merchant.id, id: params.id }),
);
