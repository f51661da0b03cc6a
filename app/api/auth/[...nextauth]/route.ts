import { authRoutes } from "@/lib/accounts/next-auth";

export const { GET, POST } = authRoutes;
