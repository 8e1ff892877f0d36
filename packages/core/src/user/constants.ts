// Plain values shared with the web bundle: no imports, so nothing server-side comes along.
export const ROLES = ["volunteer", "coordinator", "admin"] as const;
export const STATUSES = ["pending", "approved", "blocked"] as const;
/** Interface and e-mail languages; German is the default and the source of every text. */
export const LOCALES = ["de", "en", "ar", "fa", "uk"] as const;
export type Role = (typeof ROLES)[number];
export type MemberStatus = (typeof STATUSES)[number];
export type Locale = (typeof LOCALES)[number];
