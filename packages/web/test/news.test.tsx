import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { account, alertText, json, renderApp, stubApi, type ApiCall } from "./harness";

// The pages load lazily; transforming them once up front keeps that out of the tests' waiting time.
beforeAll(async () => {
  await Promise.all([import("../src/pages/news/NewsList"), import("../src/pages/news/NewsEditor")]);
});

const writer = account({ role: "coordinator", mayWriteNews: true });

function newsItem(n: number, overrides: Record<string, unknown> = {}) {
  return {
    newsId: `nws_${String(n).padStart(26, "0")}`,
    title: `Meldung ${n}`,
    summary: "Text",
    summaryHtml: `<p>Text der Meldung ${n}</p>`,
    sourceUrl: null,
    category: "law_policy",
    status: "published",
    authorName: "Kim Koordination",
    publishedAt: "2026-11-20T09:00:00.000Z",
    updatedAt: "2026-11-20T09:00:00.000Z",
    ...overrides,
  };
}

describe("news page", () => {
  it("lists published news newest first with German section names, sanitised summaries and source links, and loads more", async () => {
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: null }),
      "GET /api/news": (call: ApiCall) =>
        call.query.get("cursor") === "page-2"
          ? json(200, { news: [newsItem(3, { category: "materials" })], cursor: null })
          : json(200, {
              news: [
                newsItem(1, { summaryHtml: "<p>Die Frist ist <strong>verlängert</strong>.</p>", sourceUrl: "https://www.bamf.de/meldung" }),
                newsItem(2, { category: "events_elsewhere" }),
              ],
              cursor: "page-2",
            }),
    });
    renderApp("/news");
    const first = (await screen.findByRole("article", { name: "Meldung 1" }));
    expect(within(first).getByText("Recht und Politik")).toBeTruthy();
    expect(within(first).getByText("verlängert").tagName).toBe("STRONG");
    const source = within(first).getByRole("link", { name: "Quelle: bamf.de" });
    expect(source.getAttribute("href")).toBe("https://www.bamf.de/meldung");
    expect(source.getAttribute("rel")).toBe("noopener nofollow ugc");
    expect(within(screen.getByRole("article", { name: "Meldung 2" })).getByText("Veranstaltungen anderswo")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Neuigkeit schreiben" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Ältere Neuigkeiten laden" }));
    expect(within(await screen.findByRole("article", { name: "Meldung 3" })).getByText("Materialien")).toBeTruthy();
    expect(calls.filter((c) => c.path === "/api/news").map((c) => [c.query.get("status"), c.query.get("cursor")])).toEqual([
      ["published", null],
      ["published", "page-2"],
    ]);
    expect(screen.queryByRole("button", { name: "Ältere Neuigkeiten laden" })).toBeNull();
  });

  it("offers the editor to members who may write news", async () => {
    stubApi({
      "GET /api/auth/session": () => json(200, { account: account({ mayWriteNews: true }) }),
      "GET /api/news": () => json(200, { news: [newsItem(1)], cursor: null }),
    });
    renderApp("/news");
    expect((await screen.findByRole("link", { name: "Neuigkeit schreiben" })).getAttribute("href")).toBe("/news/new");
    expect((await screen.findByRole("link", { name: "„Meldung 1“ bearbeiten" })).getAttribute("href")).toBe(`/news/${newsItem(1).newsId}/edit`);
  });
});

