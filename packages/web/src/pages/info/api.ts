import type { InferResponseType } from "hono/client";
import { client, readError } from "../../api";

export type PageView = InferResponseType<(typeof client.api.pages)[":slug"]["$get"], 200>["page"];
export type PageSummary = InferResponseType<typeof client.api.pages.$get, 200>["pages"][number];
export type Contact = InferResponseType<typeof client.api.contacts.$get, 200>["contacts"][number];
export type Folder = InferResponseType<typeof client.api.documents.$get, 200>["folders"][number];
export type AuditEntry = InferResponseType<typeof client.api.audit.$get, 200>["entries"][number];

export async function fetchPage(slug: string): Promise<PageView> {
  const res = await client.api.pages[":slug"].$get({ param: { slug } });
  if (!res.ok) throw await readError(res);
  return (await res.json()).page;
}

export async function fetchPages(): Promise<PageSummary[]> {
  const res = await client.api.pages.$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).pages;
}

export async function fetchContacts(): Promise<Contact[]> {
  const res = await client.api.contacts.$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).contacts;
}

export async function fetchContactSummary(): Promise<string | null> {
  const res = await client.api.contacts["plain-summary"].$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).plainSummary;
}

export async function fetchFolders(): Promise<Folder[]> {
  const res = await client.api.documents.$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).folders;
}

/** "1,2 MB" in the reader's language. */
export function formatSize(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
