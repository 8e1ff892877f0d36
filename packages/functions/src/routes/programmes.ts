import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { VisibleError } from "@vernetzt/core/errors";
import { isStaff, twoFactorSetupRequired } from "@vernetzt/core/user/account";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import type { Actor } from "@vernetzt/core/programme/access";
import * as Programmes from "@vernetzt/core/programme/programmes";
import * as Participants from "@vernetzt/core/programme/participants";
import { ContactInput, MilestoneInput, ParticipantInput, ProgrammeInput } from "@vernetzt/core/programme/schema";
import { LOCALES } from "@vernetzt/core/user/constants";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const ProgrammeParam = v.object({ programmeId: v.pipe(v.string(), v.regex(/^prg_[0-9a-z]{26}$/, "invalid_id")) });
const ParticipantParam = v.object({ participantId: v.pipe(v.string(), v.regex(/^ptp_[0-9a-z]{26}$/, "invalid_id")) });
const MilestoneParam = v.object({
  participantId: ParticipantParam.entries.participantId,
  milestoneId: v.pipe(v.string(), v.regex(/^m\d{2}$/, "invalid_id")),
});
const ParticipantUpdate = v.strictObject({ ...ParticipantInput.entries, revision: v.pipe(v.number("required"), v.integer("invalid_number"), v.minValue(0, "too_small")) }, "unknown_field");
const SummaryQuery = v.strictObject({ locale: v.optional(v.picklist(LOCALES, "invalid_choice"), "de") }, "unknown_field");

function actorOf(c: Context<AppEnv>): Actor {
  const { userId, role, status } = currentUser(c);
  return { userId, role, status };
}

/** Coordinators read participants' data only with two-factor sign-in where it is required, as for every staff tool. */
const staffTwoFactor = createMiddleware<AppEnv>(async (c, next) => {
  const user = currentUser(c);
  if (isStaff(user.role) && twoFactorSetupRequired(user)) {
    throw new VisibleError("forbidden", "two_factor_setup_required", "Please turn on two-factor sign-in for your account first.");
  }
  await next();
});

/**
 * Accompaniment programmes. Coordinator-only routes also pass requireStaff (two-factor where
 * configured); core then checks the programme assignment itself (see core's programme/access.ts).
 */
export const programmeRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .use(staffTwoFactor)
  .get("/", async (c) => c.json({ programmes: await Programmes.myProgrammes(actorOf(c)) }))
  .post("/", requireStaff, sValidator("json", ProgrammeInput, invalidInput), async (c) => {
    return c.json({ programme: await Programmes.createProgramme(actorOf(c), c.req.valid("json")) }, 201);
  })
  .get("/participants/:participantId", sValidator("param", ParticipantParam, invalidInput), async (c) => {
    return c.json({ participant: await Participants.showParticipant(actorOf(c), c.req.valid("param").participantId) });
  })
  .put("/participants/:participantId", requireStaff, sValidator("param", ParticipantParam, invalidInput), sValidator("json", ParticipantUpdate, invalidInput), async (c) => {
    const { revision, ...input } = c.req.valid("json");
    return c.json({ participant: await Participants.updateParticipant(actorOf(c), c.req.valid("param").participantId, input, revision) });
  })
  .put("/participants/:participantId/milestones/:milestoneId", sValidator("param", MilestoneParam, invalidInput), sValidator("json", MilestoneInput, invalidInput), async (c) => {
    const { participantId, milestoneId } = c.req.valid("param");
    return c.json({ milestone: await Participants.updateMilestone(actorOf(c), participantId, milestoneId, c.req.valid("json")) });
  })
  .post("/participants/:participantId/contacts", sValidator("param", ParticipantParam, invalidInput), sValidator("json", ContactInput, invalidInput), async (c) => {
    return c.json({ contact: await Participants.logContact(actorOf(c), c.req.valid("param").participantId, c.req.valid("json")) }, 201);
  })
  .get("/participants/:participantId/log", requireStaff, sValidator("param", ParticipantParam, invalidInput), async (c) => {
    return c.json({ entries: await Participants.accessLog(actorOf(c), c.req.valid("param").participantId) });
  })
  .get("/participants/:participantId/export", requireStaff, sValidator("param", ParticipantParam, invalidInput), async (c) => {
    const data = await Participants.exportParticipant(actorOf(c), c.req.valid("param").participantId);
    return c.body(JSON.stringify(data, null, 2), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="datenauskunft-${c.req.valid("param").participantId}.json"`,
    });
  })
  .get("/participants/:participantId/summary.pdf", sValidator("param", ParticipantParam, invalidInput), sValidator("query", SummaryQuery, invalidInput), async (c) => {
    const view = await Participants.showParticipant(actorOf(c), c.req.valid("param").participantId, "summary_printed");
    // pdf-lib and the fonts load only on this path.
    const { summaryPdf } = await import("@vernetzt/core/programme/summary-pdf");
    const pdf = await summaryPdf(view, c.req.valid("query").locale, Programmes.berlinToday());
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="fortschritt-${view.participantId}.pdf"`,
    });
  })
  .post("/participants/:participantId/delete", requireStaff, sValidator("param", ParticipantParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await Participants.deleteParticipant(actorOf(c), c.req.valid("param").participantId);
    return c.json({ status: "deleted" as const });
  })
  .get("/:programmeId", sValidator("param", ProgrammeParam, invalidInput), async (c) => {
    return c.json({ programme: await Programmes.showProgramme(actorOf(c), c.req.valid("param").programmeId) });
  })
  .put("/:programmeId", requireStaff, sValidator("param", ProgrammeParam, invalidInput), sValidator("json", ProgrammeInput, invalidInput), async (c) => {
    return c.json({ programme: await Programmes.updateProgramme(actorOf(c), c.req.valid("param").programmeId, c.req.valid("json")) });
  })
  .get("/:programmeId/board", sValidator("param", ProgrammeParam, invalidInput), async (c) => {
    return c.json(await Programmes.board(actorOf(c), c.req.valid("param").programmeId));
  })
  .get("/:programmeId/log", requireStaff, sValidator("param", ProgrammeParam, invalidInput), async (c) => {
    return c.json({ entries: await Programmes.programmeLog(actorOf(c), c.req.valid("param").programmeId) });
  })
  .post("/:programmeId/participants", requireStaff, sValidator("param", ProgrammeParam, invalidInput), sValidator("json", ParticipantInput, invalidInput), async (c) => {
    return c.json(await Participants.createParticipant(actorOf(c), c.req.valid("param").programmeId, c.req.valid("json")), 201);
  });
