import { describe, expect, it } from "vitest";
import { applications, operations, paymentLinks } from "../contract";
import { curlExample } from "./curl";

const ORIGIN = "https://console.example";

/** The JSON a curl command sends with -d, as the shell passes it on. */
function bodyOf(command: string): unknown {
  const quoted = /-d '((?:[^']|'\\'')*)'$/.exec(command)?.[1];
  return quoted === undefined ? undefined : JSON.parse(quoted.replaceAll(`'\\''`, "'"));
}

describe("curl examples generated from the contract", () => {
  it("send a body each operation's own schema accepts", () => {
    const refused = operations
      .filter((op) => op.body)
      .map((op) => ({ op, result: op.body!.safeParse(bodyOf(curlExample(op, ORIGIN))) }))
      .filter(({ result }) => !result.success)
      .map(({ op, result }) => `${op.method} ${op.path}: ${result.error?.issues[0]?.message}`);
    expect(refused).toEqual([]);
  });

  it("name the method, the path with shell variables, the credential and Idempotency-Key", () => {
    expect(curlExample(paymentLinks.create, ORIGIN)).toBe(
      [
        `curl "${ORIGIN}/api/v1/payment_links"`,
        `-H "Authorization: Bearer $API_KEY"`,
        `-H "Idempotency-Key: $(uuidgen)"`,
        `-H "Content-Type: application/json"`,
        `-d '{"amount":2000,"currency":"usd"}'`,
      ].join(" \\\n  "),
    );
    expect(curlExample(paymentLinks.retrieve, ORIGIN)).toBe(
      `curl "${ORIGIN}/api/v1/payment_links/$PAYMENT_LINK_ID" \\\n  -H "Authorization: Bearer $API_KEY"`,
    );
    expect(curlExample(applications.delete, ORIGIN)).toBe(
      `curl -X DELETE "${ORIGIN}/api/v1/applications/$APPLICATION_ID" \\\n  -H "Authorization: Bearer $MANAGEMENT_TOKEN"`,
    );
  });
});
