import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { listEvents, type EventView } from "../event/events";
import { createId } from "../id";
import { fold } from "../text";
import { nowIso } from "../time";
import { isStaff } from "../user/account";
import { MAX_ORGANISATIONS } from "./constants";
import type { OrgLinkItem, OrganisationItem } from "./people.entity";
import { assertAreasExist, maySee, profilesOf, syncProfile, usersOf, visibilityOf, type Viewer } from "./profiles";
import type { OrganisationInput } from "./schema";
import { deleteObject, finalizeImage, getObject } from "./photos";

export interface OrganisationView {
  orgId: string;
  name: string;
  description: string;
  areas: string[];
  contact: string;
  website: string;
  /** Only for signed-in approved members. */
  logoUrl?: string;
}

export interface OrgMemberView {
  userId: string;
  name: string;
  role: OrgLinkItem["role"];
}

export interface OrgPage {
  organisation: OrganisationView;
  events: EventView[];
  /** Approved viewers only: confirmed members who let the viewer see their organisations. */
  members?: OrgMemberView[];
  /** The viewer's own link, if any. */
  myLink?: { status: OrgLinkItem["status"]; role: OrgLinkItem["role"] };
  /** Coordinators and the organisation's admins: links waiting for confirmation. */
  requests?: OrgMemberView[];
  mayManage: boolean;
}

const notFound = () => new VisibleError("not_found", "organisation_not_found", "No such organisation.");
const isMember = (viewer: Viewer | undefined): viewer is Viewer => !!viewer && viewer.status === "approved";

export const logoUrl = (org: Pick<OrganisationItem, "orgId" | "updatedAt">) => `/api/organisations/${org.orgId}/logo?v=${encodeURIComponent(org.updatedAt)}`;

function toView(org: OrganisationItem, viewer: Viewer | undefined): OrganisationView {
  return {
    orgId: org.orgId,
    name: org.name,
    description: org.description,
    areas: org.areas,
    contact: org.contact,
    website: org.website,
    ...(org.logoKey && isMember(viewer) ? { logoUrl: logoUrl(org) } : {}),
  };
}

