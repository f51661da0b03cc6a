import { paymentLinks } from "@/lib/contract";
import { retrievePaymentLink, updatePaymentLink } from "@/lib/payments";
import { preflight, route, withChanges, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

export const GET = route(paymentLinks.retrieve, withId(retrievePaymentLink));

export const PATCH = route(paymentLinks.update, withChanges(updatePaymentLink));

export const OPTIONS = preflight(paymentLinks.retrieve, paymentLinks.update);
