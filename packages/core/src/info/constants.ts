// Plain values shared with the web bundle: no imports, so nothing server-side comes along.
export const PAGE_VISIBILITIES = ["public", "members"] as const;
export type PageVisibility = (typeof PAGE_VISIBILITIES)[number];

/** Keys of the small info settings items; the contact page's plain-language summary is the first. */
export const CONTACT_PLAIN_SUMMARY_KEY = "contact_plain_summary";
export const INFO_SETTING_KEYS = [CONTACT_PLAIN_SUMMARY_KEY] as const;

/** The legal pages every German site carries; they always exist, are always public and cannot be deleted. */
export const LEGAL_SLUGS = ["impressum", "datenschutz"] as const;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Slugs taken by the app's own routes. */
export const RESERVED_SLUGS = ["admin", "api", "account", "events", "forum", "news", "newsletter", "kontakt", "dokumente", "signin", "signup", "info"];

/**
 * Version of the terms and privacy notice a member accepts at sign-up; raise it when the
 * Datenschutzerklärung changes materially. Stored with each consent, together with the text.
 */
export const TERMS_VERSION = "2026-11-22";
export const TERMS_TEXT_DE =
  "Ich habe die Datenschutzerklärung gelesen und bin mit der Verarbeitung meiner Angaben zum Betrieb der Plattform einverstanden. Ich halte mich an die Nutzungsregeln des Netzwerks.";

/** Documents: the largest upload, and the types coordinators may upload, by file extension. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_TYPES = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  txt: "text/plain",
  csv: "text/csv",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
} as const;
export type DocumentExtension = keyof typeof DOCUMENT_TYPES;
