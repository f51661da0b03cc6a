/** Metadata typed one `key=value` a line; blank lines are skipped. The API's schema checks the keys and values. */
export function parseMetadata(text: string): { metadata?: Record<string, string> } | { error: string } {
  const metadata: Record<string, string> = {};
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const at = line.indexOf("=");
    if (at <= 0) return { error: `Metadata, line ${index + 1}: write it as key=value` };
    metadata[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return Object.keys(metadata).length > 0 ? { metadata } : {};
}
