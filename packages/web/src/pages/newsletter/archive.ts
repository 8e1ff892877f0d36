import type { InferResponseType } from "hono/client";
import { client, type ApiError } from "../../api";

export type ArchiveEntry = InferResponseType<typeof client.api.newsletter.archive.$get, 200>["issues"][number];
export type ArchivedIssue = InferResponseType<(typeof client.api.newsletter.archive)[":number"]["$get"], 200>["issue"];

/** The archive answers 401 when the coordinators keep it for members and nobody is signed in. */
export const membersOnly = (error: ApiError | null) => error?.status === 401;
