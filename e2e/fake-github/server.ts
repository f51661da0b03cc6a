// A stand-in for GitHub's OAuth and user API, for end-to-end sign-in without the internet. The app reaches it
// through GITHUB_BASE_URL (the GitHub provider's enterprise.baseUrl). Its authorize page asks which GitHub user
// to sign in as, so a spec can sign in as anyone.
import { createHash, randomBytes } from "node:crypto";
import { config } from "../../lib/config";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const port = config.FAKE_GITHUB_PORT;
const codes = new Map<string, { login: string; challenge: string | null; redirectUri: string }>();
const tokens = new Map<string, string>(); // access token -> login

const userId = (login: string) => Number.parseInt(createHash("sha256").update(login).digest("hex").slice(0, 8), 16);
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(response: ServerResponse, status: number, body: unknown, type = "application/json") {
  response.writeHead(status, { "Content-Type": type });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

function bearerLogin(request: IncomingMessage): string | undefined {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  return token ? tokens.get(token) : undefined;
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${port}`);
  try {
    if (url.pathname === "/login/oauth/authorize" && request.method === "GET") {
      const hidden = [...url.searchParams]
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join("");
      return send(
        response,
        200,
        `<!doctype html><title>Fake GitHub</title><h1>Authorize Merchant Console</h1>
        <form method="post">${hidden}<label>GitHub user name <input name="login" required autofocus></label>
        <button type="submit">Authorize</button></form>`,
        "text/html",
      );
    }
    if (url.pathname === "/login/oauth/authorize" && request.method === "POST") {
      const form = await readForm(request);
      const redirectUri = form.get("redirect_uri") ?? "";
      const code = randomBytes(16).toString("hex");
      codes.set(code, { login: (form.get("login") ?? "").trim(), challenge: form.get("code_challenge"), redirectUri });
      const target = new URL(redirectUri);
      target.searchParams.set("code", code);
      if (form.get("state")) target.searchParams.set("state", form.get("state") ?? "");
      response.writeHead(302, { Location: target.toString() });
      return response.end();
    }
    if (url.pathname === "/login/oauth/access_token" && request.method === "POST") {
      const form = await readForm(request);
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const pkceOk = !grant?.challenge || createHash("sha256").update(verifier).digest("base64url") === grant.challenge;
      if (!grant || !pkceOk || form.get("redirect_uri") !== grant.redirectUri)
        return send(response, 400, { error: "bad_verification_code" });
      const token = `gho_${randomBytes(16).toString("hex")}`;
      tokens.set(token, grant.login);
      return send(response, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
    }
    if (url.pathname === "/api/v3/user") {
      const login = bearerLogin(request);
      if (!login) return send(response, 401, { message: "Bad credentials" });
      // No public e-mail, like many real accounts: the provider then asks /user/emails.
      return send(response, 200, {
        id: userId(login),
        login,
        name: `${login[0]?.toUpperCase()}${login.slice(1)}`,
        email: null,
        avatar_url: null,
      });
    }
    if (url.pathname === "/api/v3/user/emails") {
      const login = bearerLogin(request);
      if (!login) return send(response, 401, { message: "Bad credentials" });
      return send(response, 200, [{ email: `${login.toLowerCase()}@example.com`, primary: true, verified: true }]);
    }
    if (url.pathname === "/health") return send(response, 200, { ok: true });
    send(response, 404, { message: "Not Found" });
  } catch (error) {
    send(response, 500, { message: String(error) });
  }
});

server.listen(port, "127.0.0.1", () => console.log(`fake GitHub on http://127.0.0.1:${port}`));
