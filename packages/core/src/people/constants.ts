// Plain values shared with the web bundle: no imports, so nothing server-side comes along.

/** Areas of engagement every network has; coordinators add their own (ids `are_…`). */
export const STANDARD_AREAS = ["language_support", "childcare", "accompaniment", "donations", "medical", "housing", "leisure"] as const;
export type StandardArea = (typeof STANDARD_AREAS)[number];

/** Languages members may say they speak (ISO 639 codes; `prs` is Dari). */
export const LANGUAGES = [
  "de", "en", "ar", "fa", "prs", "ps", "ku", "tr", "ru", "uk", "ti", "so", "ur", "fr", "es", "it", "pl", "ro", "sq", "sr", "am", "hi",
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who sees a profile field besides its owner. Nothing of a profile is ever public. */
export const VISIBILITIES = ["members", "coordinators", "private"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Profile fields whose visibility each member chooses. The name is always shown to members. */
export const PROFILE_FIELDS = ["photo", "bio", "areas", "languages", "town", "organisations", "availability"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const BIO_MAX = 1000;
export const AVAILABILITY_MAX = 300;
export const TOWN_MAX = 80;
export const MAX_AREAS = 12;
export const MAX_LANGUAGES = 12;
/** Name words a member is found by (prefix search). */
export const MAX_NAME_WORDS = 8;
/**
 * Confirmed organisation links per member. Each is a directory facet, and a profile's facets are
 * rewritten in one transaction (at most 100 items): see syncProfile in profiles.ts.
 */
export const MAX_ORGANISATIONS = 10;
export const MESSAGE_MAX = 5000;
/** A small group: the writer and up to nine others. */
export const MAX_OTHER_PARTICIPANTS = 9;
export const DIRECTORY_PAGE_SIZE = 24;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const ORG_LINK_STATUSES = ["requested", "confirmed"] as const;
export type OrgLinkStatus = (typeof ORG_LINK_STATUSES)[number];
export const ORG_ROLES = ["member", "admin"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
