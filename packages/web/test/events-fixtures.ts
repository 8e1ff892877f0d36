// Canned API answers for the events pages, in the shapes the API's types give them.
import type { EventView, MyEvent, Participant } from "../src/events/types";

export const EVENT_ID = "evt_01jd0000000000000000000001";

/** A published public exchange meeting on Wednesday 4 December 2030, 18:00–20:00 in Berlin (17:00Z–19:00Z). */
export function eventView(overrides: Partial<EventView> = {}): EventView {
  return {
    eventId: EVENT_ID,
    kind: "exchange_meeting",
    title: "Austauschtreffen: Trauma und Traumafolgen",
    descriptionHtml: "<p>Nach einem kurzen <strong>Fachvortrag</strong> ist Zeit für Austausch.</p>",
    plainSummary: null,
    topics: ["Trauma", "Austausch"],
    speakers: ["Dipl.-Psych. Miriam Albers"],
    organiser: "DRK Kreisverband",
    startsAt: "2030-12-04T17:00:00.000Z",
    endsAt: "2030-12-04T19:00:00.000Z",
    address: "DRK Kreisgeschäftsstelle, Bahnhofstraße 12, 12345 Musterstadt",
    isOnline: false,
    onlineUrl: null,
    capacity: 20,
    confirmedCount: 13,
    placesLeft: 7,
    waitlistCount: 0,
    registrationDeadline: null,
    registrationOpen: true,
    registrationClosedReason: null,
    visibility: "public",
    status: "published",
    seriesId: null,
    questions: [],
    myRegistration: null,
    ...overrides,
  };
}

export function participant(name: string, overrides: Partial<Participant> = {}): Participant {
  const slug = name.toLowerCase().replace(/[^a-z]/g, "").padEnd(26, "0").slice(0, 26);
  return {
    participantKey: `usr_${slug}`,
    registrationId: `reg_${slug}`,
    name,
    email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
    isGuest: false,
    status: "confirmed",
    waitlistPosition: null,
    attendance: null,
    answers: {},
    createdAt: "2030-11-20T09:30:00.000Z",
    addedByCoordinator: false,
    ...overrides,
  };
}

export function myEvent(overrides: Partial<MyEvent> = {}): MyEvent {
  return { event: eventView(), status: "confirmed", attendance: null, certificateAvailable: false, ...overrides };
}
