import { describe, expect, it } from "vitest";
import { handleLocalFileRequest } from "@vernetzt/core/storage/local";
import { db } from "@vernetzt/core/db";
import { BrowserSession } from "./browser-session";
import { PASSWORD, signedIn } from "./fixtures";

const slug = () => `seite-${Math.random().toString(36).slice(2, 8)}`;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function putFile(url: string, body: Uint8Array, contentType: string) {
  const res = await handleLocalFileRequest(new Request(url, { method: "PUT", body, headers: { "Content-Type": contentType } }));
  if (!res) throw new Error("not a local file URL");
  return res;
}

async function fetchSigned(url: string) {
  const res = await handleLocalFileRequest(new Request(url));
  if (!res) throw new Error("not a local file URL");
  return res;
}

describe("content pages", () => {
  it("serve the Impressum from its template until a coordinator edits it; guests read it, only staff edit it", async () => {
    const guest = new BrowserSession();
    const before = await guest.api.pages[":slug"].$get({ param: { slug: "impressum" } });
    expect(before.status).toBe(200);
    const { page } = await before.json();
    expect(page).toMatchObject({ title: "Impressum", legal: true, mayEdit: false });
    expect(page.body).toContain("[[");

    const { browser: volunteer } = await signedIn("volunteer");
    const refused = await volunteer.api.pages[":slug"].$put({ param: { slug: "impressum" }, json: { title: "Impressum", body: "x", visibility: "public" } });
    expect(refused.status).toBe(403);
  });

  it("coordinators create members-only pages with safe Markdown; guests are refused, edits are checked against the revision and audited", async () => {
    const { browser: coordinator, user } = await signedIn("coordinator");
    const s = slug();
    const created = await coordinator.api.pages[":slug"].$put({
      param: { slug: s },
      json: { title: "Supervision", body: "**Termine** <script>alert(1)</script> [x](javascript:alert(1))", visibility: "members", position: 40 },
    });
    expect(created.status).toBe(200);
    const { page } = await created.json();
    expect(page.html).toContain("<strong>Termine</strong>");
    expect(page.html).not.toContain("<script");
    expect(page.html).not.toMatch(/href="javascript/i);

    expect((await new BrowserSession().api.pages[":slug"].$get({ param: { slug: s } })).status).toBe(401);
    const { browser: member } = await signedIn("volunteer");
    expect((await member.api.pages[":slug"].$get({ param: { slug: s } })).status).toBe(200);
    const guestList = await (await new BrowserSession().api.pages.$get()).json();
    expect(guestList.pages.map((p) => p.slug)).not.toContain(s);

    const stale = await coordinator.api.pages[":slug"].$put({ param: { slug: s }, json: { title: "Alt", body: "", visibility: "members", revision: 7 } });
    expect(stale.status).toBe(409);
    const again = await coordinator.api.pages[":slug"].$put({ param: { slug: s }, json: { title: "Supervision 2027", body: "neu", visibility: "members", revision: 1 } });
    expect((await again.json()).page.revision).toBe(2);
    const history = await (await coordinator.api.pages[":slug"].history.$get({ param: { slug: s } })).json();
    expect(history.revisions.map((r) => [r.revision, r.editedBy])).toEqual([
      [2, user.name],
      [1, user.name],
    ]);
  });

  it("contact persons are public; only coordinators edit them", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const bad = await coordinator.api.contacts.$post({ json: { name: "A", email: "nope", phone: "call me" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as unknown as { error: { fields: Record<string, string> } }).error.fields).sort()).toEqual(["email", "name", "phone"]);
    const res = await coordinator.api.contacts.$post({
      json: { name: "Anna Koordinatorin", role: "Projektkoordination", phone: "+49 5551 12345", email: "anna@example.org", address: "Hauptstraße 1, 12345 Musterstadt", officeHours: "Di 10–12 Uhr" },
    });
    expect(res.status).toBe(201);
    const list = await (await new BrowserSession().api.contacts.$get()).json();
    expect(list.contacts.map((c) => c.name)).toContain("Anna Koordinatorin");
  });

  it("the contact page's plain-language summary: coordinators save it (audited), guests read it, volunteers may not", async () => {
    const { browser: coordinator, user } = await signedIn("coordinator");
    const text = "Sie haben eine Frage? Rufen Sie Anna an. Anna hilft Ihnen.";
    const saved = await coordinator.api.contacts["plain-summary"].$put({ json: { plainSummary: `  ${text} ` } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ plainSummary: text });
    const read = await new BrowserSession().api.contacts["plain-summary"].$get();
    expect(await read.json()).toEqual({ plainSummary: text });
    const { data: audit } = await db().entities.audit.query.byActor({ actorId: user.userId }).go();
    expect(audit.map((a) => a.action)).toContain("contact_summary_saved");

    const { browser: volunteer } = await signedIn("volunteer");
    expect((await volunteer.api.contacts["plain-summary"].$put({ json: { plainSummary: "x" } })).status).toBe(403);
    const tooLong = await coordinator.api.contacts["plain-summary"].$put({ json: { plainSummary: "a".repeat(601) } });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as unknown as { error: { fields: Record<string, string> } }).error.fields).toEqual({ plainSummary: "too_long" });

    const cleared = await coordinator.api.contacts["plain-summary"].$put({ json: { plainSummary: "" } });
    expect(await cleared.json()).toEqual({ plainSummary: null });
    expect(await (await new BrowserSession().api.contacts["plain-summary"].$get()).json()).toEqual({ plainSummary: null });
  });
});

