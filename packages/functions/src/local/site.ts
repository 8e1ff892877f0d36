import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Context } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";
import { getMimeType } from "hono/utils/mime";

// What CloudFront and SST's upload do with the site in AWS (infra/web.ts): Vite's hashed files are
// cached for a year, everything else is fetched anew; text is compressed, brotli before gzip, when it
// is at least 1,000 bytes (CloudFront's lower limit).
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "max-age=0, no-cache, no-store, must-revalidate";
const MIN_COMPRESSED_BYTES = 1000;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = "br" | "gzip";

interface SiteFile {
  body: Buffer;
  type: string;
  cacheControl: string;
  compressible: boolean;
  encoded?: Promise<Record<Encoding, Buffer>>;
}

export interface Site {
  /** The built file at `path`, as CloudFront would answer it; undefined when there is none. */
  file(c: Context, path: string): Promise<Response | undefined>;
  /** The SPA shell for a client-side route. */
  shell(c: Context): Promise<Response>;
}

/** The built SPA in `webDist`, read once: a new build needs a restart, as its index.html names new files. */
export function loadSite(webDist: string): Site {
  const files = new Map<string, SiteFile>();
  for (const full of filesUnder(webDist)) {
    const path = "/" + relative(webDist, full).split(sep).join("/");
    if (path.startsWith("/.vite/")) continue;
    const body = readFileSync(full);
    const type = getMimeType(path) ?? "application/octet-stream";
    files.set(path, {
      body,
      type,
      cacheControl: path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE,
      compressible: body.length >= MIN_COMPRESSED_BYTES && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type),
    });
  }
  const index = files.get("/index.html");
  if (!index) throw new Error(`${webDist} has no index.html: build the web app first.`);

  // Compressed once, on first request (brotli at its best quality takes a moment for the largest chunk).
  const encodings = (file: SiteFile) =>
    (file.encoded ??= Promise.all([
      brotli(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: file.body.length } }),
      gzipped(file.body, { level: 9 }),
    ]).then(([br, gzip]) => ({ br, gzip })));

  async function respond(c: Context, file: SiteFile): Promise<Response> {
    const headers: Record<string, string> = { "Content-Type": file.type, "Cache-Control": file.cacheControl };
    let body = file.body;
    if (file.compressible) {
      headers.Vary = "Accept-Encoding";
      const encoding = preferredEncoding(c.req.header("accept-encoding"));
      if (encoding) {
        body = (await encodings(file))[encoding];
        headers["Content-Encoding"] = encoding;
      }
    }
    headers["Content-Length"] = String(body.length);
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  }

  return {
    file: async (c, path) => {
      const file = files.get(path);
      return file && respond(c, file);
    },
    shell: (c) => respond(c, index),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** CloudFront's choice: brotli if the browser takes it, else gzip, else none (q=0 refuses an encoding). */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return undefined;
}
