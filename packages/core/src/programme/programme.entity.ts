import { Entity, type EntityItem } from "electrodb";
import { CONTACT_KINDS, LOG_ACTIONS, MILESTONE_STATUSES, PROGRAMME_LOG_ACTIONS } from "./constants";
export * from "./constants";

// Everything about one participant sits under the participant's own partition key
// (`participantId`): deleting a participant is one Query of that key and deleting what it returns.

export const ProgrammeEntity = new Entity({
  model: { service: "vernetzt", entity: "programme", version: "1" },
  attributes: {
    programmeId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    /** YYYY-MM-DD; milestone due dates are counted from it. */
    courseStart: { type: "string", required: true },
    stages: {
      type: "list",
      items: {
        type: "map",
        properties: {
          title: { type: "string", required: true },
          offsetDays: { type: "number", required: true },
        },
      },
      required: true,
    },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["programmeId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
export type ProgrammeItem = EntityItem<typeof ProgrammeEntity>;

/** A coordinator (or admin) added to a programme; only they manage it and see all its participants. */
export const ProgrammeStaffEntity = new Entity({
  model: { service: "vernetzt", entity: "programmeStaff", version: "1" },
  attributes: {
    programmeId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    addedBy: { type: "string", required: true },
    addedAt: { type: "string", required: true },
  },
  indexes: {
    byProgramme: {
      pk: { field: "pk", composite: ["programmeId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["programmeId"] },
    },
  },
});
export type ProgrammeStaffItem = EntityItem<typeof ProgrammeStaffEntity>;

/** Programme-wide log; holds no personal data of participants (only their ids). */
export const ProgrammeLogEntity = new Entity({
  model: { service: "vernetzt", entity: "programmeLog", version: "1" },
  attributes: {
    programmeId: { type: "string", required: true, readOnly: true },
    logId: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true },
    action: { type: PROGRAMME_LOG_ACTIONS, required: true },
    participantId: { type: "string" },
    at: { type: "string", required: true },
  },
  indexes: {
    byProgramme: {
      pk: { field: "pk", composite: ["programmeId"] },
      sk: { field: "sk", composite: ["logId"] },
    },
    byActor: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["actorId"] },
      sk: { field: "gsi2sk", composite: ["logId"] },
    },
  },
});
export type ProgrammeLogItem = EntityItem<typeof ProgrammeLogEntity>;

/** A person being accompanied: a record, not a platform user. */
export const ParticipantEntity = new Entity({
  model: { service: "vernetzt", entity: "participant", version: "1" },
  attributes: {
    participantId: { type: "string", required: true, readOnly: true },
    programmeId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    email: { type: "string", required: true, default: "" },
    phone: { type: "string", required: true, default: "" },
    languages: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    coordinatorId: { type: "string", required: true },
    /** Mirrors the participant's mentorship items (written in the same transaction); read for access checks. */
    mentorIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    consentDate: { type: "string", required: true },
    consentText: { type: "string", required: true },
    notes: { type: "string", required: true, default: "" },
    lastContactAt: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    /** Grows with every change; edits are conditioned on it. */
    revision: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["participantId"] },
      sk: { field: "sk", composite: [] },
    },
    byProgramme: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["programmeId"] },
      sk: { field: "gsi1sk", composite: ["participantId"] },
    },
  },
});
export type ParticipantItem = EntityItem<typeof ParticipantEntity>;

