import { describe, expect, it } from "vitest";
import { QueryCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { config } from "../src/config";
import { db, dynamo } from "../src/db";
import { logReads, type Actor } from "../src/programme/access";
import { addDays } from "../src/programme/constants";
import { board, berlinToday, createProgramme, myProgrammes, programmeLog, showProgramme, updateProgramme } from "../src/programme/programmes";
import {
  accessLog,
  createParticipant,
  deleteParticipant,
  exportParticipant,
  logContact,
  showParticipant,
  updateMilestone,
  updateParticipant,
} from "../src/programme/participants";
import { participantInput, programmeInput, storedMember } from "./programme-fixtures";

async function setUp() {
  const coordinator = await storedMember("coordinator");
  const mentorA = await storedMember("volunteer");
  const mentorB = await storedMember("volunteer");
  const programme = await createProgramme(coordinator, programmeInput());
  const a = await createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, [mentorA.userId]));
  const b = await createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, [mentorB.userId]));
  return { coordinator, mentorA, mentorB, programme, a: a.participantId, b: b.participantId };
}

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("programmes: setting up", () => {
  it("gives each participant their own milestones, due relative to the course start", async () => {
    const { coordinator, programme, a } = await setUp();
    const view = await showParticipant(coordinator, a);
    expect(view.milestones.map((m) => m.title)).toEqual(programme.stages.map((s) => s.title));
    expect(view.milestones[0]!.dueDate).toBe(addDays(programme.courseStart, -42));
    expect(view.milestones[1]!.dueDate).toBe(programme.courseStart);
    expect(view.milestones.every((m) => m.status === "open")).toBe(true);
    expect(view.consentText).toBe("Ich willige ein, dass meine Daten zur Begleitung verarbeitet werden.");
  });

  it("rejects assigning a coordinator not on the programme or a mentor who is not an approved member", async () => {
    const { coordinator, programme } = await setUp();
    const outsider = await storedMember("coordinator");
    const pending = await storedMember("volunteer", "pending");
    await expect(createParticipant(coordinator, programme.programmeId, participantInput(outsider.userId, []))).rejects.toMatchObject({ code: "invalid_coordinator" });
    await expect(createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, [pending.userId]))).rejects.toMatchObject({ code: "invalid_mentors" });
    const volunteer = await storedMember("volunteer");
    await expect(createProgramme(coordinator, programmeInput({ coordinatorIds: [volunteer.userId] }))).rejects.toMatchObject({ code: "invalid_coordinators" });
  });
});

