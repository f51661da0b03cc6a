/** The fields of the endpoint forms (add and edit), their labels, and the API params that point at them. */
export type EndpointField = "url" | "enabled_events" | "description";
export const ENDPOINT_LABELS: Record<EndpointField, string> = {
  url: "URL",
  enabled_events: "Events",
  description: "Description",
};
export const ENDPOINT_PARAM_TO_FIELD: Record<string, EndpointField> = {
  url: "url",
  enabled_events: "enabled_events",
  description: "description",
};

/** The Events field's text ("*" or "a.b, c.d") as the list the API takes; the shared schema checks each type. */
export function eventsFromText(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((type) => type.trim())
    .filter(Boolean);
}

/** What a form's text fields say, as the API's body takes it (an empty description is no description). */
export function endpointInput(values: Record<EndpointField, string>) {
  return {
    url: values.url.trim(),
    enabled_events: eventsFromText(values.enabled_events),
    description: values.description.trim() || undefined,
  };
}
