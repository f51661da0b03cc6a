import { paymentLinks } from "@/lib/contract";
import { archivePaymentLink } from "@/lib/payments";
import { preflight, route, withId } from "@/lib/route";

export const dynamic = "force-dynamic";

export const POST = route(paymentLinks.archive, withId(archivePaymentLink));

export const OPTIONS = preflight(paymentLinks.archive);
