import { createEvent, type Viewer } from "../src/event/events";
import type { EventInput } from "../src/event/schema";
import type { UserItem } from "../src/user/user.entity";
import { utcToBerlin } from "../src/time";
import { uniqueEmail } from "./mail";

export const coordinator: Viewer = { userId: "usr_00000000000000000000coord1", role: "coordinator", status: "approved" };

/** A Berlin wall-clock time `days` from now, as the event form sends it. */
export const inDays = (days: number, hour = 18) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${utcToBerlin(d.toISOString()).slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};

export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    kind: "training",
    title: "Traumasensible Begleitung",
    description: "Grundlagen für Ehrenamtliche",
    topics: ["Trauma"],
    speakers: ["Dr. Sara Nouri"],
    organiser: "DRK Kreisverband",
    startsAt: inDays(14, 18),
    endsAt: inDays(14, 20),
    address: "Kreisgeschäftsstelle, Hauptstraße 1, 12345 Musterstadt",
    onlineUrl: null,
    capacity: 10,
    registrationDeadline: null,
    visibility: "public",
    status: "published",
    inviteeIds: [],
    questions: [],
    ...overrides,
  };
}

export const publishedEvent = (overrides: Partial<EventInput> = {}) => createEvent(coordinator, eventInput(overrides));

let n = 0;
/** A member as core sees them after sign-in; registration needs no stored account. */
export function fakeMember(label = "member"): UserItem {
  n += 1;
  const id = `${Date.now().toString(36)}${n.toString(36)}${Math.random().toString(36).slice(2)}`.padEnd(26, "0").slice(0, 26);
  return {
    userId: `usr_${id}`,
    name: `${label} ${n}`,
    email: uniqueEmail(label),
    emailKey: "",
    nameKey: "",
    searchText: "",
    passwordHash: "",
    passwordChangedAt: "",
    role: "volunteer",
    status: "approved",
    emailVerified: true,
    locale: "de",
    createdAt: new Date().toISOString(),
    totpEnabled: false,
  };
}