describe("audit log", () => {
  it("admins read role changes and approvals newest first; coordinators may not", async () => {
    const { browser: admin, user: adminUser } = await signedIn("admin");
    const { user: target } = await signedIn("volunteer", "pending");
    await admin.api.members[":userId"][":action{approve|block|unblock}"].$post({ param: { userId: target.userId, action: "approve" }, json: {} });
    await admin.api.members[":userId"].role.$post({ param: { userId: target.userId }, json: { role: "coordinator" } });
    const res = await admin.api.audit.$get({ query: { targetId: target.userId } });
    const { entries } = await res.json();
    expect(entries.map((e) => [e.action, e.actorName, e.targetName])).toEqual([
      ["role_changed", adminUser.name, target.name],
      ["member_approved", adminUser.name, target.name],
    ]);
    const { browser: coordinator } = await signedIn("coordinator");
    expect((await coordinator.api.audit.$get({ query: {} })).status).toBe(403);
  });
});

describe("data protection routes", () => {
  it("a member downloads their data as a JSON file and deletes the account with their password; the session ends", async () => {
    const { browser, user } = await signedIn("volunteer");
    const res = await browser.api.privacy.export.$get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="vernetzt-meine-daten-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = JSON.parse(await res.text());
    expect(data.account).toMatchObject({ userId: user.userId, email: user.email });

    const wrong = await browser.api.privacy.delete.$post({ json: { password: "falsch falsch", removePosts: false } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: "wrong_password", fields: { password: "wrong_password" } } });
    expect((await browser.api.account.$get()).status).toBe(200);

    const done = await browser.api.privacy.delete.$post({ json: { password: PASSWORD, removePosts: true } });
    expect(await done.json()).toEqual({ status: "deleted" });
    expect((await browser.api.account.$get()).status).toBe(401);
    const signin = await new BrowserSession().api.auth.signin.$post({ json: { email: user.email, password: PASSWORD } });
    expect(signin.status).toBe(401);
  });

  it("admins delete a member's account, audited; coordinators may not", async () => {
    const { user: target } = await signedIn("volunteer");
    const { browser: coordinator } = await signedIn("coordinator");
    expect((await coordinator.api.privacy.members[":userId"].delete.$post({ param: { userId: target.userId }, json: {} })).status).toBe(403);
    const { browser: admin, user: adminUser } = await signedIn("admin");
    const res = await admin.api.privacy.members[":userId"].delete.$post({ param: { userId: target.userId }, json: {} });
    expect(res.status).toBe(200);
    const { entries } = await (await admin.api.audit.$get({ query: { actorId: adminUser.userId } })).json();
    expect(entries[0]).toMatchObject({ action: "account_deleted", detail: "by_admin" });
  });
});

