import { Nav } from "../ui/nav";

const TABS = [
  { href: "/dashboard/settings/management-tokens", label: "Management tokens" },
  { href: "/dashboard/settings/members", label: "Members & invites" },
];

export function SettingsNav() {
  return <Nav label="Settings" links={TABS} variant="tabs" />;
}