describe("programmes: access matrix", () => {
  it("programme coordinators see and manage everything", async () => {
    const { coordinator, programme, a, b } = await setUp();
    expect((await showProgramme(coordinator, programme.programmeId)).role).toBe("coordinator");
    expect((await board(coordinator, programme.programmeId)).rows.map((r) => r.participantId).sort()).toEqual([a, b].sort());
    for (const id of [a, b]) {
      expect(await code(showParticipant(coordinator, id))).toBe("ok");
      expect(await code(updateMilestone(coordinator, id, "m01", { status: "done", dueDate: null, doneDate: null, note: "" }))).toBe("ok");
      expect(await code(logContact(coordinator, id, { date: berlinToday(), kind: "phone", note: "Anruf" }))).toBe("ok");
      expect(await code(accessLog(coordinator, id))).toBe("ok");
      expect(await code(exportParticipant(coordinator, id))).toBe("ok");
    }
    expect(await code(programmeLog(coordinator, programme.programmeId))).toBe("ok");
    expect(await code(deleteParticipant(coordinator, b))).toBe("ok");
  });

  it("a mentor of A reads and updates A, cannot manage A, and sees nothing of B", async () => {
    const { coordinator, mentorA, programme, a, b } = await setUp();
    const view = await showProgramme(mentorA, programme.programmeId);
    expect(view.role).toBe("mentor");
    expect((await board(mentorA, programme.programmeId)).rows.map((r) => r.participantId)).toEqual([a]);
    expect(await code(showParticipant(mentorA, a))).toBe("ok");
    expect(await code(updateMilestone(mentorA, a, "m02", { status: "in_progress", dueDate: programme.courseStart, note: "Kurs läuft" }))).toBe("ok");
    expect(await code(logContact(mentorA, a, { date: berlinToday(), kind: "meeting", note: "Treffen" }))).toBe("ok");
    const input = participantInput(coordinator.userId, [mentorA.userId]);
    expect(await code(updateParticipant(mentorA, a, input, 0))).toBe("programme_coordinators_only");
    expect(await code(accessLog(mentorA, a))).toBe("programme_coordinators_only");
    expect(await code(exportParticipant(mentorA, a))).toBe("programme_coordinators_only");
    expect(await code(deleteParticipant(mentorA, a))).toBe("programme_coordinators_only");
    expect(await code(createParticipant(mentorA, programme.programmeId, input))).toBe("programme_coordinators_only");
    expect(await code(updateProgramme(mentorA, programme.programmeId, programmeInput()))).toBe("programme_coordinators_only");
    expect(await code(programmeLog(mentorA, programme.programmeId))).toBe("programme_coordinators_only");
    expect(await code(showParticipant(mentorA, b))).toBe("participant_not_found");
    expect(await code(updateMilestone(mentorA, b, "m01", { status: "done", dueDate: null, note: "" }))).toBe("participant_not_found");
    expect(await code(logContact(mentorA, b, { date: berlinToday(), kind: "phone", note: "x" }))).toBe("participant_not_found");
  });

  it("coordinators and admins not on the programme, other members and blocked mentors see nothing", async () => {
    const { mentorA, programme, a } = await setUp();
    const others: Actor[] = [
      await storedMember("coordinator"),
      await storedMember("admin"),
      await storedMember("volunteer"),
      { ...mentorA, status: "blocked" },
      { ...mentorA, status: "pending" },
    ];
    for (const other of others) {
      expect(await code(showProgramme(other, programme.programmeId))).toBe("programme_not_found");
      expect(await code(board(other, programme.programmeId))).toBe("programme_not_found");
      expect(await code(showParticipant(other, a))).toBe("participant_not_found");
      expect(await code(updateMilestone(other, a, "m01", { status: "done", dueDate: null, note: "" }))).toBe("participant_not_found");
      expect(await code(logContact(other, a, { date: berlinToday(), kind: "phone", note: "x" }))).toBe("participant_not_found");
      expect(await code(accessLog(other, a))).toBe("participant_not_found");
      expect(await code(exportParticipant(other, a))).toBe("participant_not_found");
      expect(await code(deleteParticipant(other, a))).toBe("participant_not_found");
      expect(await code(updateProgramme(other, programme.programmeId, programmeInput()))).toBe("programme_not_found");
      expect(await myProgrammes(other).then((list) => list.some((p) => p.programmeId === programme.programmeId))).toBe(false);
    }
  });

  it("a coordinator demoted to volunteer loses the programme; one added later gains it", async () => {
    const { coordinator, programme, a } = await setUp();
    const later = await storedMember("coordinator");
    expect(await code(showParticipant(later, a))).toBe("participant_not_found");
    await updateProgramme(coordinator, programme.programmeId, programmeInput({ coordinatorIds: [later.userId] }));
    expect(await code(showParticipant(later, a))).toBe("ok");
    expect((await myProgrammes(later)).map((p) => p.programmeId)).toContain(programme.programmeId);
    expect(await code(showParticipant({ ...coordinator, role: "volunteer" }, a))).toBe("participant_not_found");
  });

  it("a mentor removed from a participant loses access at once", async () => {
    const { coordinator, mentorA, mentorB, a } = await setUp();
    const before = await showParticipant(coordinator, a);
    await updateParticipant(coordinator, a, participantInput(coordinator.userId, [mentorB.userId], { name: before.name }), before.revision);
    expect(await code(showParticipant(mentorA, a))).toBe("participant_not_found");
    expect(await code(showParticipant(mentorB, a))).toBe("ok");
  });
});

describe("programmes: access log", () => {
  it("logs every read and change with who, what and when, in the same request", async () => {
    const { coordinator, mentorA, programme, a } = await setUp();
    await showParticipant(mentorA, a);
    await board(mentorA, programme.programmeId);
    await updateMilestone(mentorA, a, "m03", { status: "in_progress", dueDate: null, note: "" });
    await logContact(mentorA, a, { date: berlinToday(), kind: "phone", note: "kurz telefoniert" });
    const entries = await accessLog(coordinator, a);
    const mine = entries.filter((e) => e.actorName === mentorA.name).map((e) => [e.action, e.detail]);
    expect(mine).toEqual([
      ["contact_logged", expect.stringMatching(/^pct_/)],
      ["milestone_updated", "m03"],
      ["participant_viewed_in_overview", ""],
      ["participant_viewed", ""],
    ]);
    expect(entries[0]!.action).toBe("log_viewed");
    expect(entries.at(-1)!.action).toBe("participant_created");
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });
});

