import { randomBytes } from "node:crypto";
import { createUser } from "./user/account";
import { createEvent, type Viewer } from "./event/events";
import { createSeries } from "./event/series";
import type { EventInput } from "./event/schema";
import { utcToBerlin } from "./time";
import { createCategory } from "./forum/categories";
import { createThread } from "./forum/threads";
import { reply } from "./forum/posts";
import { createNews } from "./newsletter/news";
import type { UserItem } from "./user/user.entity";
import { addDays, CHILDMINDER_TEMPLATE } from "./programme/constants";
import { berlinToday, createProgramme } from "./programme/programmes";
import { createParticipant, logContact, updateMilestone } from "./programme/participants";
import { confirmLink, createOrganisation, requestLink } from "./people/organisations";
import { ensureProfile, saveOwnProfile } from "./people/profiles";
import { sendMessage, startConversation } from "./people/messages";
import { savePage } from "./info/pages";
import { saveContact } from "./info/contacts";
import { finalizeUpload, requestUpload, saveFolder } from "./info/documents";
import { DEMO_PAGES, LEGAL_DEFAULTS } from "./info/defaults";
import { putObject } from "./storage/files";

export interface SeedResult {
  email: string;
  password: string;
}

const DEMO_MEMBERS = [
  { name: "Amira Haddad", email: "amira.haddad@example.org", status: "approved" },
  { name: "Jonas Becker", email: "jonas.becker@example.org", status: "approved" },
  { name: "Fatma Yılmaz", email: "fatma.yilmaz@example.org", status: "pending" },
  { name: "Lena Schäfer", email: "lena.schaefer@example.org", status: "pending" },
] as const;

/**
 * First-start content for local mode: the coordination office's account (role admin, so it can also
 * assign roles) and a few demo volunteers, two of them waiting for approval.
 */
export async function seedDemo(): Promise<SeedResult> {
  const password = randomBytes(12).toString("base64url");
  const email = "koordination@vernetzt.local";
  const admin = await createUser({ name: "Koordination Vernetzt", email, password, role: "admin", status: "approved", emailVerified: true });
  const members = await Promise.all(
    DEMO_MEMBERS.map((m) =>
      createUser({ ...m, password: randomBytes(12).toString("base64url"), emailVerified: true }),
    ),
  );
  const approved = members.filter((m): m is UserItem => m?.status === "approved");
  if (admin) {
    await seedEvents({ userId: admin.userId, role: "admin", status: "approved" }, approved.map((m) => m.userId));
    await seedForum(admin, approved);
    await seedNews(admin);
    await seedProgramme(admin, approved);
    await seedPeople(admin, approved);
    await seedInfo(admin);
  }
  return { email, password };
}

const DEMO_CONSENT =
  "Ich willige ein, dass der Verein meinen Namen, meine Kontaktdaten, meine Sprachen und den Stand meiner Qualifizierung speichert, damit die Koordination und meine Mentorinnen mich begleiten können. Ich kann die Einwilligung jederzeit widerrufen.";

/** The childminder qualification with three fictional participants, a few weeks into the course. */
async function seedProgramme(admin: UserItem, mentors: UserItem[]) {
  const actor = { userId: admin.userId, role: admin.role, status: admin.status };
  const today = berlinToday();
  const programme = await createProgramme(actor, {
    name: "Qualifizierung Kindertagespflege 2027",
    description: "Begleitung von drei Frauen durch die Qualifizierung zur Kindertagespflegeperson und auf dem Weg in die Selbstständigkeit.",
    courseStart: addDays(today, -50),
    stages: CHILDMINDER_TEMPLATE.de,
    coordinatorIds: [],
  });
  const people = [
    { name: "Hevin Demir", email: "hevin.demir@example.org", phone: "+49 170 0000001", languages: ["Kurmandschi", "Türkisch", "Deutsch"] },
    { name: "Olena Kovalenko", email: "", phone: "+49 170 0000002", languages: ["Ukrainisch", "Russisch", "Deutsch"] },
    { name: "Samira Haidari", email: "samira.haidari@example.org", phone: "", languages: ["Dari", "Englisch", "Deutsch"] },
  ];
  for (const [i, person] of people.entries()) {
    const mentor = mentors[i % Math.max(1, mentors.length)];
    const { participantId } = await createParticipant(actor, programme.programmeId, {
      ...person,
      coordinatorId: admin.userId,
      mentorIds: mentor ? [mentor.userId] : [],
      consentDate: addDays(today, -60),
      consentText: DEMO_CONSENT,
      notes: "",
    });
    await updateMilestone(actor, participantId, "m01", { status: "done", dueDate: addDays(today, -92), doneDate: addDays(today, -95), note: "" });
    await updateMilestone(actor, participantId, "m02", { status: "done", dueDate: addDays(today, -50), doneDate: addDays(today, -50), note: "" });
    if (i === 0) await updateMilestone(actor, participantId, "m04", { status: "in_progress", dueDate: addDays(today, 10), note: "Termin beim Kreisverband angefragt." });
    if (i !== 2) await logContact(actor, participantId, { date: addDays(today, -3 - i * 5), kind: i === 0 ? "meeting" : "phone", note: "Fragen zum Kursmodul besprochen." });
  }
}

