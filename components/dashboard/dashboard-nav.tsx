import { Nav } from "../ui/nav";

const NAVIGATION = [
  { href: "/dashboard/applications", label: "Applications" },
  { href: "/dashboard/api-keys", label: "API keys" },
  { href: "/dashboard/payment-links", label: "Payment links" },
  { href: "/dashboard/customers", label: "Customers" },
  { href: "/dashboard/checkout-sessions", label: "Checkout sessions" },
  { href: "/dashboard/logs", label: "Logs" },
  { href: "/dashboard/events", label: "Events" },
  { href: "/dashboard/audit-log", label: "Audit log" },
  { href: "/dashboard/settings", label: "Settings" },
];

export function DashboardNav() {
  return <Nav label="Dashboard" links={NAVIGATION} variant="menu" />;
}
