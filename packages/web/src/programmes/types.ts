import type { InferRequestType, InferResponseType } from "hono/client";
import type { client } from "../api";

// The API's own types: a changed route or view breaks the build here, not in a member's browser.
export type ProgrammeSummary = InferResponseType<typeof client.api.programmes.$get, 200>["programmes"][number];
export type ProgrammeView = InferResponseType<(typeof client.api.programmes)[":programmeId"]["$get"], 200>["programme"];
export type ProgrammeInputJson = InferRequestType<typeof client.api.programmes.$post>["json"];
export type BoardData = InferResponseType<(typeof client.api.programmes)[":programmeId"]["board"]["$get"], 200>;
export type BoardRow = BoardData["rows"][number];
export type ParticipantView = InferResponseType<(typeof client.api.programmes.participants)[":participantId"]["$get"], 200>["participant"];
export type ParticipantInputJson = InferRequestType<(typeof client.api.programmes)[":programmeId"]["participants"]["$post"]>["json"];
export type MilestoneView = ParticipantView["milestones"][number];
