// Reads back what the platform sent, from the local SES's store.
export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename?: string; contentType: string; content: string }[];
  at: number;
}

export async function mailsTo(address: string): Promise<StoredMail[]> {
  const response = await fetch(`${process.env.SES_ENDPOINT}/store`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  const wanted = address.toLowerCase();
  return emails.filter((m) => m.destination.to.some((to) => to.toLowerCase().includes(wanted)));
}

/** Waits briefly for the newest mail to an address whose subject matches. */
export async function lastMailTo(address: string, subject?: RegExp): Promise<StoredMail> {
  for (let i = 0; i < 50; i++) {
    const found = (await mailsTo(address)).filter((m) => !subject || subject.test(m.subject));
    const last = found.at(-1);
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No mail to ${address}${subject ? ` matching ${subject}` : ""}`);
}

/** The token from the first platform link in a mail's text part. */
export function tokenFrom(mail: StoredMail, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.body.text ?? "");
  if (!match?.[1]) throw new Error(`No ${path} link in mail "${mail.subject}"`);
  return match[1];
}

let counter = 0;
/** A fresh address per test, so tests sharing the table never collide. */
export function uniqueEmail(label = "user"): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}.${Math.random().toString(36).slice(2, 7)}@example.org`;
}
