// Types only: the objects of the API, as the contract's zod schemas define them.
import type { z } from "zod";
import type { OperationSpec } from "../contract";

export type {
  ApiKeySelf,
  ApiKeyView,
  Application,
  ApplicationPage,
  CheckoutSession,
  CreatedKey,
  CreatedWebhookEndpoint,
  Customer,
  DeletedWebhookEndpoint,
  ErrorEnvelope,
  Event,
  MerchantKey,
  PaymentLink,
  RolledKey,
  Usage,
  UsageBucket,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookTestResult,
} from "../contract";

export interface List<T> {
  object: "list";
  url: string;
  has_more: boolean;
  data: T[];
}

/** What an operation answers. */
export type ResponseOf<Op extends OperationSpec> = z.output<Op["response"]>;
/** What an operation's body takes (before defaults apply). */
export type BodyParams<Op extends OperationSpec> = Op["body"] extends z.ZodType ? z.input<Op["body"]> : never;
