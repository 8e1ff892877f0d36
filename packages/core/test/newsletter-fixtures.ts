import { db } from "../src/db";
import { createSecret, digest } from "../src/id";
import { createNews } from "../src/newsletter/news";
import { CONSENT_TEXT_DE } from "../src/newsletter/schema";
import { nowIso } from "../src/time";
import { fakeMember } from "./events-fixtures";
import { uniqueEmail } from "./mail";

export const editor = { ...fakeMember("editor"), role: "coordinator" as const };

/** Active subscribers written straight to the table (as after double opt-in). */
export async function activeSubscribers(count: number, label = "sub"): Promise<string[]> {
  const emails = Array.from({ length: count }, () => uniqueEmail(label));
  const now = nowIso();
  await db()
    .entities.subscriber.put(
      emails.map((email) => {
        const token = createSecret();
        return { emailKey: email, email, status: "active" as const, token, tokenHash: digest(token), consent: { at: now, method: "double_opt_in" as const, text: CONSENT_TEXT_DE, confirmedAt: now }, createdAt: now, updatedAt: now };
      }),
    )
    .go();
  return emails;
}

export const publishNews = (title = "Neue Regeln zur Wohnsitzauflage") =>
  createNews(editor, { title, summary: "Was sich **ab Januar** ändert und was Ehrenamtliche wissen sollten.", category: "law_policy", sourceUrl: "https://example.org/quelle", status: "published" });
