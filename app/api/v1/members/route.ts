import { json } from "@/lib/api";
import { withSession } from "@/lib/auth/with-session";
import { db } from "@/lib/db";
import { listMembers } from "@/lib/merchants";

export const dynamic = "force-dynamic";

export const GET = withSession({}, async ({ merchant }) => json(await listMembers(db, merchant.id)));
