import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Pages from "@vernetzt/core/info/pages";
import * as Contacts from "@vernetzt/core/info/contacts";
import { ContactInput, ContactSummaryInput, PageInput, Slug } from "@vernetzt/core/info/schema";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { requireStaff } from "../middleware";
import { invalidInput } from "../validate";

// Reading an existing page must not trip over the reserved-slug rule meant for new pages.
const SlugParam = v.object({ slug: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "invalid_slug"), v.maxLength(60, "too_long")) });
const NewSlugParam = v.object({ slug: Slug });
const ContactParam = v.object({ contactId: v.pipe(v.string(), v.regex(/^con_[0-9a-z]{26}$/, "invalid_id")) });

const readerOf = (c: Context<AppEnv>): Pages.Reader => c.get("user");

export const pageRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ pages: await Pages.listPages(readerOf(c)) }))
  .get("/:slug", sValidator("param", SlugParam, invalidInput), async (c) => c.json({ page: await Pages.getPage(c.req.valid("param").slug, readerOf(c)) }))
  .get("/:slug/history", requireStaff, sValidator("param", SlugParam, invalidInput), async (c) =>
    c.json({ revisions: await Pages.pageHistory(readerOf(c), c.req.valid("param").slug) }),
  )
  .put("/:slug", requireStaff, sValidator("param", NewSlugParam, invalidInput), sValidator("json", PageInput, invalidInput), async (c) =>
    c.json({ page: await Pages.savePage(readerOf(c), c.req.valid("param").slug, c.req.valid("json")) }),
  )
  .post("/:slug/delete", requireStaff, sValidator("param", SlugParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await Pages.deletePage(readerOf(c), c.req.valid("param").slug);
    return c.json({ status: "deleted" as const });
  });

export const contactRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ contacts: await Contacts.listContacts() }))
  // Before "/:contactId", so the summary is never read as a contact id.
  .get("/plain-summary", async (c) => c.json(await Contacts.contactSummary()))
  .put("/plain-summary", requireStaff, sValidator("json", ContactSummaryInput, invalidInput), async (c) =>
    c.json(await Contacts.saveContactSummary(readerOf(c), c.req.valid("json"))),
  )
  .post("/", requireStaff, sValidator("json", ContactInput, invalidInput), async (c) =>
    c.json({ contact: await Contacts.saveContact(readerOf(c), undefined, c.req.valid("json")) }, 201),
  )
  .put("/:contactId", requireStaff, sValidator("param", ContactParam, invalidInput), sValidator("json", ContactInput, invalidInput), async (c) =>
    c.json({ contact: await Contacts.saveContact(readerOf(c), c.req.valid("param").contactId, c.req.valid("json")) }),
  )
  .post("/:contactId/delete", requireStaff, sValidator("param", ContactParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await Contacts.deleteContact(readerOf(c), c.req.valid("param").contactId);
    return c.json({ status: "deleted" as const });
  });
