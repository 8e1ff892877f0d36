import { Entity, type EntityItem } from "electrodb";

/** One month's counters, each raised with an atomic ADD. */
export const UsageMonthEntity = new Entity({
  model: { service: "vernetzt", entity: "usageMonth", version: "1" },
  attributes: {
    month: { type: "string", required: true, readOnly: true },
    requests: { type: "number" },
    emailsSent: { type: "number" },
    activeMembers: { type: "number" },
  },
  indexes: {
    byMonth: {
      pk: { field: "pk", composite: ["month"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** Marks a member as counted among a month's active members; expires after the month. */
export const ActiveMemberEntity = new Entity({
  model: { service: "vernetzt", entity: "activeMember", version: "1" },
  attributes: {
    month: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byMonthAndMember: {
      pk: { field: "pk", composite: ["month", "userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type UsageMonthItem = EntityItem<typeof UsageMonthEntity>;
