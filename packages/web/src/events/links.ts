import type { Locale } from "@vernetzt/core/user/constants";
import { client } from "../api";

/**
 * A value for a path segment. Hono's client puts params into the path as given, and a participant
 * key like `guest#ana@example.org` would otherwise end the path at `#`.
 */
export const segment = (value: string) => encodeURIComponent(value);

// Files the browser downloads or a calendar subscribes to need a plain <a href>; these are the only
// API addresses the web writes out, and they come from the typed client's routes all the same.
export const eventIcsHref = (eventId: string) => client.api.events[":eventId"]["event.ics"].$path({ param: { eventId: segment(eventId) } });
export const certificateHref = (eventId: string) => client.api.events[":eventId"]["certificate.pdf"].$path({ param: { eventId: segment(eventId) } });
export const participantsCsvHref = (eventId: string) =>
  client.api.events[":eventId"]["participants.csv"].$path({ param: { eventId: segment(eventId) } });
export const publicCalendarHref = (lang: Locale) => client.api.calendar["public.ics"].$path({ query: { lang } });
