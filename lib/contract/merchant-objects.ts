import { z } from "zod";
import { keyModeSchema } from "./api-keys";
import { collection, management, member } from "./operation";

/**
 * The dashboard's view of the objects API keys create (payment links, customers, checkout sessions): the current
 * merchant's, read by every member and changed by who manages settings (owner, admin), at `/api/v1/merchant/…`.
 * A list shows one mode (`mode`, test unless given), as the Test / Live toggle does; an object is addressed by its
 * id in either mode, and answers its `livemode`.
 */
export function merchantCollection<const Path extends `/api/v1/merchant/${string}`, const Obj extends z.ZodType>(
  path: Path,
  object: Obj,
) {
  return collection({ tag: management.tag, path, read: member(), write: member("settings.manage"), object });
}

/** Which mode a dashboard list shows, or a dashboard create makes. */
export const modeQuery = { mode: keyModeSchema.default("test").describe("test (the default) or live") };
