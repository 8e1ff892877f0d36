import type { InferResponseType } from "hono/client";
import { client, readError } from "../../../api";

export type NextIssue = InferResponseType<typeof client.api.newsletter.next.$get, 200>["issue"];
export type IssueEdit = Parameters<typeof client.api.newsletter.next.$put>[0]["json"];
export type IssueProgress = InferResponseType<typeof client.api.newsletter.progress.$get, 200>["issues"][number];
export type SubscriberCounts = InferResponseType<(typeof client.api.newsletter.subscribers)["counts"]["$get"], 200>["counts"];
export type Settings = InferResponseType<typeof client.api.newsletter.settings.$get, 200>["settings"];

// A file the browser downloads needs a plain <a href>; the address still comes from the typed client.
export const subscribersCsvHref = () => client.api.newsletter["subscribers.csv"].$path();

export async function fetchNextIssue(): Promise<NextIssue> {
  const res = await client.api.newsletter.next.$get();
  if (!res.ok) throw await readError(res);
  return (await res.json()).issue;
}

let editQueue: Promise<unknown> = Promise.resolve();

/**
 * Saves edits to the next issue one after another: the server rebuilds the whole open issue from
 * each edit, so two overlapping ones (the order and the events) could otherwise undo each other.
 */
export function editNextIssue(edit: IssueEdit): Promise<NextIssue> {
  const run = editQueue.then(async () => {
    const res = await client.api.newsletter.next.$put({ json: edit });
    if (!res.ok) throw await readError(res);
    return (await res.json()).issue;
  });
  // The queue only orders the requests; each caller handles its own failure.
  editQueue = run.catch(() => undefined);
  return run;
}
