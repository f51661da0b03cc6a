import type { EventDelivery } from "@/lib/contract/merchant-events";
import { formatDateTime } from "../format";
import { Badge, type BadgeTone } from "../ui/badge";
import { EmptyState } from "../ui/states";
import { Table, Td } from "../ui/table";

const TONE: Record<EventDelivery["status"], BadgeTone> = { pending: "warning", succeeded: "success", failed: "danger" };
const at = (seconds: number | null) =>
  seconds === null ? "—" : formatDateTime(new Date(seconds * 1000).toISOString());

function timing(delivery: EventDelivery) {
  const last = delivery.attempt_log.at(-1);
  return last ? `${last.duration_ms} ms` : "—";
}

function response(delivery: EventDelivery) {
  if (delivery.last_status_code !== null) return `HTTP ${delivery.last_status_code}`;
  return delivery.last_error ?? "—";
}

/** Every webhook delivery of one event: where it went, how it ended, how many tries, the last answer and its time. */
export function EventDeliveries({ deliveries }: { deliveries: EventDelivery[] }) {
  if (deliveries.length === 0)
    return (
      <EmptyState title="No webhook deliveries">
        No enabled webhook endpoint of this mode listened to this event type when it was recorded.
      </EmptyState>
    );
  return (
    <Table
      caption="Webhook deliveries"
      columns={["Endpoint", "Status", "Attempts", "Response", "Duration", "Last attempt"]}
    >
      {deliveries.map((delivery) => (
        <tr key={delivery.id} data-testid="delivery-row">
          <Td className="font-mono text-xs break-all">{delivery.endpoint_url}</Td>
          <Td>
            <Badge tone={TONE[delivery.status]}>{delivery.status}</Badge>
            {delivery.next_attempt_at !== null && (
              <span className="block text-xs text-slate-500">next {at(delivery.next_attempt_at)}</span>
            )}
          </Td>
          <Td>{delivery.attempts}</Td>
          <Td className="font-mono text-xs">{response(delivery)}</Td>
          <Td className="whitespace-nowrap">{timing(delivery)}</Td>
          <Td className="whitespace-nowrap text-slate-600">{at(delivery.last_attempt_at)}</Td>
        </tr>
      ))}
    </Table>
  );
}
