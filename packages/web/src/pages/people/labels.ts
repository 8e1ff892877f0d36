import { STANDARD_AREAS, type Language, type StandardArea } from "@vernetzt/core/people/constants";
import { t } from "../../i18n/people";

export interface AreaOption {
  id: string;
  label?: string;
  standard: boolean;
}

const isStandard = (id: string): id is StandardArea => (STANDARD_AREAS as readonly string[]).includes(id);

/** A standard area in the reader's language; a coordinator-defined one by its own label. */
export function areaLabel(id: string, areas: readonly AreaOption[] = []): string {
  if (isStandard(id)) return t(`people.area.${id}`);
  return areas.find((a) => a.id === id)?.label ?? id;
}

export const languageLabel = (code: string) => t(`people.lang.${code as Language}`);

/** A value for a path segment: Hono's client puts params into the path as given. */
export const segment = (value: string) => encodeURIComponent(value);
