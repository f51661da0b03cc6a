"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES, type Role } from "@/lib/contract/roles";
import type { Invite, Member, MemberList } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormError } from "../ui/form-error";
import { EmptyState } from "../ui/states";
import { Table, Td } from "../ui/table";
import { useRemoveMember, useRevokeInvite, useUpdateMemberRole } from "./use-settings";

export const invitee = (invite: Pick<Invite, "email" | "githubLogin">) =>
  invite.githubLogin ? `@${invite.githubLogin}` : (invite.email ?? "");

const memberName = (member: Member) =>
  member.name ?? (member.githubLogin ? `@${member.githubLogin}` : (member.email ?? member.userId));

const LAST_OWNER = "The last owner: make another member an owner before changing this role or removing them.";

/** Members with their roles; an owner changes a role in place and removes a member after a confirmation. */
export function MemberTable({ list }: { list: MemberList }) {
  const { canManageMembers, userId } = useDashboard();
  const updateRole = useUpdateMemberRole();
  const [removing, setRemoving] = useState<Member | null>(null);
  const owners = list.members.filter((member) => member.role === "owner").length;

  return (
    <div className="space-y-2">
      <FormError error={updateRole.error} />
      <Table
        caption="Members"
        columns={["Name", "GitHub", "E-mail", "Role", canManageMembers && { label: "Actions", align: "right" }]}
      >
        {list.members.map((member) => {
          const lastOwner = member.role === "owner" && owners === 1;
          const name = memberName(member);
          return (
            <tr key={member.userId}>
              <Td className="font-medium">
                {member.name ?? "—"}
                {member.userId === userId && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
              </Td>
              <Td>{member.githubLogin ? `@${member.githubLogin}` : "—"}</Td>
              <Td className="break-all">{member.email ?? "—"}</Td>
              <Td>
                {canManageMembers ? (
                  <select
                    aria-label={`Role of ${name}`}
                    value={member.role}
                    disabled={lastOwner || updateRole.isPending}
                    title={lastOwner ? LAST_OWNER : undefined}
                    onChange={(event) => {
                      updateRole.reset();
                      updateRole.mutate({ userId: member.userId, role: event.target.value as Role });
                    }}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:text-slate-500"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                ) : (
                  <Badge tone={member.role === "owner" ? "info" : "neutral"}>{member.role}</Badge>
                )}
                {canManageMembers && lastOwner && (
                  <p className="mt-1 max-w-56 text-xs text-slate-500">Last owner: cannot be demoted or removed.</p>
                )}
              </Td>
              {canManageMembers && (
                <Td className="text-right">
                  <Button
                    size="sm"
                    variant="dangerGhost"
                    disabled={lastOwner}
                    title={lastOwner ? LAST_OWNER : undefined}
                    aria-label={`Remove ${name}`}
                    onClick={() => setRemoving(member)}
                  >
                    Remove
                  </Button>
                </Td>
              )}
            </tr>
          );
        })}
      </Table>
      <RemoveMemberDialog member={removing} isYou={removing?.userId === userId} onClose={() => setRemoving(null)} />
    </div>
  );
}

function RemoveMemberDialog({
  member,
  isYou,
  onClose,
}: {
  member: Member | null;
  isYou: boolean;
  onClose: () => void;
}) {
  const remove = useRemoveMember();
  const router = useRouter();
  const name = member ? memberName(member) : "";
  return (
    <ConfirmDialog
      open={member !== null}
      title={isYou ? "Leave this merchant?" : `Remove ${name}?`}
      description={`${isYou ? "You lose" : "They lose"} access to this merchant at once, and ${isYou ? "your" : "their"} management tokens for it are revoked. An owner can invite ${isYou ? "you" : "them"} again.`}
      confirmLabel={isYou ? "Leave merchant" : "Remove member"}
      destructive
      action={remove}
      onClose={onClose}
      onConfirm={(done) =>
        member &&
        remove.mutate(member.userId, {
          onSuccess: () => {
            done();
            // Without a membership here, the dashboard shows your next merchant.
            if (isYou) {
              router.push("/dashboard");
              router.refresh();
            }
          },
        })
      }
    />
  );
}

/** Pending invites; an owner revokes one after a confirmation. */
export function InviteTable({ invites }: { invites: Invite[] }) {
  const { canManageMembers } = useDashboard();
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const revoke = useRevokeInvite();
  if (invites.length === 0) return <EmptyState title="No pending invites" />;
  return (
    <>
      <Table
        caption="Pending invites"
        columns={["Invited", "Role", "Expires", canManageMembers && { label: "Actions", align: "right" }]}
      >
        {invites.map((invite) => (
          <tr key={invite.id}>
            <Td className="break-all">{invitee(invite)}</Td>
            <Td>
              <Badge>{invite.role}</Badge>
            </Td>
            <Td className="text-slate-600">{formatDateTime(invite.expiresAt)}</Td>
            {canManageMembers && (
              <Td className="text-right">
                <Button
                  size="sm"
                  variant="dangerGhost"
                  aria-label={`Revoke the invite of ${invitee(invite)}`}
                  onClick={() => setRevoking(invite)}
                >
                  Revoke
                </Button>
              </Td>
            )}
          </tr>
        ))}
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? `Revoke the invite of ${invitee(revoking)}?` : "Revoke invite"}
        description="They will not join this merchant when they sign in. You can invite them again."
        confirmLabel="Revoke invite"
        destructive
        action={revoke}
        onClose={() => setRevoking(null)}
        onConfirm={(done) => revoking && revoke.mutate(revoking.id, { onSuccess: done })}
      />
    </>
  );
}
