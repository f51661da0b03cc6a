import { json } from "@/lib/api";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { listMerchantsOf } from "@/lib/merchants";

export const dynamic = "force-dynamic";

// The discovery route a portal tool uses: the signed-in user's merchants, with their role in each.
export const GET = withSession({}, async ({ user }) => json({ items: await listMerchantsOf(db, user.id) }));
