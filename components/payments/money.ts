// Amounts: the API's minor units (cents for usd) shown in the currency's major units with its symbol.

const LOCALE = "en-US";

function currencyFormat(currency: string, extra: Intl.NumberFormatOptions = {}) {
  try {
    return new Intl.NumberFormat(LOCALE, { style: "currency", currency: currency.toUpperCase(), ...extra });
  } catch {
    return null; // not a well-formed code: shown as a plain number with the code
  }
}

/** How many minor-unit digits the currency has, as ISO 4217 (and Intl) say: usd 2, jpy 0, kwd 3. */
export function minorUnitDigits(currency: string): number {
  return currencyFormat(currency)?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** `formatAmount(1250, "usd")` is "$12.50"; `formatAmount(1000, "jpy")` is "¥1,000". */
export function formatAmount(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const major = amount / 10 ** digits;
  const format = currencyFormat(currency, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format ? format.format(major) : `${major.toFixed(digits)} ${currency.toUpperCase()}`;
}

/**
 * A price typed in major units ("12.50" in usd) as the API's minor units (1250), or why it cannot be one. The
 * result then goes through the API's own schema, which checks the rest (positive, at most 99,999,999).
 */
export function toMinorUnits(text: string, currency: string): { amount: number } | { error: string } {
  const digits = minorUnitDigits(currency);
  const trimmed = text.trim().replace(/,/g, "");
  if (!trimmed) return { error: "Amount is required" };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return { error: "Amount must be a number such as 12.50" };
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    const unit = currency.toUpperCase();
    return {
      error:
        digits === 0
          ? `Amount in ${unit} has no decimals`
          : `Amount in ${unit} has at most ${digits} decimal${digits === 1 ? "" : "s"}`,
    };
  }
  return { amount: Number(`${match[1]}${fraction.padEnd(digits, "0")}`) };
}
