import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Orgs from "@vernetzt/core/people/organisations";
import { requestImageUpload } from "@vernetzt/core/people/photos";
import { OrgId, OrganisationInput, OrgRoleInput, PhotoFinalizeInput, PhotoUploadInput, UserId } from "@vernetzt/core/people/schema";
import { imageResponse, uploadLimit } from "./people";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { currentUser, requireMember, requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const OrgParam = v.object({ orgId: OrgId });
const OrgMemberParam = v.object({ orgId: OrgId, userId: UserId });

/** The network's organisations: public details for everyone, members and links for approved members. */
export const organisationRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ organisations: await Orgs.listOrganisations(c.get("user")) }, 200))
  .get("/:orgId", sValidator("param", OrgParam, invalidInput), async (c) => c.json(await Orgs.organisationPage(c.get("user"), c.req.valid("param").orgId), 200))
  .get("/:orgId/logo", sValidator("param", OrgParam, invalidInput), async (c) => imageResponse(c, await Orgs.viewableLogo(c.get("user"), c.req.valid("param").orgId)))
  .post("/:orgId/logo/upload", requireStaff, sValidator("param", OrgParam, invalidInput), sValidator("json", PhotoUploadInput, invalidInput), async (c) => {
    await uploadLimit(c);
    await Orgs.getOrganisation(c.req.valid("param").orgId);
    return c.json({ upload: await requestImageUpload(currentUser(c).userId, c.req.valid("json")) }, 201);
  })
  .put("/:orgId/logo", requireStaff, sValidator("param", OrgParam, invalidInput), sValidator("json", PhotoFinalizeInput, invalidInput), async (c) => {
    return c.json({ organisation: await Orgs.setLogo(currentUser(c), c.req.valid("param").orgId, c.req.valid("json").key) }, 200);
  })
  .post("/", requireStaff, sValidator("json", OrganisationInput, invalidInput), async (c) => c.json({ organisation: await Orgs.createOrganisation(currentUser(c), c.req.valid("json")) }, 201))
  .put("/:orgId", requireStaff, sValidator("param", OrgParam, invalidInput), sValidator("json", OrganisationInput, invalidInput), async (c) => {
    return c.json({ organisation: await Orgs.updateOrganisation(currentUser(c), c.req.valid("param").orgId, c.req.valid("json")) }, 200);
  })
  .post("/:orgId/link", requireMember, sValidator("param", OrgParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    return c.json(await Orgs.requestLink(currentUser(c), c.req.valid("param").orgId), 201);
  })
  .post("/:orgId/members/:userId/confirm", requireMember, sValidator("param", OrgMemberParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { orgId, userId } = c.req.valid("param");
    await Orgs.confirmLink(currentUser(c), orgId, userId);
    return c.json({ confirmed: true as const }, 200);
  })
  .delete("/:orgId/members/:userId", requireMember, sValidator("param", OrgMemberParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    const { orgId, userId } = c.req.valid("param");
    await Orgs.removeLink(currentUser(c), orgId, userId);
    return c.json({ removed: true as const }, 200);
  })
  .put("/:orgId/members/:userId/role", requireStaff, sValidator("param", OrgMemberParam, invalidInput), sValidator("json", OrgRoleInput, invalidInput), async (c) => {
    const { orgId, userId } = c.req.valid("param");
    await Orgs.setLinkRole(currentUser(c), orgId, userId, c.req.valid("json").role);
    return c.json({ role: c.req.valid("json").role }, 200);
  });
