import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Merchant Console",
  description: "Payment API keys, applications and the API behind them.",
};

/** The nonce proxy.ts put in this request's Content-Security-Policy, which Next.js puts on its own scripts too. */
async function requestNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next.js can put that request's CSP nonce (proxy.ts) on its scripts.
  await connection();
  return (
    // next-themes sets the class and color-scheme on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The system's light or dark until the person picks one; its inline script carries the CSP nonce. */}
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem nonce={await requestNonce()}>
          {children}
        </ThemeProvider>
      </body>
    </html>
  );
}