/** The information pages (legal templates included), a contact person and a folder with the concept. */
async function seedInfo(admin: UserItem) {
  for (const page of [...DEMO_PAGES, ...LEGAL_DEFAULTS]) await savePage(admin, page.slug, page);
  await saveContact(admin, undefined, {
    name: "Miriam Köhler",
    role: "Koordination „Vernetzung Ehrenamt“",
    phone: "+49 5551 123456",
    email: "ehrenamt@example.org",
    address: "DRK-Kreisverband, Hauptstraße 1, 12345 Musterstadt",
    officeHours: "Di und Do 9–12 Uhr, Mi 14–17 Uhr",
    position: 0,
  });
  const folder = await saveFolder(admin, undefined, { name: "Konzepte", description: "Das Konzept des Projekts zum Herunterladen.", visibility: "public", position: 0 });
  const pdf = new TextEncoder().encode(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
  const { document } = await requestUpload(admin, {
    folderId: folder.folderId,
    filename: "Konzept Vernetzung Ehrenamt.pdf",
    size: pdf.byteLength,
    contentType: "application/pdf",
    title: "Konzept „Vernetzung Ehrenamt“",
    description: "Ziele, Angebote und Ansprechpersonen des Projekts.",
    visibility: "public",
  });
  // What the browser's PUT to the signed URL would store.
  await putObject(`documents/${document.documentId}`, pdf, "application/pdf");
  await finalizeUpload(admin, document.documentId);
}

async function seedForum(admin: UserItem, members: UserItem[]) {
  await createCategory(admin, {
    name: "Ankündigungen",
    description: "Neuigkeiten der Koordination. Nur die Koordination schreibt hier.",
    position: 0,
    postingPolicy: "coordinators",
  });
  const exchange = await createCategory(admin, { name: "Austausch", description: "Fragen, Tipps und Erfahrungen aus der Praxis.", position: 1, postingPolicy: "members" });
  await createCategory(admin, { name: "Wohnungssuche", description: "Wohnungen finden, Vermieter überzeugen, Anträge verstehen.", position: 2, postingPolicy: "members" });
  await createCategory(admin, { name: "Sprache und Lernen", description: "Sprachcafés, Lernmaterial, Hausaufgabenhilfe.", position: 3, postingPolicy: "members" });
  const [asker, helper] = members;
  if (!asker || !helper) return;
  const { thread } = await createThread(asker, exchange.categoryId, {
    title: "Wer kennt sich mit der Anerkennung von Berufsabschlüssen aus?",
    body: "Eine Familie, die ich begleite, hat in Syrien als Krankenpfleger gearbeitet. Welche Stelle ist für die Anerkennung zuständig, und braucht es beglaubigte Übersetzungen?",
  });
  await reply(helper, thread.threadId, {
    body: `Hallo @[${asker.name}], für Pflegeberufe ist das Landesamt zuständig. Beglaubigte Übersetzungen ja – die Kosten übernimmt oft das Jobcenter. Ich schicke dir gern die Checkliste.`,
  });
}

const members = "members" as const;
const everyField = { photo: members, bio: members, areas: members, languages: members, town: members, organisations: members, availability: members };

/** Profiles, the network's organisations and one private conversation. */
async function seedPeople(admin: UserItem, volunteers: UserItem[]) {
  const [amira, jonas] = volunteers;
  const cafe = await createOrganisation(admin, {
    name: "Café Willkommen e. V.",
    description: "Offenes Begegnungscafé mit Sprachtreff, Hausaufgabenhilfe und Beratung zu Alltagsfragen.",
    areas: ["language_support", "leisure"],
    contact: "Dienstags und donnerstags 15–18 Uhr im Stadtteilzentrum Nord",
    website: "https://example.org/cafe-willkommen",
  });
  await createOrganisation(admin, {
    name: "Kleiderkammer Südstadt",
    description: "Annahme und Ausgabe von Kleider- und Sachspenden.",
    areas: ["donations"],
    contact: "Annahme montags 10–12 Uhr",
    website: "",
  });
  await createOrganisation(admin, {
    name: "Projekt Wohnraum finden",
    description: "Ehrenamtliche begleiten Familien bei der Wohnungssuche, bei Besichtigungen und Anträgen.",
    areas: ["housing", "accompaniment"],
    contact: "Koordination: Büro der Flüchtlingskoordination",
    website: "",
  });
  await ensureProfile(admin.userId);
  if (!amira || !jonas) return;
  await saveOwnProfile(amira, {
    bio: "Ich begleite Familien zu Behörden und übersetze bei Arztterminen.",
    areas: ["accompaniment", "medical", "language_support"],
    languages: ["de", "ar", "fa"],
    town: "Weststadt",
    availability: "Montags und mittwochs ab 16 Uhr",
    visibility: everyField,
    listed: true,
    messageNotices: true,
  });
  await saveOwnProfile(jonas, {
    bio: "Handwerker im Ruhestand; helfe bei Wohnungssuche und Umzügen.",
    areas: ["housing", "donations"],
    languages: ["de", "en", "prs"],
    town: "Südstadt",
    availability: "Vormittags",
    visibility: { ...everyField, town: "coordinators" },
    listed: true,
    messageNotices: true,
  });
  await requestLink(amira, cafe.orgId);
  await confirmLink(admin, cafe.orgId, amira.userId);
  const { conversationId } = await startConversation(amira, {
    participantIds: [jonas.userId],
    title: "",
    body: "Hallo Jonas, eine Familie aus Herat sucht eine Dreizimmerwohnung in der Weststadt. Hättest du Zeit, zu einer Besichtigung mitzukommen? Die Mutter spricht Dari.",
  });
  await sendMessage(jonas, conversationId, "Hallo Amira, gern! Donnerstagvormittag passt mir. Schick mir einfach Adresse und Uhrzeit.");
}

async function seedNews(admin: UserItem) {
  await createNews(admin, {
    title: "Beratungsstelle für Geflüchtete jetzt auch samstags geöffnet",
    summary: "Die Migrationsberatung im Stadtteilzentrum bietet ab sofort auch **samstags von 10 bis 13 Uhr** offene Sprechstunden an – ohne Termin, mit Dolmetschenden für Arabisch und Dari.",
    category: "local_offers",
    sourceUrl: null,
    status: "published",
  });
  await createNews(admin, {
    title: "Neue Arbeitshilfe zum Datenschutz im Ehrenamt",
    summary: "Was dürfen Ehrenamtliche über die Menschen, die sie begleiten, notieren und weitergeben? Eine neue Arbeitshilfe fasst die Regeln der DSGVO verständlich zusammen.",
    category: "materials",
    sourceUrl: "https://example.org/arbeitshilfe-datenschutz",
    status: "published",
  });
}

/** A Berlin wall-clock date-time `days` from today at `hour`, as the event form gives it. */
function day(days: number, hour: number, minute = 0): string {
  const date = utcToBerlin(new Date(Date.now() + days * 86_400_000).toISOString()).slice(0, 10);
  return `${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** The next first Wednesday of a month, at least a week away. */
function firstWednesday(): string {
  for (let d = 7; d < 80; d++) {
    const local = day(d, 18);
    const date = new Date(`${local.slice(0, 10)}T12:00:00Z`);
    if (date.getUTCDay() === 3 && date.getUTCDate() <= 7) return local;
  }
  return day(14, 18);
}

async function seedEvents(coordinator: Viewer, invitees: string[]) {
  const base = {
    description: "",
    speakers: [],
    onlineUrl: null,
    capacity: null,
    registrationDeadline: null,
    status: "published",
    inviteeIds: [],
    questions: [],
  } satisfies Partial<EventInput>;
  const start = firstWednesday();
  await createSeries(coordinator, {
    event: {
      ...base,
      kind: "exchange_meeting",
      title: "Austauschtreffen mit Fachvortrag: Trauma und Traumafolgen",
      description: "Alle zwei Monate treffen sich Ehrenamtliche aus dem ganzen Landkreis. Nach einem kurzen **Fachvortrag** ist Zeit für Fragen und Austausch.\n\nFür Getränke ist gesorgt.",
      topics: ["Trauma", "Austausch"],
      speakers: ["Dipl.-Psych. Miriam Albers"],
      organiser: "DRK Kreisverband",
      startsAt: start,
      endsAt: `${start.slice(0, 10)}T20:00`,
      address: "DRK Kreisgeschäftsstelle, Bahnhofstraße 12, 12345 Musterstadt",
      capacity: 30,
      visibility: "members",
    },
    repeat: { frequency: "monthly", interval: 2, weekdayOfMonth: 1, count: 6 },
  });
  const events: EventInput[] = [
    {
      ...base,
      kind: "introductory_event",
      title: "Einführung: Grundlagen der Arbeit mit Geflüchteten",
      description: "Für neue Ehrenamtliche: Wer macht was in der Stadt, welche Strukturen gibt es, und wo bekomme ich Hilfe?",
      topics: ["Einstieg", "Strukturen"],
      organiser: "Koordinierungsstelle Flüchtlingshilfe",
      startsAt: day(10, 17, 30),
      endsAt: day(10, 19, 30),
      address: "Rathaus, Sitzungssaal 2, Marktplatz 1, 12345 Musterstadt",
      capacity: 25,
      visibility: "public",
      questions: [{ label: "Brauchen Sie Kinderbetreuung während der Veranstaltung?", kind: "yes_no", required: true }],
    },
    {
      ...base,
      kind: "continuing_education",
      title: "Fortbildung: Deeskalation im Alltag",
      description: "Praktische Methoden, um angespannte Situationen zu beruhigen – mit Übungen in kleinen Gruppen.",
      topics: ["Deeskalation"],
      speakers: ["Tobias Rehm"],
      organiser: "Caritasverband",
      startsAt: day(17, 10),
      endsAt: day(17, 16),
      address: "Bildungszentrum, Kirchgasse 4, 12345 Musterstadt",
      capacity: 12,
      registrationDeadline: day(14, 23, 59),
      visibility: "public",
    },
    {
      ...base,
      kind: "panel_discussion",
      title: "Podiumsdiskussion: Wohnen für Geflüchtete",
      description: "Vertreterinnen und Vertreter aus Verwaltung, Wohnungswirtschaft und Ehrenamt diskutieren.",
      topics: ["Wohnen"],
      organiser: "Koordinierungsstelle Flüchtlingshilfe",
      startsAt: day(24, 19),
      endsAt: day(24, 21),
      address: null,
      onlineUrl: "https://meet.example.org/podium-wohnen",
      visibility: "public",
    },
    {
      ...base,
      kind: "group_supervision",
      title: "Gruppensupervision (geschlossene Gruppe)",
      description: "Reflexion der eigenen Erfahrungen unter professioneller Anleitung.",
      topics: ["Supervision"],
      organiser: "Diakonie",
      startsAt: day(8, 18),
      endsAt: day(8, 20),
      address: "Beratungsstelle, Lindenweg 3, 12345 Musterstadt",
      capacity: 10,
      visibility: "invited",
      inviteeIds: invitees,
    },
  ];
  for (const event of events) await createEvent(coordinator, event);
}
