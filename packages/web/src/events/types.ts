import type { InferRequestType, InferResponseType } from "hono/client";
import type { client } from "../api";

// The API's own types: a changed route or view breaks the build here, not in a member's browser.
export type EventView = InferResponseType<(typeof client.api.events)[":eventId"]["$get"], 200>["event"];
export type EventQuestion = EventView["questions"][number];
export type MyEvent = InferResponseType<typeof client.api.me.events.$get, 200>["events"][number];
export type Participant = InferResponseType<(typeof client.api.events)[":eventId"]["participants"]["$get"], 200>["participants"][number];
export type EventInputJson = InferRequestType<typeof client.api.events.$post>["json"];
export type RepeatJson = InferRequestType<typeof client.api.events.series.$post>["json"]["repeat"];
export type Member = InferResponseType<typeof client.api.members.$get, 200>["members"][number];
