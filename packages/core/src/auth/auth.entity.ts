import { Entity, type EntityItem } from "electrodb";

export const SessionEntity = new Entity({
  model: { service: "vernetzt", entity: "session", version: "1" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    userAgent: { type: "string" },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "tokenHash"] },
    },
  },
});
export type SessionItem = EntityItem<typeof SessionEntity>;

export const TOKEN_PURPOSES = ["verify_email", "reset_password", "change_email", "two_factor"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A single-use secret sent by e-mail (or, for two_factor, held in a cookie between password and code). */
export const TokenEntity = new Entity({
  model: { service: "vernetzt", entity: "token", version: "1" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    purpose: { type: TOKEN_PURPOSES, required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string" },
    /** The user's passwordChangedAt when issued: a password change voids older reset links. */
    passwordStamp: { type: "string" },
    attempts: { type: "number", required: true, default: 0 },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    /** A member's open links and challenges (account deletion). */
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["tokenHash"] },
    },
  },
});
export type TokenItem = EntityItem<typeof TokenEntity>;

/** A fixed-window counter; the condition on `count` makes the limit hold under concurrency. */
export const RateLimitEntity = new Entity({
  model: { service: "vernetzt", entity: "rateLimit", version: "1" },
  attributes: {
    key: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byKey: {
      pk: { field: "pk", composite: ["key"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
