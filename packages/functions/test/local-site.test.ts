import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createLocalApp } from "../src/local/server";
import { preferredEncoding } from "../src/local/site";

// A built SPA as Vite leaves it: the shell, hashed chunks, and the manifest nobody should be served.
const dist = mkdtempSync(join(tmpdir(), "vernetzt-site-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const chunk = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Veranstaltung ${i}`))};\n`;
const shell = `<!doctype html><html lang="de"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>`;
mkdirSync(join(dist, "assets"));
mkdirSync(join(dist, ".vite"));
writeFileSync(join(dist, "index.html"), shell);
writeFileSync(join(dist, "assets/index-AbC123.js"), chunk);
writeFileSync(join(dist, "assets/tiny-XyZ789.js"), "export {};\n");
writeFileSync(join(dist, ".vite/manifest.json"), "{}");

const site = createLocalApp(dist);
const get = (path: string, acceptEncoding?: string, method = "GET") =>
  site.request(path, { method, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });

describe("the local server's static site (as CloudFront serves it)", () => {
  it("sends hashed chunks brotli-compressed to browsers that take brotli, cached for a year", async () => {
    const res = await get("/assets/index-AbC123.js", "gzip, deflate, br, zstd");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(chunk.length / 2);
    expect(brotliDecompressSync(body).toString()).toBe(chunk);
  });

  it("falls back to gzip, and to the plain file for clients that accept neither", async () => {
    const zipped = await get("/assets/index-AbC123.js", "gzip");
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(chunk);

    const plain = await get("/assets/index-AbC123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(chunk);
  });

  it("leaves files under 1,000 bytes uncompressed, as CloudFront does", async () => {
    const res = await get("/assets/tiny-XyZ789.js", "br");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.text()).toBe("export {};\n");
  });

  it("answers client-side routes with the shell, which browsers must fetch anew after every deploy", async () => {
    for (const path of ["/", "/events", "/forum/threads/thr_01"]) {
      const res = await get(path, "br");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("max-age=0, no-cache, no-store, must-revalidate");
      expect(await res.text()).toBe(shell);
    }
  });

  it("answers HEAD with the headers alone", async () => {
    const res = await get("/assets/index-AbC123.js", "br", "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await res.text()).toBe("");
  });

  it("answers 404 for a missing file (an old chunk after a new build) and keeps the build manifest private", async () => {
    expect((await get("/assets/index-Old000.js")).status).toBe(404);
    expect((await get("/.vite/manifest.json")).status).toBe(404);
  });
});

describe("the encoding chosen from Accept-Encoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(preferredEncoding("gzip, deflate, br")).toBe("br");
    expect(preferredEncoding("gzip;q=1.0, br;q=0")).toBe("gzip");
    expect(preferredEncoding("BR")).toBe("br");
    expect(preferredEncoding("deflate")).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
  });
});
