import { Entity, type EntityItem } from "electrodb";

import { LOCALES } from "../user/constants";
import { ATTENDANCE, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_STATUSES, VISIBILITIES } from "./constants";
export * from "./constants";

export const EventEntity = new Entity({
  model: { service: "vernetzt", entity: "event", version: "1" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    kind: { type: EVENT_KINDS, required: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    plainSummary: { type: "string", required: true, default: "" },
    topics: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    speakers: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    organiser: { type: "string", required: true },
    startsAt: { type: "string", required: true },
    endsAt: { type: "string", required: true },
    address: { type: "string" },
    /** Shown only to confirmed participants and coordinators. */
    onlineUrl: { type: "string" },
    /** Absent means unlimited. */
    capacity: { type: "number" },
    registrationDeadline: { type: "string" },
    visibility: { type: VISIBILITIES, required: true },
    status: { type: EVENT_STATUSES, required: true, default: "draft" },
    /** Events of a recurring series share it; a single event's series is itself (see bySeries). */
    seriesId: { type: "string", required: true },
    /** Members invited to an invited-only event (e.g. a supervision group). */
    inviteeIds: { type: "set", items: "string" },
    questions: {
      type: "list",
      items: {
        type: "map",
        properties: {
          id: { type: "string", required: true },
          label: { type: "string", required: true },
          kind: { type: ["text", "yes_no", "choice"] as const, required: true },
          options: { type: "list", items: { type: "string" } },
          required: { type: "boolean", required: true },
        },
      },
      required: true,
      default: () => [],
    },
    confirmedCount: { type: "number", required: true, default: 0 },
    waitlistCount: { type: "number", required: true, default: 0 },
    /** Upper end of the waitlist order; each waitlisted registration takes the next number. */
    waitlistSeq: { type: "number", required: true, default: 0 },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
    /** Grows with every edit; the iCalendar SEQUENCE. */
    revision: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: [] },
    },
    byDate: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [] },
      sk: { field: "gsi1sk", composite: ["startsAt", "eventId"] },
    },
    bySeries: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["seriesId"] },
      sk: { field: "gsi2sk", composite: ["startsAt", "eventId"] },
      // Only real series are indexed; a single event (seriesId = its own id) stays out.
      condition: (attr) => attr.seriesId !== attr.eventId,
    },
  },
});
export type EventItem = EntityItem<typeof EventEntity>;

export const SeriesEntity = new Entity({
  model: { service: "vernetzt", entity: "series", version: "1" },
  attributes: {
    seriesId: { type: "string", required: true, readOnly: true },
    /** RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE. */
    rule: { type: "string", required: true },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["seriesId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * One person's registration for one event. The key (event, participant) makes a second
 * registration of the same person impossible; a member is their user id, a guest their e-mail.
 */
export const RegistrationEntity = new Entity({
  model: { service: "vernetzt", entity: "registration", version: "1" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    participantKey: { type: "string", required: true, readOnly: true },
    registrationId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", readOnly: true },
    name: { type: "string", required: true },
    email: { type: "string", required: true },
    locale: { type: LOCALES, required: true, default: "de" },
    status: { type: REGISTRATION_STATUSES, required: true },
    /** Question id → answer; questions differ per event, so this is a free-form map. */
    answers: { type: "any", default: () => ({}) },
    /** Position on the waitlist (smaller is earlier); 0 for those who got a seat at once. */
    waitlistPosition: { type: "number", required: true, default: 0 },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    /** Copied from the event so a member's registrations list by date. */
    eventStartsAt: { type: "string", required: true },
    attendance: { type: ATTENDANCE },
    reminderSentAt: { type: "string" },
    addedBy: { type: "string" },
    certificateCode: { type: "string" },
    /** Secret of the cancellation link in every e-mail; its digest keys the RegistrationLink. */
    cancelToken: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byEvent: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: ["participantKey"] },
    },
    /** A member's (or guest's) registrations by event date: "my events". */
    byParticipant: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["participantKey"] },
      sk: { field: "gsi1sk", composite: ["eventStartsAt", "eventId"] },
    },
    waitlist: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["eventId"] },
      sk: { field: "gsi2sk", composite: ["waitlistPosition"] },
      // Every status change re-states waitlistPosition, so this runs and drops those no longer waiting.
      condition: (attr) => attr.status === "waitlisted",
    },
  },
});
export type RegistrationItem = EntityItem<typeof RegistrationEntity>;

/** A secret link that confirms or cancels a registration without signing in. */
export const RegistrationLinkEntity = new Entity({
  model: { service: "vernetzt", entity: "registrationLink", version: "1" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    purpose: { type: ["confirm", "cancel"] as const, required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    participantKey: { type: "string", required: true, readOnly: true },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** Issued when a participant downloads a certificate; anyone may check a code. */
export const CertificateEntity = new Entity({
  model: { service: "vernetzt", entity: "certificate", version: "1" },
  attributes: {
    code: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    participantKey: { type: "string", required: true, readOnly: true },
    /** eventId#participantKey: at most one certificate per registration. */
    participation: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    eventTitle: { type: "string", required: true },
    eventKind: { type: EVENT_KINDS, required: true },
    organiser: { type: "string", required: true },
    topics: { type: "list", items: { type: "string" }, required: true },
    startsAt: { type: "string", required: true },
    endsAt: { type: "string", required: true },
    issuedAt: { type: "string", required: true },
  },
  indexes: {
    byCode: {
      pk: { field: "pk", composite: ["code"] },
      sk: { field: "sk", composite: [] },
    },
    byParticipation: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["participation"] },
      sk: { field: "gsi1sk", composite: [] },
    },
  },
});

/** Maps the secret in a member's calendar feed URL to the member. */
export const CalendarFeedEntity = new Entity({
  model: { service: "vernetzt", entity: "calendarFeed", version: "1" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
