// Plain values shared with the web bundle: no imports, so nothing server-side comes along.
export const EVENT_KINDS = [
  "exchange_meeting",
  "expert_talk",
  "training",
  "continuing_education",
  "panel_discussion",
  "introductory_event",
  "group_supervision",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const VISIBILITIES = ["public", "members", "invited"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** Kinds that earn a certificate of participation. */
export const CERTIFIED_KINDS: readonly EventKind[] = ["training", "continuing_education", "introductory_event", "expert_talk"];
export const REGISTRATION_STATUSES = ["unconfirmed", "confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ATTENDANCE = ["attended", "no_show"] as const;
