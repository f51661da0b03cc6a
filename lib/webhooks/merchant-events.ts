import type { Context } from "../context";
import { merchantEvents, type EventDetail, type MerchantEventListQuery } from "../contract/merchant-events";
import { listEvents, serializeEvent } from "../events";
import { notFound } from "../http/errors";
import { serializeWebhookDelivery } from "./endpoints";

/** The dashboard's Events page: the merchant's events of one mode, with the v1 list's filters. */
export async function listMerchantEvents(
  ctx: Context,
  { merchantId, query }: { merchantId: string; query: MerchantEventListQuery },
) {
  const { mode, ...filters } = query;
  const url = merchantEvents.list.path;
  let livemode = mode === "live";
  if (mode === undefined && filters.object !== undefined) {
    // An object's events are all of the object's mode: its page lists them whichever mode the toggle shows.
    const first = await ctx.db.event.findFirst({
      where: { ownerId: merchantId, objectId: filters.object },
      select: { livemode: true },
    });
    if (!first) return { object: "list" as const, url, has_more: false, data: [] };
    livemode = first.livemode;
  }
  const list = await listEvents(ctx, { owner: { ownerId: merchantId, livemode }, query: filters });
  return { ...list, url };
}

/** One event of the merchant, whichever its mode, with every webhook delivery it queued and the endpoint's URL. */
export async function retrieveMerchantEvent(
  { db }: Context,
  { merchantId, id }: { merchantId: string; id: string },
): Promise<EventDetail> {
  const row = await db.event.findFirst({
    where: { id, ownerId: merchantId },
    include: { deliveries: { include: { endpoint: { select: { url: true } } }, orderBy: { id: "asc" } } },
  });
  if (!row) throw notFound("event", id);
  return {
    ...serializeEvent(row),
    deliveries: row.deliveries.map(({ endpoint, ...delivery }) => ({
      ...serializeWebhookDelivery({ ...delivery, event: { type: row.type } }),
      endpoint_url: endpoint.url,
    })),
  };
}
