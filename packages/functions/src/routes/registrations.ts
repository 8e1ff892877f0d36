import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Registration from "@vernetzt/core/event/registration";
import { verifyCertificate } from "@vernetzt/core/event/certificate";
import { calendarFeedStatus, myEvents, memberFeed, renewCalendarToken, revokeCalendarToken } from "@vernetzt/core/event/mine";
import { publicFeed } from "@vernetzt/core/event/feed";
import { config } from "@vernetzt/core/config";
import { LinkTokenInput } from "@vernetzt/core/event/schema";
import { EmptyInput } from "@vernetzt/core/user/schema";
import { LOCALES } from "@vernetzt/core/user/constants";
import type { AppEnv } from "../env";
import { currentUser, requireMember } from "../middleware";
import { invalidInput } from "../validate";

const ICS_HEADERS = { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "public, max-age=900" };

/** Links from e-mails (no sign-in), certificates and calendar feeds. */
export const registrationRoutes = new Hono<AppEnv>()
  .post("/registrations/confirm", sValidator("json", LinkTokenInput, invalidInput), async (c) => c.json(await Registration.confirmGuest(c.req.valid("json").token)))
  .get("/registrations/cancel", sValidator("query", LinkTokenInput, invalidInput), async (c) => c.json(await Registration.describeCancelLink(c.req.valid("query").token)))
  .post("/registrations/cancel", sValidator("json", LinkTokenInput, invalidInput), async (c) => c.json(await Registration.cancelByLink(c.req.valid("json").token)))
  .get("/certificates/:code", sValidator("param", v.object({ code: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/, "invalid_code")) }), invalidInput), async (c) => {
    const { code, name, eventTitle, eventKind, organiser, topics, startsAt, endsAt, issuedAt } = await verifyCertificate(c.req.valid("param").code);
    return c.json({ certificate: { code, name, eventTitle, eventKind, organiser, topics, startsAt, endsAt, issuedAt } });
  })
  .get("/me/events", requireMember, sValidator("query", v.strictObject({ when: v.optional(v.picklist(["upcoming", "past"], "invalid_choice"), "upcoming") }, "unknown_field"), invalidInput), async (c) =>
    c.json({ events: await myEvents(currentUser(c), c.req.valid("query").when) }),
  )
  .get("/me/calendar-feed", requireMember, (c) => c.json(calendarFeedStatus(currentUser(c))))
  .post("/me/calendar-feed/revoke", requireMember, sValidator("json", EmptyInput, invalidInput), async (c) => {
    await revokeCalendarToken(currentUser(c));
    return c.json({ exists: false });
  })
  .post("/me/calendar-feed", requireMember, sValidator("json", EmptyInput, invalidInput), async (c) => {
    const token = await renewCalendarToken(currentUser(c));
    return c.json({ url: `${config().appOrigin}/api/calendar/member/${token}.ics` });
  })
  .get("/calendar/public.ics", sValidator("query", v.strictObject({ lang: v.optional(v.picklist(LOCALES, "invalid_choice"), "de") }, "unknown_field"), invalidInput), async (c) =>
    c.body(await publicFeed(c.req.valid("query").lang), 200, ICS_HEADERS),
  )
  .get("/calendar/member/:file{[A-Za-z0-9_-]{43}\\.ics}", async (c) => {
    const token = c.req.param("file").slice(0, -4);
    return c.body(await memberFeed(token), 200, { ...ICS_HEADERS, "Cache-Control": "private, max-age=900" });
  });
