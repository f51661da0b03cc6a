"use client";

import { useState, type FormEvent } from "react";
import { createInviteSchema } from "@/lib/contract/accounts";
import type { Invite } from "@/lib/contract";
import { useDashboard } from "../dashboard/dashboard-context";
import { fieldErrorsFromIssues, splitApiError, type FieldErrors } from "../form-errors";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { RadioGroup } from "../ui/radio-group";
import { ErrorState, LoadingState } from "../ui/states";
import { InviteTable, MemberTable, invitee } from "./member-tables";
import { useCreateInvite, useMembers } from "./use-settings";

export function Members() {
  const { canManageMembers } = useDashboard();
  const members = useMembers();

  return (
    <div className="space-y-6">
      {canManageMembers ? <InviteForm /> : <p className="text-sm text-slate-600">Only the owner can invite members.</p>}
      {members.isPending ? (
        <LoadingState label="Loading members…" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <>
          <MemberTable list={members.data} />
          <div className="space-y-2">
            <h2 className="text-lg font-semibold">Pending invites</h2>
            <InviteTable invites={members.data.invites} />
          </div>
        </>
      )}
    </div>
  );
}

type InviteBy = "githubLogin" | "email";
type InviteRole = "admin" | "developer" | "viewer";
type Field = InviteBy | "role";
const LABELS: Record<Field, string> = { githubLogin: "GitHub login", email: "E-mail", role: "Role" };
const ROLE_OPTIONS: { value: InviteRole; label: string }[] = [
  { value: "viewer", label: "Viewer: sees everything, changes nothing" },
  { value: "developer", label: "Developer: reads everything; owners and admins manage keys" },
  { value: "admin", label: "Admin: manages applications, keys and tokens" },
];

/** The owner invites by e-mail or GitHub login; the invite is accepted when that person signs in. */
function InviteForm() {
  const [by, setBy] = useState<InviteBy>("githubLogin");
  const [who, setWho] = useState("");
  const [role, setRole] = useState<InviteRole>("viewer");
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  const [formIssue, setFormIssue] = useState<Error | null>(null);
  const [sent, setSent] = useState<Invite | null>(null);
  const invite = useCreateInvite();
  const server = splitApiError(invite.error, { githubLogin: "githubLogin", email: "email", role: "role" } as Record<
    string,
    Field
  >);
  const errors = { ...server.fieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.reset();
    setSent(null);
    const parsed = createInviteSchema.safeParse({ [by]: who.trim(), role });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromIssues(parsed.error.issues, LABELS);
      setClientErrors(fieldErrors);
      // An object-level issue (exactly one of email / githubLogin) has no field: show it for the form.
      setFormIssue(
        Object.keys(fieldErrors).length ? null : new Error(parsed.error.issues[0]?.message ?? "Invalid invite"),
      );
      return;
    }
    setClientErrors({});
    setFormIssue(null);
    invite.mutate(parsed.data, {
      onSuccess: (created) => {
        setWho("");
        setSent(created);
      },
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Invite a member"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="font-semibold">Invite a member</h2>
      <RadioGroup
        legend="Invite by"
        name="inviteBy"
        value={by}
        options={[
          { value: "githubLogin", label: "GitHub login" },
          { value: "email", label: "E-mail" },
        ]}
        onChange={(value) => {
          setBy(value);
          setClientErrors({});
        }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          key={by}
          label={LABELS[by]}
          type={by === "email" ? "email" : "text"}
          value={who}
          onChange={setWho}
          error={errors[by]}
          placeholder={by === "email" ? "dev@shop.example" : "octocat"}
          required
        />
        <SelectField label={LABELS.role} value={role} onChange={setRole} error={errors.role} options={ROLE_OPTIONS} />
      </div>
      <FormError error={formIssue ?? server.formError} />
      {sent && (
        <p role="status" className="text-sm text-emerald-800">
          Invited {invitee(sent)} as {sent.role}. They join when they sign in.
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invite"}
        </Button>
      </div>
    </form>
  );
}
