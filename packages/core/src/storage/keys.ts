// S3's safe characters, no "..", no leading slash: a key can never leave its folder locally.
const KEY = /^(?!\/)(?!.*\.\.)[A-Za-z0-9!_.*'()\/-]{1,512}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/**
 * `Content-Disposition` for `filename`: an ASCII fallback plus the exact UTF-8 name (RFC 6266 /
 * RFC 5987), so "Übersicht März.pdf" arrives intact and quotes or line breaks cannot break out.
 */
export function contentDisposition(filename: string, inline = false): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
