// Plain values shared with the web bundle: no imports, so nothing server-side comes along.
export const ROLES = ["volunteer", "coordinator", "admin"] as const;
export const STATUSES = ["pending", "approved", "blocked"] as const;
export const LOCALES = ["de", "en"] as const;
export type Role = (typeof ROLES)[number];
export type MemberStatus = (typeof STATUSES)[number];
export type Locale = (typeof LOCALES)[number];
