import type { Metadata } from "next";
import { ApiKeyPanel } from "@/components/api-keys/api-key-panel";

export const metadata: Metadata = { title: "API keys · Merchant Console" };

export default function ApiKeysPage() {
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-slate-600">
          Every key of this merchant. A key&apos;s secret is shown once, when it is created or rolled; afterwards only
          its prefix is shown.
        </p>
      </div>
      <ApiKeyPanel />
    </section>
  );
}