/** A member assigned as mentor of a participant. */
export const MentorshipEntity = new Entity({
  model: { service: "vernetzt", entity: "mentorship", version: "1" },
  attributes: {
    participantId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    programmeId: { type: "string", required: true, readOnly: true },
    assignedBy: { type: "string", required: true },
    assignedAt: { type: "string", required: true },
  },
  indexes: {
    byParticipant: {
      pk: { field: "pk", composite: ["participantId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    byMentor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["programmeId", "participantId"] },
    },
  },
});
export type MentorshipItem = EntityItem<typeof MentorshipEntity>;

/** A participant's own copy of one stage of the programme's template. */
export const MilestoneEntity = new Entity({
  model: { service: "vernetzt", entity: "milestone", version: "1" },
  attributes: {
    participantId: { type: "string", required: true, readOnly: true },
    /** `m01`, `m02`, …: the template's order. */
    milestoneId: { type: "string", required: true, readOnly: true },
    programmeId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    status: { type: MILESTONE_STATUSES, required: true, default: "open" },
    dueDate: { type: "string" },
    doneDate: { type: "string" },
    note: { type: "string", required: true, default: "" },
    /** The due date while the milestone is pending, "-" otherwise: pending ones sort after "-" in pendingByDue. */
    reminderKey: { type: "string", required: true, default: "-" },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byParticipant: {
      pk: { field: "pk", composite: ["participantId"] },
      sk: { field: "sk", composite: ["milestoneId"] },
    },
    byProgramme: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["programmeId"] },
      sk: { field: "gsi1sk", composite: ["participantId", "milestoneId"] },
    },
    /** Pending milestones by due date, for the reminder job (a range of dates never includes "-"). */
    pendingByDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: [] },
      sk: { field: "gsi2sk", composite: ["reminderKey", "participantId", "milestoneId"] },
    },
  },
});
export type MilestoneItem = EntityItem<typeof MilestoneEntity>;

/** One contact with a participant: date, kind, short note. */
export const ContactEntity = new Entity({
  model: { service: "vernetzt", entity: "participantContact", version: "1" },
  attributes: {
    participantId: { type: "string", required: true, readOnly: true },
    contactId: { type: "string", required: true, readOnly: true },
    programmeId: { type: "string", required: true, readOnly: true },
    date: { type: "string", required: true },
    kind: { type: CONTACT_KINDS, required: true },
    note: { type: "string", required: true },
    /** FORMER_MEMBER once the author's account was deleted. */
    authorId: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byParticipant: {
      pk: { field: "pk", composite: ["participantId"] },
      sk: { field: "sk", composite: ["contactId"] },
    },
    byAuthor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["authorId"] },
      sk: { field: "gsi1sk", composite: ["contactId"] },
    },
  },
});
export type ContactItem = EntityItem<typeof ContactEntity>;

/** Who read or changed a participant's record, when, and what. */
export const AccessLogEntity = new Entity({
  model: { service: "vernetzt", entity: "participantAccess", version: "1" },
  attributes: {
    participantId: { type: "string", required: true, readOnly: true },
    logId: { type: "string", required: true, readOnly: true },
    /** FORMER_MEMBER once the actor's account was deleted. */
    actorId: { type: "string", required: true },
    action: { type: LOG_ACTIONS, required: true },
    /** Which part, e.g. a milestone id; never personal data. */
    detail: { type: "string", required: true, default: "" },
    at: { type: "string", required: true },
  },
  indexes: {
    byParticipant: {
      pk: { field: "pk", composite: ["participantId"] },
      sk: { field: "sk", composite: ["logId"] },
    },
    byActor: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["actorId"] },
      sk: { field: "gsi2sk", composite: ["logId"] },
    },
  },
});
export type AccessLogItem = EntityItem<typeof AccessLogEntity>;

/** One reminder mail to one mentor for one milestone and due date, claimed before it is sent. */
export const MilestoneReminderEntity = new Entity({
  model: { service: "vernetzt", entity: "milestoneReminder", version: "1" },
  attributes: {
    participantId: { type: "string", required: true, readOnly: true },
    milestoneId: { type: "string", required: true, readOnly: true },
    dueDate: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    claimedAt: { type: "string", required: true },
    ttl: { type: "number", required: true },
  },
  indexes: {
    byParticipant: {
      pk: { field: "pk", composite: ["participantId"] },
      sk: { field: "sk", composite: ["milestoneId", "dueDate", "userId"] },
    },
  },
});
