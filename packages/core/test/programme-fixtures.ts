import { db } from "../src/db";
import type { Actor } from "../src/programme/access";
import { CHILDMINDER_TEMPLATE } from "../src/programme/constants";
import type { ParticipantInput, ProgrammeInput } from "../src/programme/schema";
import { berlinToday } from "../src/programme/programmes";
import { addDays } from "../src/programme/constants";
import type { Role } from "../src/user/constants";
import { fakeMember } from "./events-fixtures";

/** A stored member (written directly: no password needed) and the actor core sees for them. */
export async function storedMember(role: Role = "volunteer", status: "approved" | "pending" | "blocked" = "approved"): Promise<Actor & { name: string; email: string }> {
  const user = { ...fakeMember(role), role, status };
  user.nameKey = user.name.toLowerCase();
  await db().entities.user.create(user).go();
  return { userId: user.userId, role, status, name: user.name, email: user.email };
}

export function programmeInput(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    name: "Qualifizierung Kindertagespflege 2027",
    description: "",
    courseStart: addDays(berlinToday(), 30),
    stages: CHILDMINDER_TEMPLATE.de,
    coordinatorIds: [],
    ...overrides,
  };
}

let n = 0;
export function participantInput(coordinatorId: string, mentorIds: string[], overrides: Partial<ParticipantInput> = {}): ParticipantInput {
  n += 1;
  const tag = Math.random().toString(36).slice(2, 8);
  return {
    name: `Teilnehmerin Zq${tag}x${n}`,
    email: `tn.zq${tag}@example.org`,
    phone: `+49 170 ${String(1000000 + Math.floor(Math.random() * 8999999))}`,
    languages: ["Arabisch", "Deutsch"],
    coordinatorId,
    mentorIds,
    consentDate: berlinToday(),
    consentText: "Ich willige ein, dass meine Daten zur Begleitung verarbeitet werden.",
    notes: "",
    ...overrides,
  };
}
