import type { MerchantKey } from "@/lib/contract";

/** A row of the keys table: the key, and (for the old secret of a roll) the successor it sits under. */
export interface KeyRowEntry {
  key: MerchantKey;
  successor: MerchantKey | null;
}

/**
 * The page's keys, newest first, with each rolled key moved right under the key that replaced it (the successor is
 * newer, so it comes first). A rolled key whose successor is on another page stays where it is.
 */
export function groupRolled(keys: readonly MerchantKey[]): KeyRowEntry[] {
  const byId = new Map(keys.map((key) => [key.id, key]));
  const placed = new Set<string>();
  const rows: KeyRowEntry[] = [];
  const place = (key: MerchantKey, successor: MerchantKey | null) => {
    placed.add(key.id);
    rows.push({ key, successor });
    const predecessor = key.rolledFromId ? byId.get(key.rolledFromId) : undefined;
    if (predecessor && !placed.has(predecessor.id)) place(predecessor, key);
  };
  for (const key of keys) if (!placed.has(key.id)) place(key, null);
  return rows;
}
