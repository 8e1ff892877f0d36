import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as News from "@vernetzt/core/newsletter/news";
import * as Issues from "@vernetzt/core/newsletter/issues";
import * as Subscribers from "@vernetzt/core/newsletter/subscribers";
import { IssueEditInput, MemberSubscriptionInput, NewsInput, NewsListQuery, SettingsInput, SubscribeInput } from "@vernetzt/core/newsletter/schema";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const NewsParam = v.object({ newsId: v.pipe(v.string(), v.regex(/^nws_[0-9a-z]{26}$/, "invalid_id")) });
const TokenQuery = v.strictObject({ token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, "invalid_token")) }, "unknown_field");
const TokenInput = TokenQuery;
const CursorQuery = v.strictObject({ cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "too_long"))) }, "unknown_field");
const NumberParam = v.object({ number: v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, "invalid_number"), v.transform(Number)) });
const IssueParam = v.object({ issueId: v.pipe(v.string(), v.regex(/^iss_[0-9a-z]{26}$/, "invalid_id")) });
const ApproveInput = v.strictObject({ sendNow: v.optional(v.boolean(), false) }, "unknown_field");

const userOf = (c: Context<AppEnv>) => c.get("user");

export const newsRoutes = new Hono<AppEnv>()
  .get("/", sValidator("query", NewsListQuery, invalidInput), async (c) => c.json(await News.listNews(userOf(c), c.req.valid("query"))))
  .get("/:newsId", sValidator("param", NewsParam, invalidInput), async (c) => c.json({ news: await News.toNewsView(await News.getNews(c.req.valid("param").newsId, userOf(c)), userOf(c)) }))
  .post("/", sValidator("json", NewsInput, invalidInput), async (c) => c.json({ news: await News.toNewsView(await News.createNews(userOf(c), c.req.valid("json")), userOf(c)) }, 201))
  .put("/:newsId", sValidator("param", NewsParam, invalidInput), sValidator("json", NewsInput, invalidInput), async (c) =>
    c.json({ news: await News.toNewsView(await News.updateNews(userOf(c), c.req.valid("param").newsId, c.req.valid("json")), userOf(c)) }),
  )
  .post("/:newsId/delete", sValidator("param", NewsParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await News.deleteNews(userOf(c), c.req.valid("param").newsId);
    return c.json({ status: "deleted" as const });
  });

const staff = new Hono<AppEnv>()
  .use(requireStaff)
  .get("/next", async (c) => c.json({ issue: await Issues.nextIssueForEditor(userOf(c)) }))
  .put("/next", sValidator("json", IssueEditInput, invalidInput), async (c) => c.json({ issue: await Issues.editNext(userOf(c), c.req.valid("json")) }))
  .get("/next/preview", async (c) => c.json(await Issues.previewNext(userOf(c))))
  .post("/next/test", sValidator("json", EmptyInput, invalidInput), async (c) => c.json(await Issues.sendTest(userOf(c))))
  .post("/next/approve", sValidator("json", ApproveInput, invalidInput), async (c) => c.json({ issue: await Issues.approveNext(userOf(c), c.req.valid("json").sendNow) }))
  .post("/next/withdraw", sValidator("json", EmptyInput, invalidInput), async (c) => c.json({ issue: await Issues.withdrawApproval(userOf(c)) }))
  .get("/progress", async (c) => c.json({ issues: await Issues.recentProgress(userOf(c)) }))
  .post("/issues/:issueId/resend-unknown", sValidator("param", IssueParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) =>
    c.json(await Issues.resendUnknownOf(userOf(c), c.req.valid("param").issueId)),
  )
  .get("/subscribers/counts", async (c) => c.json({ counts: await Subscribers.subscriberCounts(userOf(c)) }))
  .get("/subscribers.csv", async (c) =>
    c.body(await Subscribers.subscribersCsv(userOf(c)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="newsletter-abonnenten.csv"',
    }),
  )
  .get("/settings", async (c) => c.json({ settings: await Issues.getSettings() }))
  .put("/settings", sValidator("json", SettingsInput, invalidInput), async (c) => c.json({ settings: await Issues.updateSettings(userOf(c), c.req.valid("json")) }));

export const newsletterRoutes = new Hono<AppEnv>()
  .post("/subscribe", sValidator("json", SubscribeInput, invalidInput), async (c) => {
    const input = c.req.valid("json");
    await Subscribers.subscribePublic(input.email, c.get("meta"), input.locale);
    return c.json({ status: "check_email" as const }, 202);
  })
  .post("/confirm", sValidator("json", TokenInput, invalidInput), async (c) => c.json(await Subscribers.confirmSubscription(c.req.valid("json").token)))
  .get("/unsubscribe", sValidator("query", TokenQuery, invalidInput), async (c) => c.json(await Subscribers.describeToken(c.req.valid("query").token)))
  // RFC 8058 one-click: the mail provider POSTs a form without cookies; the token is the authority
  // (see TOKEN_AUTHORISED_WRITES in middleware.ts).
  .post("/unsubscribe", sValidator("query", TokenQuery, invalidInput), async (c) => c.json(await Subscribers.unsubscribeByToken(c.req.valid("query").token)))
  .get("/me", requireMember, async (c) => c.json(await Subscribers.memberSubscription(currentUser(c))))
  .put("/me", requireMember, sValidator("json", MemberSubscriptionInput, invalidInput), async (c) => c.json(await Subscribers.setMemberSubscription(currentUser(c), c.req.valid("json").subscribed)))
  .get("/signup", async (c) => c.json(await Issues.signupPage()))
  .get("/archive", sValidator("query", CursorQuery, invalidInput), async (c) => c.json(await Issues.listArchive(userOf(c), c.req.valid("query").cursor)))
  .get("/archive/:number", sValidator("param", NumberParam, invalidInput), async (c) => c.json({ issue: await Issues.archivedIssue(userOf(c), c.req.valid("param").number) }))
  .route("/", staff);
