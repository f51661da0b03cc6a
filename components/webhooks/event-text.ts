/** The Events field's text ("*" or "a.b, c.d") as the list the API takes; the shared schema checks each type. */
export function eventsFromText(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((type) => type.trim())
    .filter(Boolean);
}