function assertStaff(viewer: Viewer | undefined): asserts viewer is Viewer {
  if (!viewer || viewer.status !== "approved" || !isStaff(viewer.role)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may do this.");
}

export async function getOrganisation(orgId: string): Promise<OrganisationItem> {
  const { data } = await db().entities.organisation.get({ orgId }).go();
  if (!data) throw notFound();
  return data;
}

export async function listOrganisations(viewer: Viewer | undefined): Promise<OrganisationView[]> {
  const { data } = await db().entities.organisation.query.byName({ scope: "orgs" }).go({ pages: "all" });
  return data.map((o) => toView(o, viewer));
}

export async function createOrganisation(viewer: Viewer, input: OrganisationInput): Promise<OrganisationView> {
  assertStaff(viewer);
  await assertAreasExist(input.areas);
  const now = nowIso();
  const org = { orgId: createId("org"), ...input, nameKey: fold(input.name), createdAt: now, updatedAt: now, scope: "orgs" };
  await db().entities.organisation.create(org).go();
  return toView(org as OrganisationItem, viewer);
}

export async function updateOrganisation(viewer: Viewer, orgId: string, input: OrganisationInput): Promise<OrganisationView> {
  assertStaff(viewer);
  await assertAreasExist(input.areas);
  try {
    const { data } = await db()
      .entities.organisation.patch({ orgId })
      .set({ ...input, nameKey: fold(input.name), updatedAt: nowIso() })
      .composite({ scope: "orgs" })
      .go({ response: "all_new" });
    return toView(data as OrganisationItem, viewer);
  } catch (err) {
    if (conditionFailed(err)) throw notFound();
    throw err;
  }
}

export async function setOrganisationLogo(orgId: string, logoKey: string | undefined): Promise<OrganisationItem> {
  const update = db().entities.organisation.patch({ orgId });
  const { data } = await (logoKey ? update.set({ logoKey, updatedAt: nowIso() }) : update.set({ updatedAt: nowIso() }).remove(["logoKey"])).go({ response: "all_new" });
  return data as OrganisationItem;
}

async function linkOf(orgId: string, userId: string) {
  const { data } = await db().entities.orgLink.get({ orgId, userId }).go();
  return data ?? undefined;
}

/** Coordinators, and members the organisation made its admins, confirm and remove links. */
async function mayManage(viewer: Viewer, orgId: string): Promise<boolean> {
  if (viewer.status !== "approved") return false;
  if (isStaff(viewer.role)) return true;
  const link = await linkOf(orgId, viewer.userId);
  return link?.status === "confirmed" && link.role === "admin";
}

export async function organisationPage(viewer: Viewer | undefined, orgId: string): Promise<OrgPage> {
  const org = await getOrganisation(orgId);
  const { events } = await listEvents(viewer, { when: "upcoming", organiser: org.name });
  if (!isMember(viewer)) return { organisation: toView(org, viewer), events, mayManage: false };
  const [{ data: links }, manage] = await Promise.all([db().entities.orgLink.query.byOrg({ orgId }).go({ pages: "all" }), mayManage(viewer, orgId)]);
  const ids = links.map((l) => l.userId);
  const [users, profiles] = await Promise.all([usersOf(ids), profilesOf(ids)]);
  const name = (id: string) => users.get(id)?.name ?? "";
  const members = links
    .filter((l) => l.status === "confirmed" && users.get(l.userId)?.status === "approved")
    .filter((l) => {
      const profile = profiles.get(l.userId);
      return maySee(profile ? visibilityOf(profile).organisations : "members", viewer, l.userId);
    })
    .map((l) => ({ userId: l.userId, name: name(l.userId), role: l.role }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  const mine = links.find((l) => l.userId === viewer.userId);
  return {
    organisation: toView(org, viewer),
    events,
    members,
    ...(mine ? { myLink: { status: mine.status, role: mine.role } } : {}),
    ...(manage ? { requests: links.filter((l) => l.status === "requested").map((l) => ({ userId: l.userId, name: name(l.userId), role: l.role })) } : {}),
    mayManage: manage,
  };
}

/** A member asks to be linked to an organisation; its admins or a coordinator confirm. */
export async function requestLink(viewer: Viewer, orgId: string): Promise<{ status: OrgLinkItem["status"] }> {
  await getOrganisation(orgId);
  try {
    await db().entities.orgLink.create({ orgId, userId: viewer.userId, status: "requested", role: "member", createdAt: nowIso() }).go();
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    throw new VisibleError("conflict", "already_linked", "You are already linked to this organisation or asked to be.");
  }
  return { status: "requested" };
}

/** Confirms a requested link; the member's directory facets change in the same transaction. */
export async function confirmLink(viewer: Viewer, orgId: string, userId: string): Promise<void> {
  if (!(await mayManage(viewer, orgId))) throw new VisibleError("forbidden", "forbidden", "Only the organisation's admins or coordinators may confirm members.");
  const link = await linkOf(orgId, userId);
  if (!link || link.status !== "requested") throw new VisibleError("not_found", "request_not_found", "No request from this member.");
  await syncProfile(userId, {
    orgIds: (current) => {
      // Counted on the links read with the profile's version: a concurrent confirmation makes this one read again.
      if (!current.includes(orgId) && current.length >= MAX_ORGANISATIONS) {
        throw new VisibleError("conflict", "too_many_organisations", `A member may belong to at most ${MAX_ORGANISATIONS} organisations.`);
      }
      return [...current, orgId];
    },
    extra: (tx) => [
      tx.orgLink
        .patch({ orgId, userId })
        .set({ status: "confirmed", confirmedAt: nowIso(), confirmedBy: viewer.userId })
        .where((a, op) => op.eq(a.status, "requested"))
        .commit(),
    ],
  });
}

/** Removes a link (the member themself, the organisation's admins or a coordinator). */
export async function removeLink(viewer: Viewer, orgId: string, userId: string): Promise<void> {
  if (viewer.userId !== userId && !(await mayManage(viewer, orgId))) throw new VisibleError("forbidden", "forbidden", "You may not remove this member.");
  const link = await linkOf(orgId, userId);
  if (!link) throw new VisibleError("not_found", "link_not_found", "This member is not linked to the organisation.");
  await syncProfile(userId, {
    orgIds: (current) => current.filter((id) => id !== orgId),
    extra: (tx) => [tx.orgLink.delete({ orgId, userId }).commit()],
  });
}

/** Coordinators make confirmed members the organisation's admins (or not). */
export async function setLinkRole(viewer: Viewer, orgId: string, userId: string, role: OrgLinkItem["role"]): Promise<void> {
  assertStaff(viewer);
  try {
    await db().entities.orgLink.patch({ orgId, userId }).set({ role }).where((a, op) => op.eq(a.status, "confirmed")).go();
  } catch (err) {
    if (conditionFailed(err)) throw new VisibleError("not_found", "link_not_found", "This member is not a confirmed member of the organisation.");
    throw err;
  }
}

/** The viewer's own organisation links (for their profile page). */
export async function myLinks(viewer: Viewer): Promise<{ orgId: string; name: string; status: OrgLinkItem["status"]; role: OrgLinkItem["role"] }[]> {
  const { data } = await db().entities.orgLink.query.byMember({ userId: viewer.userId }).go({ pages: "all" });
  if (data.length === 0) return [];
  const { data: orgs } = await db().entities.organisation.get(data.map((l) => ({ orgId: l.orgId }))).go();
  const names = new Map(orgs.map((o) => [o.orgId, o.name]));
  return data.filter((l) => names.has(l.orgId)).map((l) => ({ orgId: l.orgId, name: names.get(l.orgId)!, status: l.status, role: l.role }));
}


/** Coordinators give an organisation a logo from an upload (see photos.ts); the previous one is deleted. */
export async function setLogo(viewer: Viewer, orgId: string, uploadKey: string): Promise<OrganisationView> {
  assertStaff(viewer);
  const before = await getOrganisation(orgId);
  const key = await finalizeImage(viewer.userId, uploadKey, `logos/${orgId}`);
  const after = await setOrganisationLogo(orgId, key);
  if (before.logoKey && before.logoKey !== key) await deleteObject(before.logoKey);
  return toView(after, viewer);
}

/** Logos are shown to signed-in approved members only. */
export async function viewableLogo(viewer: Viewer | undefined, orgId: string): Promise<{ body: Uint8Array; contentType: string }> {
  const notFound = () => new VisibleError("not_found", "logo_not_found", "No logo.");
  if (!isMember(viewer)) throw notFound();
  const org = await getOrganisation(orgId);
  const stored = org.logoKey ? await getObject(org.logoKey) : undefined;
  if (!stored) throw notFound();
  return { body: stored.body, contentType: stored.contentType ?? "image/webp" };
}
