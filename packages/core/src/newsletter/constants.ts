// Plain values shared with the web bundle: no imports, so nothing server-side comes along.
export const NEWS_CATEGORIES = ["law_policy", "local_offers", "events_elsewhere", "materials", "other"] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

/** The consent text shown next to the public sign-up box; stored with each consent. */
export const CONSENT_TEXT_DE =
  "Ich möchte den wöchentlichen Newsletter von Vernetzt per E-Mail erhalten. Meine E-Mail-Adresse wird nur dafür verwendet. Ich kann mich jederzeit über den Link in jeder Ausgabe abmelden.";