describe("programmes: deletion", () => {
  it("leaves no trace but a programme log entry without personal data", async () => {
    const { coordinator, mentorA, programme, a, b } = await setUp();
    const person = await showParticipant(coordinator, a);
    await logContact(mentorA, a, { date: berlinToday(), kind: "visit", note: "Hausbesuch" });
    await updateMilestone(mentorA, a, "m01", { status: "done", dueDate: null, note: "Notiz" });
    await exportParticipant(coordinator, a);
    await deleteParticipant(coordinator, a);

    const pk = await db().entities.participant.get({ participantId: a }).params<{ Key: { pk: string } }>();
    const under = await dynamo().send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: pk.Key.pk } } }));
    expect(under.Items ?? []).toEqual([]);

    const everything: Record<string, unknown>[] = [];
    let start: Record<string, never> | undefined;
    do {
      const page = await dynamo().send(new ScanCommand({ TableName: config().tableName, ExclusiveStartKey: start }));
      everything.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
    const dump = JSON.stringify(everything);
    expect(dump).not.toContain(person.name);
    expect(dump).not.toContain(person.email);
    expect(dump).not.toContain(person.phone);
    expect(dump).not.toContain("Hausbesuch");
    const remaining = everything.filter((i) => JSON.stringify(i).includes(a));
    expect(remaining.map((i) => i.__edb_e__)).toEqual([{ S: "programmeLog" }]);
    expect(Object.keys(remaining[0]!).sort()).toEqual(["__edb_e__", "__edb_v__", "action", "actorId", "at", "gsi2pk", "gsi2sk", "logId", "participantId", "pk", "programmeId", "sk"].sort());

    // A read that passed its access check just before the deletion writes no entry afterwards.
    await expect(logReads(mentorA, [a], "participant_viewed")).rejects.toMatchObject({ code: "participant_not_found" });
    const afterRace = await dynamo().send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: pk.Key.pk } } }));
    expect(afterRace.Items ?? []).toEqual([]);

    const log = await programmeLog(coordinator, programme.programmeId);
    expect(log[0]).toMatchObject({ action: "participant_deleted", participantId: a, actorName: coordinator.name });
    expect((await board(coordinator, programme.programmeId)).rows.map((r) => r.participantId)).toEqual([b]);
    expect((await myProgrammes(mentorA)).some((p) => p.programmeId === programme.programmeId)).toBe(false);
  });
});

describe("programmes: kept out of other features", () => {
  it("a participant is in no member directory, forum index or subscriber list", async () => {
    const { coordinator, a } = await setUp();
    const person = await showParticipant(coordinator, a);
    const { listMembers } = await import("../src/member/members");
    for (const status of ["approved", "pending", "blocked"] as const) {
      expect((await listMembers(coordinator, { status, q: person.name })).members).toEqual([]);
      expect((await listMembers(coordinator, { status, q: person.email })).members).toEqual([]);
    }
    const word = person.name.split(" ")[1]!.toLowerCase();
    expect((await db().entities.forumTerm.query.byTerm({ term: word }).go()).data).toEqual([]);
    expect((await db().entities.subscriber.get({ emailKey: person.email }).go()).data).toBeNull();
  });
});

describe("programmes: overview", () => {
  it("flags overdue and soon-due milestones and participants without contact", async () => {
    const coordinator = await storedMember("coordinator");
    const programme = await createProgramme(coordinator, programmeInput({ courseStart: addDays(berlinToday(), -10), stages: [{ title: "Alt", offsetDays: -1 }, { title: "Bald", offsetDays: 15 }, { title: "Später", offsetDays: 100 }] }));
    const { participantId } = await createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, []));
    let view = await board(coordinator, programme.programmeId);
    expect(view.rows[0]!.attention).toEqual(["overdue", "due_soon"]);
    expect(view.rows[0]!.current?.title).toBe("Alt");
    expect(view.deadlines.map((d) => [d.title, d.overdue])).toEqual([["Alt", true], ["Bald", false]]);
    await updateMilestone(coordinator, participantId, "m01", { status: "done", dueDate: addDays(berlinToday(), -11), note: "" });
    await updateMilestone(coordinator, participantId, "m02", { status: "not_applicable", dueDate: addDays(berlinToday(), 5), note: "" });
    view = await board(coordinator, programme.programmeId);
    expect(view.rows[0]!.attention).toEqual([]);
    expect(view.rows[0]!.current?.title).toBe("Später");
    expect(view.rows[0]!.done).toBe(1);
    const { attentionOf } = await import("../src/programme/programmes");
    expect(attentionOf({ createdAt: "2020-01-01T00:00:00Z" }, [], berlinToday())).toEqual(["no_contact"]);
    expect(attentionOf({ createdAt: "2020-01-01T00:00:00Z", lastContactAt: berlinToday() }, [], berlinToday())).toEqual([]);
  });
});