describe("documents", () => {
  async function folder(coordinator: BrowserSession, visibility: "public" | "members") {
    const res = await coordinator.api.documents.folders.$post({ json: { name: `Konzepte ${visibility}`, description: "Zum Herunterladen", visibility } });
    return (await res.json()).folder.folderId;
  }

  async function upload(coordinator: BrowserSession, folderId: string, file: { name: string; body: Uint8Array; type: string }, visibility: "public" | "members" = "public") {
    const res = await coordinator.api.documents.uploads.$post({ json: { folderId, filename: file.name, size: file.body.byteLength, contentType: file.type, visibility } });
    expect(res.status).toBe(201);
    const { document, upload } = await res.json();
    expect((await putFile(upload.url, file.body, upload.headers["Content-Type"]!)).status).toBe(200);
    return coordinator.api.documents[":documentId"].finalize.$post({ param: { documentId: document.documentId }, json: {} });
  }

  it("checks the real type, sanitises the name, lists size and date, and downloads through a signed link", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const folderId = await folder(coordinator, "public");
    const done = await upload(coordinator, folderId, { name: "../../Konzept\u0007 Übersicht: März.pdf", body: PDF, type: "application/pdf" });
    expect(done.status).toBe(200);
    const { document } = await done.json();
    expect(document).toMatchObject({ filename: "Konzept Übersicht_ März.pdf", size: PDF.byteLength, contentType: "application/pdf" });

    const guest = new BrowserSession();
    const listed = (await (await guest.api.documents.$get()).json()).folders.find((f) => f.folderId === folderId);
    expect(listed?.documents.map((d) => [d.filename, d.size, typeof d.createdAt])).toEqual([["Konzept Übersicht_ März.pdf", PDF.byteLength, "string"]]);

    const redirect = await guest.api.documents[":documentId"].download.$get({ param: { documentId: document.documentId } });
    expect(redirect.status).toBe(302);
    const file = await fetchSigned(redirect.headers.get("location")!);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    const fake = await upload(coordinator, folderId, { name: "rechnung.pdf", body: new TextEncoder().encode("<html><script>alert(1)</script>"), type: "application/pdf" });
    expect(fake.status).toBe(400);
    expect(await fake.json()).toMatchObject({ error: { code: "file_content_mismatch" } });
    const exe = await coordinator.api.documents.uploads.$post({ json: { folderId, filename: "setup.exe", size: 10, contentType: "application/x-msdownload", visibility: "public" } });
    expect(await exe.json()).toMatchObject({ error: { code: "file_type_not_allowed" } });
    const huge = await coordinator.api.documents.uploads.$post({ json: { folderId, filename: "film.pdf", size: 21 * 1024 * 1024, contentType: "application/pdf", visibility: "public" } });
    expect(await huge.json()).toMatchObject({ error: { fields: { size: "file_too_large" } } });
    const csv = await upload(coordinator, folderId, { name: "Liste.csv", body: new TextEncoder().encode("Name;Ort\nAnna;Kassel\n"), type: "text/csv" });
    expect(csv.status).toBe(200);
  });

  it("members-only documents are unreachable for guests, and signed links expire", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const membersFolder = await folder(coordinator, "members");
    const { document } = await (await upload(coordinator, membersFolder, { name: "Intern.pdf", body: PDF, type: "application/pdf" }, "public")).json();
    const guest = new BrowserSession();
    expect((await (await guest.api.documents.$get()).json()).folders.map((f) => f.folderId)).not.toContain(membersFolder);
    const refused = await guest.api.documents[":documentId"].download.$get({ param: { documentId: document.documentId } });
    expect(refused.status).toBe(404);

    const { browser: member } = await signedIn("volunteer");
    const ok = await member.api.documents[":documentId"].download.$get({ param: { documentId: document.documentId } });
    expect(ok.status).toBe(302);

    const { downloadUrl } = await import("@vernetzt/core/info/documents");
    const { user } = await signedIn("volunteer");
    const expired = await downloadUrl(user, document.documentId, { expiresInSeconds: -1 });
    expect((await fetchSigned(expired)).status).toBe(403);
    const tampered = ok.headers.get("location")!.replace(/sig=[^&]+/, "sig=AAAA");
    expect((await fetchSigned(tampered)).status).toBe(403);
  });

  it("a folder is deleted only when empty; uploads and deletions are audited", async () => {
    const { browser: coordinator } = await signedIn("coordinator");
    const { browser: admin } = await signedIn("admin");
    const folderId = await folder(coordinator, "public");
    const { document } = await (await upload(coordinator, folderId, { name: "Flyer.pdf", body: PDF, type: "application/pdf" })).json();
    const notEmpty = await coordinator.api.documents.folders[":folderId"].delete.$post({ param: { folderId }, json: {} });
    expect(await notEmpty.json()).toMatchObject({ error: { code: "folder_not_empty" } });
    await coordinator.api.documents[":documentId"].delete.$post({ param: { documentId: document.documentId }, json: {} });
    expect((await coordinator.api.documents.folders[":folderId"].delete.$post({ param: { folderId }, json: {} })).status).toBe(200);
    const { entries } = await (await admin.api.audit.$get({ query: { targetId: document.documentId } })).json();
    expect(entries.map((e) => e.action)).toEqual(["document_deleted", "document_uploaded"]);
    expect((await db().entities.document.get({ documentId: document.documentId }).go()).data).toBeNull();
  });
});
