import { describe, expect, it } from "vitest";
import { auditCsv, csvField } from "@/components/audit/audit-csv";
import { db } from "@/lib/db";
import { ManagementClient } from "@/lib/sdk";
import { failure, routeTestServer, signIn } from "@/test/support";

const server = routeTestServer();

type Session = { cookie: string };
/** A dashboard call with the session cookie (and the app's Origin on mutations, as the browser sends). */
async function dashboard(session: Session, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { "Content-Type": "application/json", Cookie: session.cookie };
  if (method !== "GET") headers.Origin = server.url;
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** An owner who made an application and a key in the dashboard, then an application with a management token. */
async function auditedMerchant() {
  const owner = await signIn();
  const app = (await dashboard(owner, "POST", "/applications", { name: "Shop" })).body;
  await dashboard(owner, "POST", `/applications/${app.id}/api-keys`, { description: "server" });
  const created = (await dashboard(owner, "POST", "/management-tokens", { name: "CI deploys", expiresIn: "1h" })).body;
  const client = new ManagementClient({ apiKey: created.token, baseUrl: server.url, maxRetries: 0 });
  const byToken = await client.applications.create({ name: "From CI" });
  return { owner, app, token: created, client, byToken };
}

describe("GET /api/v1/audit-events", () => {
  it("lists every change newest first, naming the user or the management token that made it", async () => {
    const { owner, app, token, client, byToken } = await auditedMerchant();
    const list = await client.auditEvents.list({ limit: 10 });
    expect(list.data.map((event) => event.action)).toEqual([
      "application.created",
      "management_token.created",
      "api_key.created",
      "application.created",
    ]);
    const [fromToken, , , first] = list.data;
    expect(fromToken).toMatchObject({
      object: "audit_event",
      actor: {
        type: "management_token",
        id: token.id,
        name: "CI deploys",
        email: owner.user.email,
        userId: owner.user.id,
      },
      target: { type: "application", id: byToken.id },
      ip: "127.0.0.1",
      metadata: { name: "From CI" },
    });
    expect(first).toMatchObject({
      actor: { type: "user", id: owner.user.id, name: owner.user.name, email: owner.user.email },
      target: { type: "application", id: app.id },
    });
    expect(Date.parse(first?.createdAt ?? "")).not.toBeNaN();
    expect(list).toMatchObject({ object: "list", url: "/api/v1/audit-events", has_more: false });
  });

  it("filters by actor, action, target and time, and pages with starting_after", async () => {
    const { owner, app, token, client } = await auditedMerchant();
    const actions = async (query: Parameters<typeof client.auditEvents.list>[0]) =>
      (await client.auditEvents.list(query)).data.map((event) => event.action);

    expect(await actions({ actor: token.id })).toEqual(["application.created"]);
    // A user's filter includes what their tokens did on their behalf.
    expect(await actions({ actor: owner.user.id })).toHaveLength(4);
    expect(await actions({ action: "api_key.created" })).toEqual(["api_key.created"]);
    expect(await actions({ target: app.id })).toEqual(["application.created"]);

    const old = await db.auditEvent.create({
      data: {
        merchantId: owner.merchantId,
        actorUserId: owner.user.id,
        action: "application.disabled",
        targetType: "application",
        targetId: app.id,
        createdAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const jan2 = Date.parse("2026-01-02T00:00:00Z") / 1000;
    expect(await actions({ "created[lt]": jan2 })).toEqual(["application.disabled"]);
    expect(await actions({ "created[gte]": jan2, target: app.id })).toEqual(["application.created"]);

    const seen: string[] = [];
    let startingAfter: string | undefined;
    for (let page = 0; page < 5; page++) {
      const list = await client.auditEvents.list({ limit: 2, starting_after: startingAfter });
      seen.push(...list.data.map((event) => event.id));
      startingAfter = list.data.at(-1)?.id;
      if (!list.has_more) break;
    }
    const all = (await client.auditEvents.list({ limit: 100 })).data.map((event) => event.id);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(5);
    expect(all.at(-1)).toBe(old.id);
  });

  it("refuses a cursor of another merchant and bad filters with a 400 that names the parameter", async () => {
    const { client } = await auditedMerchant();
    const other = await auditedMerchant();
    const foreign = (await other.client.auditEvents.list({ limit: 1 })).data[0]?.id ?? "";
    const cursor = await failure(client.auditEvents.list({ starting_after: foreign }));
    expect([cursor.status, cursor.code, cursor.param]).toEqual([400, "cursor_invalid", "starting_after"]);
    const time = await failure(client.auditEvents.list({ "created[gte]": -1 }));
    expect([time.status, time.code]).toEqual([400, "parameter_invalid"]);
    const mine = (await client.auditEvents.list({ limit: 100 })).data.map((event) => event.target.id);
    expect(mine).not.toContain(other.byToken.id);
  });

  it("is read by every member of the merchant, and by no one else", async () => {
    const { owner } = await auditedMerchant();
    for (const role of ["viewer", "developer", "admin"] as const) {
      const member = await signIn({ merchantId: owner.merchantId, role });
      const { status, body } = await dashboard(member, "GET", "/audit-events?limit=100");
      expect(status).toBe(200);
      expect(body.data).toHaveLength(4);
    }
    const stranger = await signIn();
    const { body } = await dashboard(stranger, "GET", "/audit-events");
    expect(body.data).toEqual([]);
  });
});

describe("the audit log's CSV", () => {
  it("quotes commas, quotes and line breaks, and neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField(null)).toBe("");
    expect(csvField("plain")).toBe("plain");
  });

  it("holds each filtered row of the log, with hostile names kept as text", async () => {
    const owner = await signIn();
    const hostile = '=cmd|" /C calc"!A0, and\nmore';
    await dashboard(owner, "POST", "/applications", { name: hostile });
    const { body } = await dashboard(owner, "GET", "/audit-events?action=application.created");
    const csv = auditCsv(body.data);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(
      "time,actor_type,actor_id,actor_name,actor_email,action,target_type,target_id,ip,user_agent,metadata",
    );
    expect(row).toContain(`,user,${owner.user.id},${owner.user.name},${owner.user.email},application.created,`);
    // The metadata cell is JSON of the name: quoted (it holds quotes and a comma), its newline kept inside.
    expect(row).toContain(`"{""name"":""=cmd|\\"" /C calc\\""!A0, and\\nmore""}"`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