describe("news editor", () => {
  it("publishes a news item and returns to the list", async () => {
    const created = newsItem(9, { title: "Neue Beratungsstelle", category: "local_offers" });
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: writer }),
      "GET /api/news": (call) => json(200, { news: call.query.get("status") === "draft" ? [] : [created], cursor: null }),
      "POST /api/news": () => json(201, { news: created }),
    });
    const { history } = renderApp("/news/new");
    fireEvent.input(await screen.findByLabelText("Überschrift"), { target: { value: "Neue Beratungsstelle" } });
    fireEvent.change(screen.getByLabelText("Rubrik"), { target: { value: "local_offers" } });
    fireEvent.input(screen.getByLabelText("Text"), { target: { value: "Ab Montag berät die Stelle **mehrsprachig**." } });
    fireEvent.click(screen.getByLabelText(/^Veröffentlicht/));
    fireEvent.click(screen.getByRole("button", { name: "Veröffentlichen" }));

    await waitFor(() => expect(history.get()).toBe("/news"));
    expect(await screen.findByText("Die Neuigkeit ist veröffentlicht.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      title: "Neue Beratungsstelle",
      summary: "Ab Montag berät die Stelle **mehrsprachig**.",
      sourceUrl: null,
      category: "local_offers",
      status: "published",
    });
  });

  it("edits a draft, lists the drafts, and shows the API's field errors at their fields", async () => {
    const draft = newsItem(4, { title: "Entwurf zur Wohnsitzauflage", status: "draft", sourceUrl: "https://example.org/a", publishedAt: null });
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: writer }),
      "GET /api/news": () => json(200, { news: [draft], cursor: null }),
      [`GET /api/news/${draft.newsId}`]: () => json(200, { news: draft }),
      [`PUT /api/news/${draft.newsId}`]: () =>
        json(400, { error: { code: "invalid_input", message: "Invalid input: sourceUrl (invalid_url).", fields: { sourceUrl: "invalid_url" } } }),
    });
    renderApp(`/news/${draft.newsId}/edit`);
    const drafts = await screen.findByRole("region", { name: "Entwürfe" });
    expect((await within(drafts).findByRole("link", { name: "Entwurf zur Wohnsitzauflage" })).getAttribute("aria-current")).toBe("page");

    const url = await screen.findByLabelText("Link zur Quelle (freiwillig)");
    expect((url as HTMLInputElement).value).toBe("https://example.org/a");
    fireEvent.input(url, { target: { value: "ftp://example.org" } });
    fireEvent.click(screen.getByRole("button", { name: "Entwurf speichern" }));

    expect(await alertText()).toBe("Bitte prüfen Sie die markierten Angaben.");
    expect(screen.getByText("Bitte geben Sie eine Adresse an, die mit http:// oder https:// beginnt.")).toBeTruthy();
    expect(document.activeElement).toBe(url);
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({
      title: "Entwurf zur Wohnsitzauflage",
      summary: "Text",
      sourceUrl: "ftp://example.org",
      category: "law_policy",
      status: "draft",
    });
  });

  it("asks before deleting", async () => {
    const item = newsItem(5);
    const calls = stubApi({
      "GET /api/auth/session": () => json(200, { account: writer }),
      "GET /api/news": () => json(200, { news: [], cursor: null }),
      [`GET /api/news/${item.newsId}`]: () => json(200, { news: item }),
      [`POST /api/news/${item.newsId}/delete`]: () => json(200, { status: "deleted" }),
    });
    const { history } = renderApp(`/news/${item.newsId}/edit`);
    fireEvent.click(await screen.findByRole("button", { name: "Löschen" }));
    expect(screen.getByText("„Meldung 5“ wirklich löschen? Das lässt sich nicht rückgängig machen.")).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith("/delete"))).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Ja, löschen" }));
    await waitFor(() => expect(history.get()).toBe("/news"));
    expect(calls.find((c) => c.path.endsWith("/delete"))?.body).toEqual({});
  });

  it("tells members who may not write news so, without asking the API", async () => {
    const calls = stubApi({ "GET /api/auth/session": () => json(200, { account: account() }) });
    renderApp("/news/new");
    expect(await alertText()).toMatch(/Neuigkeiten schreiben die Koordination und Mitglieder, denen sie es erlaubt hat/);
    expect(calls.filter((c) => c.path.startsWith("/api/news"))).toEqual([]);
  });
});
