import { conditionFailed, db } from "../db";
import { VisibleError } from "../errors";
import { renderMarkdown } from "../markdown";
import { nowIso } from "../time";
import { isStaff, memberNames } from "../user/account";
import type { MemberStatus, Role } from "../user/user.entity";
import { auditRecord } from "../audit/audit";
import { LEGAL_DEFAULTS } from "./defaults";
import { LEGAL_SLUGS, type PageItem, type PageVisibility } from "./info.entity";
import type { PageInput } from "./schema";

/** The signed-in member, if any. */
export type Reader = { userId: string; role: Role; status: MemberStatus } | undefined;

export interface PageSummary {
  slug: string;
  title: string;
  visibility: PageVisibility;
  position: number;
  inMenu: boolean;
}
export interface PageView extends PageSummary {
  body: string;
  html: string;
  revision: number;
  updatedAt: string;
  legal: boolean;
  mayEdit: boolean;
}

const isMember = (r: Reader) => r?.status === "approved";
const mayEdit = (r: Reader) => r !== undefined && r.status === "approved" && isStaff(r.role);
const mayRead = (r: Reader, page: { visibility: PageVisibility }) => page.visibility === "public" || isMember(r);
const isLegal = (slug: string) => (LEGAL_SLUGS as readonly string[]).includes(slug);

function assertEditor(r: Reader) {
  if (!mayEdit(r)) throw new VisibleError("forbidden", "forbidden", "Only coordinators may edit pages.");
}

async function view(page: PageItem, reader: Reader): Promise<PageView> {
  return {
    slug: page.slug,
    title: page.title,
    visibility: page.visibility,
    position: page.position,
    inMenu: page.inMenu,
    body: page.body,
    html: await renderMarkdown(page.body),
    revision: page.revision,
    updatedAt: page.updatedAt,
    legal: isLegal(page.slug),
    mayEdit: mayEdit(reader),
  };
}

/** A legal page not yet edited is served from its template, so the footer links never break. */
function legalDefault(slug: string): PageItem | undefined {
  const d = LEGAL_DEFAULTS.find((p) => p.slug === slug);
  return d && { ...d, revision: 0, createdAt: "", updatedAt: "", updatedBy: "system" };
}

/** Pages the reader may see, in menu order (coordinators see all). */
export async function listPages(reader: Reader): Promise<PageSummary[]> {
  const { data } = await db().entities.page.query.byPosition({}).go({ pages: "all" });
  return data
    .filter((p) => mayEdit(reader) || mayRead(reader, p))
    .map(({ slug, title, visibility, position, inMenu }) => ({ slug, title, visibility, position, inMenu }));
}

export async function getPage(slug: string, reader: Reader): Promise<PageView> {
  const { data } = await db().entities.page.get({ slug }).go();
  const page = data ?? legalDefault(slug);
  if (!page) throw new VisibleError("not_found", "page_not_found", "There is no such page.");
  if (!mayRead(reader, page)) {
    if (!reader) throw new VisibleError("unauthorized", "members_only", "This page is for members. Please sign in.");
    throw new VisibleError("forbidden", "members_only", "This page is for approved members only.");
  }
  return view(page, reader);
}

/**
 * Creates (no `revision`) or updates a page. The update is conditioned on the revision the editor
 * started from, so two coordinators cannot silently overwrite each other; the snapshot for the
 * history and the audit entry are written in the same transaction.
 */
export async function savePage(reader: Reader, slug: string, input: PageInput): Promise<PageView> {
  assertEditor(reader);
  const actorId = reader!.userId;
  const now = nowIso();
  const legal = isLegal(slug);
  const visibility = legal ? "public" : input.visibility;
  const inMenu = legal ? false : input.inMenu;
  const known = legal && input.revision === undefined ? undefined : input.revision;
  const stored = await db().entities.page.get({ slug }).go();
  // A legal page still served from its template is created by its first save.
  const creating = known === undefined || (legal && !stored.data && known === 0);
  const revision = creating ? 1 : known! + 1;
  const page: PageItem = {
    slug,
    title: input.title,
    body: input.body,
    visibility,
    position: input.position,
    inMenu,
    revision,
    createdAt: stored.data?.createdAt ?? now,
    updatedAt: now,
    updatedBy: actorId,
  };
  const result = await db()
    .transaction.write(({ page: pages, pageRevision, audit }) => [
      creating
        ? pages.create(page).commit()
        : pages
            .patch({ slug })
            .set({ title: page.title, body: page.body, visibility, position: page.position, inMenu, revision, updatedAt: now, updatedBy: actorId })
            .where((attr, op) => op.eq(attr.revision, known!))
            .commit(),
      pageRevision.create({ slug, revision, title: page.title, body: page.body, editedAt: now, editedBy: actorId }).commit(),
      audit.create(auditRecord(actorId, "page_saved", slug, page.title)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) {
    if (creating) throw new VisibleError("conflict", "slug_taken", "A page with this address exists already.", { slug: "slug_taken" });
    throw new VisibleError("conflict", "changed_meanwhile", "Someone else changed this page meanwhile. Please reload.");
  }
  return view(page, reader);
}

export async function deletePage(reader: Reader, slug: string): Promise<void> {
  assertEditor(reader);
  if (isLegal(slug)) throw new VisibleError("forbidden", "legal_page", "The Impressum and the privacy notice cannot be deleted.");
  const result = await db()
    .transaction.write(({ page, audit }) => [
      page.delete({ slug }).where((attr, op) => op.exists(attr.slug)).commit(),
      audit.create(auditRecord(reader!.userId, "page_deleted", slug)).commit(),
    ])
    .go()
    .catch((err: unknown) => {
      if (conditionFailed(err)) return { canceled: true };
      throw err;
    });
  if (result.canceled) throw new VisibleError("not_found", "page_not_found", "There is no such page.");
  const { data } = await db().entities.pageRevision.query.bySlug({ slug }).go({ pages: "all", attributes: ["slug", "revision"] });
  if (data.length > 0) await db().entities.pageRevision.delete(data.map(({ revision }) => ({ slug, revision }))).go();
}

export interface PageRevisionView {
  revision: number;
  editedAt: string;
  editedBy: string | null;
  title: string;
}

/** Who changed the page when, newest first. */
export async function pageHistory(reader: Reader, slug: string): Promise<PageRevisionView[]> {
  assertEditor(reader);
  const { data } = await db().entities.pageRevision.query.bySlug({ slug }).go({ order: "desc", limit: 50 });
  const names = new Map((await memberNames([...new Set(data.map((r) => r.editedBy))])).map((m) => [m.userId, m.name]));
  return data.map((r) => ({ revision: r.revision, editedAt: r.editedAt, editedBy: names.get(r.editedBy) ?? null, title: r.title }));
}
