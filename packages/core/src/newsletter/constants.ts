// Plain values shared with the web bundle: no imports, so nothing server-side comes along.
export const NEWS_CATEGORIES = ["law_policy", "local_offers", "events_elsewhere", "materials", "other"] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];
