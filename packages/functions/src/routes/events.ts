import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Events from "@vernetzt/core/event/events";
import * as Manage from "@vernetzt/core/event/manage";
import * as Registration from "@vernetzt/core/event/registration";
import * as Participants from "@vernetzt/core/event/participants";
import { createSeries } from "@vernetzt/core/event/series";
import { eventIcs } from "@vernetzt/core/event/ical";
import { certificatePdf, issueCertificate } from "@vernetzt/core/event/certificate";
import { hitAll } from "@vernetzt/core/auth/rate-limit";
import { HOUR } from "@vernetzt/core/time";
import { normalizeEmail } from "@vernetzt/core/text";
import { memberNames } from "@vernetzt/core/user/account";
import {
  AddParticipantInput,
  AttendanceInput,
  EditScopeQuery,
  EventInput,
  EventListQuery,
  GuestRegisterInput,
  MessageInput,
  RegisterInput,
  SeriesInput,
} from "@vernetzt/core/event/schema";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const FacetsQuery = v.strictObject({ when: v.optional(v.picklist(["upcoming", "past"], "invalid_choice"), "upcoming") }, "unknown_field");
const EventParam = v.object({ eventId: v.pipe(v.string(), v.regex(/^evt_[0-9a-z]{26}$/, "invalid_id")) });
const ParticipantParam = v.object({
  eventId: EventParam.entries.eventId,
  participantKey: v.pipe(v.string(), v.regex(/^(usr_[0-9a-z]{26}|guest#[^\s#]{3,254})$/, "invalid_id")),
});

/** The signed-in member as an event viewer, or undefined for a guest. */
export function viewerOf(c: Context<AppEnv>): Events.Viewer {
  const user = c.get("user");
  return user ? { userId: user.userId, role: user.role, status: user.status } : undefined;
}

async function detail(c: Context<AppEnv>, eventId: string) {
  const viewer = viewerOf(c);
  const { event, registration } = await Events.loadVisibleEventWithRegistration(eventId, viewer);
  const place = registration ? await Registration.waitlistPlace(registration) : undefined;
  return Events.toEventView(event, viewer, registration, place);
}

/** Routes coordinators use to run an event. */
const staff = new Hono<AppEnv>()
  .use(requireStaff)
  .post("/", sValidator("json", EventInput, invalidInput), async (c) => {
    const event = await Events.createEvent(viewerOf(c), c.req.valid("json"));
    return c.json({ event: await Events.toEventView(event, viewerOf(c)) }, 201);
  })
  .post("/series", sValidator("json", SeriesInput, invalidInput), async (c) => {
    const events = await createSeries(viewerOf(c), c.req.valid("json"));
    return c.json({ events: await Promise.all(events.map((e) => Events.toEventView(e, viewerOf(c)))) }, 201);
  })
  .get("/:eventId/edit", sValidator("param", EventParam, invalidInput), async (c) => {
    const event = await Events.loadVisibleEvent(c.req.valid("param").eventId, viewerOf(c));
    const input = Events.toEventInput(event);
    return c.json({ input, invitees: await memberNames(input.inviteeIds), status: event.status, seriesId: event.seriesId === event.eventId ? null : event.seriesId });
  })
  .put("/:eventId", sValidator("param", EventParam, invalidInput), sValidator("query", EditScopeQuery, invalidInput), sValidator("json", EventInput, invalidInput), async (c) => {
    const saved = await Manage.saveEvent(viewerOf(c), c.req.valid("param").eventId, c.req.valid("json"), c.req.valid("query").scope);
    return c.json({ events: await Promise.all(saved.map((e) => Events.toEventView(e, viewerOf(c)))) });
  })
  .post("/:eventId/publish", sValidator("param", EventParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    return c.json({ event: await Events.toEventView(await Manage.publishEvent(viewerOf(c), c.req.valid("param").eventId), viewerOf(c)) });
  })
  .post("/:eventId/cancel", sValidator("param", EventParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { event, notified } = await Manage.cancelEvent(viewerOf(c), c.req.valid("param").eventId);
    return c.json({ event: await Events.toEventView(event, viewerOf(c)), notified });
  })
  .get("/:eventId/participants", sValidator("param", EventParam, invalidInput), async (c) => {
    const { event, participants } = await Participants.listParticipants(viewerOf(c), c.req.valid("param").eventId);
    return c.json({ event: await Events.toEventView(event, viewerOf(c)), participants });
  })
  .get("/:eventId/participants.csv", sValidator("param", EventParam, invalidInput), async (c) => {
    const { filename, csv } = await Participants.participantsCsv(viewerOf(c), c.req.valid("param").eventId, c.get("user")?.locale);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    });
  })
  .post("/:eventId/participants", sValidator("param", EventParam, invalidInput), sValidator("json", AddParticipantInput, invalidInput), async (c) => {
    const { outcome } = await Participants.addParticipant(viewerOf(c), c.req.valid("param").eventId, c.req.valid("json"));
    return c.json({ outcome }, 201);
  })
  .post("/:eventId/participants/:participantKey/remove", sValidator("param", ParticipantParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { eventId, participantKey } = c.req.valid("param");
    await Participants.removeParticipant(viewerOf(c), eventId, participantKey);
    return c.json({ status: "cancelled" as const });
  })
  .put("/:eventId/participants/:participantKey/attendance", sValidator("param", ParticipantParam, invalidInput), sValidator("json", AttendanceInput, invalidInput), async (c) => {
    const { eventId, participantKey } = c.req.valid("param");
    return c.json({ participant: await Participants.setAttendance(viewerOf(c), eventId, participantKey, c.req.valid("json").attendance) });
  })
  .post("/:eventId/messages", sValidator("param", EventParam, invalidInput), sValidator("json", MessageInput, invalidInput), async (c) => {
    return c.json(await Participants.messageParticipants(viewerOf(c), c.req.valid("param").eventId, c.req.valid("json")));
  });

export const eventRoutes = new Hono<AppEnv>()
  .get("/", sValidator("query", EventListQuery, invalidInput), async (c) => c.json(await Events.listEvents(viewerOf(c), c.req.valid("query"))))
  .get("/facets", sValidator("query", FacetsQuery, invalidInput), async (c) => c.json(await Events.listFacets(viewerOf(c), c.req.valid("query").when)))
  .get("/:eventId", sValidator("param", EventParam, invalidInput), async (c) => c.json({ event: await detail(c, c.req.valid("param").eventId) }))
  .get("/:eventId/event.ics", sValidator("param", EventParam, invalidInput), async (c) => {
    const viewer = viewerOf(c);
    const { event, registration } = await Events.loadVisibleEventWithRegistration(c.req.valid("param").eventId, viewer);
    const ics = await eventIcs(event, registration?.status === "confirmed" || Events.isCoordinator(viewer), c.get("user")?.locale);
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="veranstaltung.ics"` });
  })
  .post("/:eventId/registration", requireMember, sValidator("param", EventParam, invalidInput), sValidator("json", RegisterInput, invalidInput), async (c) => {
    const { eventId } = c.req.valid("param");
    const { outcome } = await Registration.registerMember(currentUser(c), eventId, c.req.valid("json").answers);
    return c.json({ outcome, event: await detail(c, eventId) }, 201);
  })
  .post("/:eventId/registration/cancel", requireMember, sValidator("param", EventParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { eventId } = c.req.valid("param");
    await Registration.cancelRegistration(eventId, currentUser(c).userId);
    return c.json({ event: await detail(c, eventId) });
  })
  .post("/:eventId/guest-registration", sValidator("param", EventParam, invalidInput), sValidator("json", GuestRegisterInput, invalidInput), async (c) => {
    const input = c.req.valid("json");
    await hitAll([
      { key: `guestreg:ip:${c.get("meta").ip}`, max: 20, windowMs: HOUR },
      { key: `guestreg:acct:${normalizeEmail(input.email)}`, max: 5, windowMs: HOUR },
    ]);
    await Registration.registerGuest(c.req.valid("param").eventId, input, input.locale);
    return c.json({ status: "check_email" as const }, 202);
  })
  .get("/:eventId/certificate.pdf", requireMember, sValidator("param", EventParam, invalidInput), async (c) => {
    const certificate = await issueCertificate(currentUser(c), c.req.valid("param").eventId);
    const pdf = await certificatePdf(certificate, currentUser(c).locale);
    return c.body(pdf.buffer as ArrayBuffer, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="teilnahmebescheinigung-${certificate.code}.pdf"`,
    });
  })
  .route("/", staff);
