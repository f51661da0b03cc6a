import { config } from "zod";

// The pages' CSP forbids eval (proxy.ts). Zod would probe for it with `new Function` when it builds its first object
// schema, and the browser reports the refused probe as a CSP violation; without eval zod parses forms just as well.
config({ jitless: true });
