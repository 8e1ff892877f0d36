import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import { hitAll } from "@vernetzt/core/auth/rate-limit";
import * as Messages from "@vernetzt/core/people/messages";
import {
  ConversationId,
  ListQuery,
  MessageId,
  MessageInput,
  MessageReportId,
  MessageReportInput,
  ResolveMessageReportInput,
  StartConversationInput,
} from "@vernetzt/core/people/schema";
import { HOUR, MINUTE } from "@vernetzt/core/time";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const ConversationParam = v.object({ conversationId: ConversationId });
const MessageParam = v.object({ conversationId: ConversationId, messageId: MessageId });
const ReportParam = v.object({ reportId: MessageReportId });
const ReportListQuery = v.strictObject({ status: v.optional(v.picklist(["open", "resolved"], "invalid_choice"), "open"), cursor: ListQuery.entries.cursor }, "unknown_field");

/** Enough for a lively exchange, too few for a spam run. */
const sendingLimit = (c: Context<AppEnv>) => hitAll([{ key: `msg:send:${currentUser(c).userId}`, max: 60, windowMs: 10 * MINUTE }]);
const startingLimit = (c: Context<AppEnv>) => hitAll([{ key: `msg:start:${currentUser(c).userId}`, max: 20, windowMs: HOUR }]);

/** Private messages: only a conversation's participants read or write it. */
export const messageRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get("/", sValidator("query", ListQuery, invalidInput), async (c) => c.json(await Messages.listConversations(currentUser(c), c.req.valid("query").cursor), 200))
  .get("/unread", async (c) => c.json({ unread: await Messages.unreadTotal(currentUser(c)) }, 200))
  .post("/", sValidator("json", StartConversationInput, invalidInput), async (c) => {
    await startingLimit(c);
    await sendingLimit(c);
    return c.json(await Messages.startConversation(currentUser(c), c.req.valid("json")), 201);
  })
  .get("/reports", requireStaff, sValidator("query", ReportListQuery, invalidInput), async (c) => {
    const { status, cursor } = c.req.valid("query");
    return c.json(await Messages.listMessageReports(currentUser(c), status, cursor), 200);
  })
  .post("/reports/:reportId/resolve", requireStaff, sValidator("param", ReportParam, invalidInput), sValidator("json", ResolveMessageReportInput, invalidInput), async (c) => {
    await Messages.resolveMessageReport(currentUser(c), c.req.valid("param").reportId, c.req.valid("json").note);
    return c.json({ resolved: true as const }, 200);
  })
  .get("/:conversationId", sValidator("param", ConversationParam, invalidInput), sValidator("query", ListQuery, invalidInput), async (c) => {
    return c.json(await Messages.readConversation(currentUser(c), c.req.valid("param").conversationId, c.req.valid("query").cursor), 200);
  })
  .post("/:conversationId", sValidator("param", ConversationParam, invalidInput), sValidator("json", MessageInput, invalidInput), async (c) => {
    await sendingLimit(c);
    return c.json({ message: await Messages.sendMessage(currentUser(c), c.req.valid("param").conversationId, c.req.valid("json").body) }, 201);
  })
  .post("/:conversationId/messages/:messageId/report", sValidator("param", MessageParam, invalidInput), sValidator("json", MessageReportInput, invalidInput), async (c) => {
    await hitAll([{ key: `msg:report:${currentUser(c).userId}`, max: 20, windowMs: HOUR }]);
    const { conversationId, messageId } = c.req.valid("param");
    return c.json(await Messages.reportMessage(currentUser(c), conversationId, messageId, c.req.valid("json").reason), 201);
  });
