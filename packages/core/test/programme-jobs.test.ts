import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { addDays, FORMER_MEMBER } from "../src/programme/constants";
import { berlinToday, createProgramme, myProgrammes } from "../src/programme/programmes";
import { accessLog, createParticipant, logContact, showParticipant, updateMilestone } from "../src/programme/participants";
import { sendMilestoneReminders } from "../src/programme/reminders";
import { programmePrivacy } from "../src/programme/privacy";
import { db } from "../src/db";
import { fill, serverTexts } from "../src/i18n";
import { LOCALES } from "../src/user/constants";
import { mailsTo } from "./mail";
import { participantInput, programmeInput, storedMember } from "./programme-fixtures";

describe("programme reminders", () => {
  it("mails each mentor once before a milestone is due, however often the job runs", async () => {
    const coordinator = await storedMember("coordinator");
    const mentor = await storedMember("volunteer");
    const second = await storedMember("volunteer");
    const programme = await createProgramme(coordinator, programmeInput({ courseStart: berlinToday(), stages: [{ title: "Erste-Hilfe-Kurs am Kind", offsetDays: 3 }, { title: "Weit weg", offsetDays: 40 }, { title: "Vorbei", offsetDays: -2 }] }));
    const { participantId } = await createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, [mentor.userId, second.userId]));
    await Promise.all([sendMilestoneReminders(), sendMilestoneReminders()]);
    await sendMilestoneReminders();
    const mails = await mailsTo(mentor.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Bald fällig: Erste-Hilfe-Kurs am Kind/)]);
    expect(mails[0]!.body.text).toContain(`/programmes/${programme.programmeId}/participants/${participantId}`);
    expect(await mailsTo(second.email)).toHaveLength(1);

    // Done milestones are not reminded; a moved due date is reminded again.
    await updateMilestone(coordinator, participantId, "m01", { status: "open", dueDate: addDays(berlinToday(), 5), note: "" });
    await updateMilestone(coordinator, participantId, "m02", { status: "done", dueDate: addDays(berlinToday(), 2), note: "" });
    await sendMilestoneReminders();
    await sendMilestoneReminders();
    expect((await mailsTo(mentor.email)).map((m) => m.subject)).toHaveLength(2);
  });
});

describe("programme privacy for members", () => {
  it("exports a mentor's assignments and own entries without the participant's personal data, and erases them", async () => {
    const coordinator = await storedMember("coordinator");
    const mentor = await storedMember("volunteer");
    const programme = await createProgramme(coordinator, programmeInput());
    const input = participantInput(coordinator.userId, [mentor.userId]);
    const { participantId } = await createParticipant(coordinator, programme.programmeId, input);
    await showParticipant(mentor, participantId);
    await logContact(mentor, participantId, { date: berlinToday(), kind: "meeting", note: "Sprachcafé besucht" });
    await updateMilestone(mentor, participantId, "m01", { status: "done", dueDate: null, note: "" });

    const exported = (await programmePrivacy.export(mentor.userId)) as { mentors: { participantId: string; programme: string }[]; contactEntries: { note: string }[] };
    expect(exported.mentors).toEqual([expect.objectContaining({ participantId, programme: programme.name })]);
    expect(exported.contactEntries.map((c) => c.note)).toEqual(["Sprachcafé besucht"]);
    expect(JSON.stringify(exported)).not.toContain(input.name);
    expect(JSON.stringify(exported)).not.toContain(input.email);
    expect(((await programmePrivacy.export(coordinator.userId)) as { coordinates: { programmeId: string }[] }).coordinates.map((c) => c.programmeId)).toEqual([programme.programmeId]);

    await programmePrivacy.erase(mentor.userId, { removePosts: false });
    await programmePrivacy.erase(mentor.userId, { removePosts: false });
    expect(await myProgrammes(mentor)).toEqual([]);
    await expect(showParticipant(mentor, participantId)).rejects.toMatchObject({ code: "participant_not_found" });
    const view = await showParticipant(coordinator, participantId);
    expect(view.mentors).toEqual([]);
    expect(view.contacts).toEqual([expect.objectContaining({ note: "Sprachcafé besucht", authorName: null })]);
    const { data: contacts } = await db().entities.participantContact.query.byParticipant({ participantId }).go();
    expect(contacts.map((c) => c.authorId)).toEqual([FORMER_MEMBER]);
    const log = await accessLog(coordinator, participantId);
    expect(log.filter((e) => e.action === "contact_logged")).toEqual([expect.objectContaining({ actorName: null })]);
    const { data: changed } = await db().entities.milestone.get({ participantId, milestoneId: "m01" }).go();
    expect(changed?.updatedBy).toBe(FORMER_MEMBER);
    const { data: reads } = await db().entities.participantAccess.query.byActor({ actorId: mentor.userId }).go();
    expect(reads).toEqual([]);
    expect(((await programmePrivacy.export(mentor.userId)) as { contactEntries: unknown[] }).contactEntries).toEqual([]);
  });
});

describe("printable summary", () => {
  it("renders a PDF with the participant's milestones", async () => {
    const coordinator = await storedMember("coordinator");
    const programme = await createProgramme(coordinator, programmeInput());
    const { participantId } = await createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, [], { name: "Şükran Yılmaz-Ğüler" }));
    const { summaryPdf } = await import("../src/programme/summary-pdf");
    const bytes = await summaryPdf(await showParticipant(coordinator, participantId), "de", berlinToday());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Fortschritt: Şükran Yılmaz-Ğüler");
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it("prints it in each of the five languages, with a long German note wrapped onto the lines", async () => {
    const coordinator = await storedMember("coordinator");
    const programme = await createProgramme(coordinator, programmeInput());
    const { participantId } = await createParticipant(coordinator, programme.programmeId, participantInput(coordinator.userId, [], { name: "Nour Al-Hassan" }));
    await updateMilestone(coordinator, participantId, "m01", { status: "done", dueDate: null, note: "Kurs am Samstag (9–12 Uhr) abgeschlossen, Zertifikat liegt vor. ".repeat(8) });
    await logContact(coordinator, participantId, { date: berlinToday(), kind: "meeting", note: "Termin beim Jobcenter, Nr. 4711" });
    const view = await showParticipant(coordinator, participantId);
    const { summaryPdf } = await import("../src/programme/summary-pdf");
    for (const locale of LOCALES) {
      const bytes = await summaryPdf(view, locale, berlinToday());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
      const doc = await PDFDocument.load(bytes);
      expect(doc.getTitle()).toBe(fill(serverTexts(locale).programmeSummary.title, { name: "Nour Al-Hassan" }));
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    }
  });
});
