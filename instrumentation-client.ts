// The pages' CSP forbids eval (proxy.ts). Zod would probe for it with `new Function` when it builds its first object
// schema, and the browser reports the refused probe as a CSP violation; without eval zod parses forms just as well.
// Zod 4 reads its configuration from globalThis.__zod_globalConfig (shared by every copy of zod), so setting it here
// keeps zod itself out of every page's first load: it loads with the forms that use it.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };
