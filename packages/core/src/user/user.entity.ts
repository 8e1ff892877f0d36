import { Entity, type EntityItem } from "electrodb";

import { LOCALES, ROLES, STATUSES } from "./constants";
export { LOCALES, ROLES, STATUSES, type Locale, type MemberStatus, type Role } from "./constants";

export const UserEntity = new Entity({
  model: { service: "vernetzt", entity: "user", version: "1" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    emailKey: { type: "string", required: true },
    name: { type: "string", required: true },
    /** Folded name (lower case, umlauts kept) so the member list sorts and searches naturally. */
    nameKey: { type: "string", required: true },
    /** Folded name and e-mail, matched by the coordinators' member search. */
    searchText: { type: "string", required: true },
    passwordHash: { type: "string", required: true },
    passwordChangedAt: { type: "string", required: true },
    role: { type: ROLES, required: true, default: "volunteer" },
    status: { type: STATUSES, required: true, default: "pending" },
    emailVerified: { type: "boolean", required: true, default: false },
    locale: { type: LOCALES, required: true, default: "de" },
    createdAt: { type: "string", required: true, readOnly: true },
    statusChangedAt: { type: "string" },
    statusChangedBy: { type: "string" },
    totpEnabled: { type: "boolean", required: true, default: false },
    totpSecret: { type: "string" },
    /** Secret offered during set-up; becomes totpSecret once the member proves it with a code. */
    totpPendingSecret: { type: "string" },
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: { type: "number" },
    /** Digests of unused recovery codes; using one removes it atomically. */
    recoveryCodes: { type: "set", items: "string" },
    /** Coordinators may let a member write news items. */
    mayWriteNews: { type: "boolean" },
    /** Digest of the secret in the member's personal calendar feed URL. */
    calendarTokenHash: { type: "string" },
    /** Set when the account's erasure began: the account is unusable; a retry finishes the erasure. */
    deletingAt: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["nameKey", "userId"] },
    },
  },
});

export type UserItem = EntityItem<typeof UserEntity>;

/** Owns an e-mail address: created in the same transaction as the user, so an address has one account. */
export const EmailOwnerEntity = new Entity({
  model: { service: "vernetzt", entity: "emailOwner", version: "1" },
  attributes: {
    emailKey: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["emailKey"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
