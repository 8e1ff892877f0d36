// `npx tsx packages/functions/src/scripts/backfill-directory-cards.ts`: puts the directory card on
// facet items written before cards existed (see packages/core/README.md, "Directory cards").
// Against AWS: run with AWS credentials, VERNETZT_MODE=aws and TABLE_NAME set to the stage's table.
import { backfillDirectoryCards } from "@vernetzt/core/people/backfill";

backfillDirectoryCards((line) => console.log(line)).then(
  ({ listed, rewritten, skipped }) => console.log(`${listed} listed members; ${rewritten} rewritten with their card, ${skipped} skipped (account gone or being erased).`),
  (err: Error) => {
    console.error(`Backfill stopped: ${err.message} (run it again to go on).`);
    process.exit(1);
  },
);
