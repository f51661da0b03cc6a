// The dashboard's view of API responses, derived from the functions that produce them (type-only imports: no
// server code reaches the browser bundle).
import type { createdKeyResponse, listApplications, listMerchantKeys, serializeApplication } from "@/lib/applications";
import type { ApiKeyView } from "@/lib/auth/keys";
import type { createManagementToken, serializeManagementToken } from "@/lib/auth/management-tokens";
import type { createInvite, listMembers, listMerchantsOf } from "@/lib/merchants";

export type Application = ReturnType<typeof serializeApplication>;
export type ApplicationPage = Awaited<ReturnType<typeof listApplications>>;

export type MerchantKey = Awaited<ReturnType<typeof listMerchantKeys>>[number];
export type CreatedKey = ReturnType<typeof createdKeyResponse>;
export type RolledKey = CreatedKey & { rolledKey: ApiKeyView };

export type ManagementToken = ReturnType<typeof serializeManagementToken>;
export type CreatedManagementToken = Awaited<ReturnType<typeof createManagementToken>>;

export type MerchantMembership = Awaited<ReturnType<typeof listMerchantsOf>>[number];
export type MemberList = Awaited<ReturnType<typeof listMembers>>;
export type Invite = Awaited<ReturnType<typeof createInvite>>;
