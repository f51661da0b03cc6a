import { handlers } from "@/lib/accounts/next-auth";

export const { GET, POST } = handlers;
