import type { Locale } from "@vernetzt/core/user/constants";
import { client } from "../api";
import { segment } from "../events/links";

// Downloads need a plain <a href>; the addresses still come from the typed client's routes.
export const summaryPdfHref = (participantId: string, locale: Locale) =>
  client.api.programmes.participants[":participantId"]["summary.pdf"].$path({ param: { participantId: segment(participantId) }, query: { locale } });
export const exportHref = (participantId: string) => client.api.programmes.participants[":participantId"].export.$path({ param: { participantId: segment(participantId) } });
