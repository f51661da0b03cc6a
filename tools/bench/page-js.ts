// The JavaScript a dashboard page makes the browser load (`npx tsx tools/bench/page-js.ts` after `npm run build`;
// run.ts runs it too): a signed-in owner's first HTML of each page below, every <script src> in it (but `noModule`
// ones) fetched and
// gzipped (level 6, what servers and CDNs send), and the sum against the 150 KB target. Chunks that load later
// (a dialog's form, the API client on the first browser-side fetch) are not in the HTML, so they are not counted.
import "./database";
import { DATABASE_URL } from "./database";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import type { Scenario } from "./scenario";

const PAGES = ["/dashboard/api-keys", "/dashboard/applications", "/dashboard"];
const TARGET_KB = 150;

/** The scripts of one page's HTML: each chunk's path and its gzipped size in bytes. */
async function pageScripts(url: string, cookie: string) {
  const html = await (await fetch(url, { headers: { Cookie: cookie } })).text();
  // A `noModule` script (Next.js's polyfills) is only for browsers without ES modules: a current browser skips it.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]).filter((tag) => !/nomodule/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /src="([^"]+)"/.exec(tag)?.[1] ?? []))];
  const origin = new URL(url).origin;
  return Promise.all(
    sources.map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
      return { src, raw: body.length, gzip: gzipSync(body, { level: 6 }).length };
    }),
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function pageJsBench(): Promise<string> {
  const { db } = await import("@/lib/db");
  const { signIn } = await import("@/test/support/fixtures");
  const { cookie } = await signIn();
  await db.$disconnect();
  const { startNextServer } = await import("@/test/support/next-server");
  const server = await startNextServer({ DATABASE_URL }, { logFile: ".data/bench-page-js-server.log" });
  try {
    console.log("\nPage JavaScript: the <script src> chunks of a signed-in owner's first HTML, gzip level 6\n");
    console.log("| page | chunks | raw | gzip | target |");
    console.log("|---|---|---|---|---|");
    let keysPage = 0;
    for (const page of PAGES) {
      const scripts = await pageScripts(`${server.url}${page}`, cookie);
      const gzip = scripts.reduce((sum, script) => sum + script.gzip, 0);
      const raw = scripts.reduce((sum, script) => sum + script.raw, 0);
      if (page === PAGES[0]) keysPage = gzip;
      const verdict = gzip <= TARGET_KB * 1024 ? "met" : "MISSED";
      console.log(`| ${page} | ${scripts.length} | ${kb(raw)} | ${kb(gzip)} | ≤ ${TARGET_KB} KB: ${verdict} |`);
      if (process.argv.includes("--chunks")) {
        for (const script of scripts.sort((a, b) => b.gzip - a.gzip))
          console.log(`|   ${script.src} | | ${kb(script.raw)} | ${kb(script.gzip)} | |`);
      }
    }
    return `page JS: /dashboard/api-keys loads ${kb(keysPage)} gzip (target ≤ ${TARGET_KB} KB)`;
  } finally {
    await server.stop("SIGTERM");
  }
}

export const pageJsScenario: Scenario = { name: "page js", run: pageJsBench };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { applyMigrations } = await import("../db/migrate");
  await applyMigrations(DATABASE_URL);
  await pageJsBench();
  process.exit(0);
}
