// The cost model's per-request units (packages/core/src/usage/cost.ts), taken from this run's figures.
import type { Units } from "@vernetzt/core/usage/cost";
import type { NewsletterFigure } from "./newsletter";
import type { RoundTripFigure } from "./roundtrips";
import { median, round } from "./stats";
import type { RouteSize } from "./web";

interface Results {
  roundTrips?: { figures: RoundTripFigure[] };
  newsletter?: { figures: { runs: NewsletterFigure[] } };
  web?: { figures: { sizes: RouteSize[] } };
}

/** Only what this run measured; the rest stays at the model's defaults. */
export function unitsFrom(results: Results): Partial<Units> {
  const units: Partial<Units> = {};
  const pages = results.roundTrips?.figures;
  if (pages?.length) {
    const mean = (pick: (f: RoundTripFigure) => number) => round(pages.reduce((s, f) => s + pick(f), 0) / pages.length, 2);
    units.readUnitsPerRequest = mean((f) => f.readUnits);
    units.writeUnitsPerRequest = mean((f) => f.writeUnits);
    // In-process against DynamoDB Local, which answers slower than DynamoDB: an upper bound.
    units.lambdaMsPerRequest = round(median(pages.map((f) => f.medianMs)));
  }
  const largest = results.newsletter?.figures.runs.at(-1);
  if (largest) {
    units.writeUnitsPerMail = largest.writeUnitsPerRecipient;
    units.readUnitsPerMail = largest.readUnitsPerRecipient;
    units.lambdaMsPerMail = largest.msPerRecipient;
  }
  const home = results.web?.figures.sizes.find((s) => s.route === "/");
  if (home) units.spaBytesPerVisit = Math.round((home.jsGzipKB + home.cssGzipKB) * 1024);
  return units;
}
