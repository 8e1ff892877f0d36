import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Messages from "@vernetzt/core/people/messages";
import { listOrganisations, myLinks } from "@vernetzt/core/people/organisations";
import * as Profiles from "@vernetzt/core/people/profiles";
import { requestImageUpload } from "@vernetzt/core/people/photos";
import { AreaInput, DirectoryQuery, PhotoFinalizeInput, PhotoUploadInput, ProfileInput, UserId } from "@vernetzt/core/people/schema";
import { hitAll } from "@vernetzt/core/auth/rate-limit";
import { HOUR } from "@vernetzt/core/time";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const PersonParam = v.object({ userId: UserId });
/** The image's bytes for the browser: private, short-lived in its cache, never sniffed as something else. */
export function imageResponse(c: Context<AppEnv>, image: { body: Uint8Array; contentType: string }) {
  c.header("Cache-Control", "private, max-age=300");
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(image.body as Uint8Array<ArrayBuffer>, 200, { "Content-Type": image.contentType });
}

export const uploadLimit = (c: Context<AppEnv>) => hitAll([{ key: `upload:${currentUser(c).userId}`, max: 30, windowMs: HOUR }]);

const BlockInput = v.strictObject({ blocked: v.boolean("required") }, "unknown_field");

/** Profiles and the member directory: approved members only; nothing here is public. */
export const peopleRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get("/", sValidator("query", DirectoryQuery, invalidInput), async (c) => c.json(await Profiles.searchDirectory(currentUser(c), c.req.valid("query")), 200))
  .get("/filters", async (c) => {
    const [areas, towns, organisations] = await Promise.all([Profiles.listAreas(), Profiles.listTowns(), listOrganisations(currentUser(c))]);
    return c.json({ areas, towns, organisations: organisations.map((o) => ({ orgId: o.orgId, name: o.name })) }, 200);
  })
  .get("/me", async (c) => {
    const user = currentUser(c);
    const [profile, organisations] = await Promise.all([Profiles.getOwnProfile(user), myLinks(user)]);
    return c.json({ profile, organisations }, 200);
  })
  .put("/me", sValidator("json", ProfileInput, invalidInput), async (c) => c.json({ profile: await Profiles.saveOwnProfile(currentUser(c), c.req.valid("json")) }, 200))
  .post("/me/photo/upload", sValidator("json", PhotoUploadInput, invalidInput), async (c) => {
    await uploadLimit(c);
    return c.json({ upload: await requestImageUpload(currentUser(c).userId, c.req.valid("json")) }, 201);
  })
  .put("/me/photo", sValidator("json", PhotoFinalizeInput, invalidInput), async (c) => c.json({ profile: await Profiles.setOwnPhoto(currentUser(c), c.req.valid("json").key) }, 200))
  .delete("/me/photo", sValidator("json", EmptyInput, invalidInput), async (c) => c.json({ profile: await Profiles.removeOwnPhoto(currentUser(c)) }, 200))
  .post("/areas", requireStaff, sValidator("json", AreaInput, invalidInput), async (c) => c.json({ area: await Profiles.createArea(currentUser(c), c.req.valid("json").label) }, 201))
  .get("/blocks", async (c) => c.json({ blocked: await Messages.listBlocks(currentUser(c)) }, 200))
  .get("/:userId", sValidator("param", PersonParam, invalidInput), async (c) => c.json({ person: await Profiles.viewProfile(currentUser(c), c.req.valid("param").userId) }, 200))
  .get("/:userId/photo", sValidator("param", PersonParam, invalidInput), async (c) => imageResponse(c, await Profiles.viewablePhoto(currentUser(c), c.req.valid("param").userId)))
  .put("/:userId/block", sValidator("param", PersonParam, invalidInput), sValidator("json", BlockInput, invalidInput), async (c) => {
    const { userId } = c.req.valid("param");
    if (c.req.valid("json").blocked) await Messages.block(currentUser(c), userId);
    else await Messages.unblock(currentUser(c), userId);
    return c.json({ blocked: c.req.valid("json").blocked }, 200);
  });
