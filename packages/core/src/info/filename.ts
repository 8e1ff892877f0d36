/**
 * A file name safe to store and to offer for download: Unicode kept (NFC, so "Übersicht" stays
 * one letter per umlaut), without path parts, control or format characters, or characters Windows
 * refuses; at most 120 characters with the extension kept.
 */
export function sanitiseFilename(raw: string, fallback = "dokument"): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? cleaned.slice(dot) : "";
  const stem = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  const name = [...stem].slice(0, 120 - [...ext].length).join("").trim() || fallback;
  return `${name}${ext.toLowerCase()}`;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
}
