import { Nav, type NavEntry } from "../ui/nav";

// Grouped as Stripe's dashboard groups them, so the header stays one row at 1280 px.
const NAVIGATION: NavEntry[] = [
  { href: "/dashboard/applications", label: "Applications" },
  { href: "/dashboard/api-keys", label: "API keys" },
  {
    label: "Payments",
    links: [
      { href: "/dashboard/payment-links", label: "Payment links" },
      { href: "/dashboard/customers", label: "Customers" },
      { href: "/dashboard/checkout-sessions", label: "Checkout sessions" },
    ],
  },
  {
    label: "Developers",
    links: [
      { href: "/dashboard/logs", label: "Logs" },
      { href: "/dashboard/events", label: "Events" },
      { href: "/dashboard/webhooks", label: "Webhooks" },
      { href: "/dashboard/audit-log", label: "Audit log" },
    ],
  },
  { href: "/dashboard/settings", label: "Settings" },
];

export function DashboardNav() {
  return <Nav label="Dashboard" links={NAVIGATION} variant="menu" />;
}
