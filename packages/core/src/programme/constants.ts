// Plain values shared with the web bundle: no runtime imports, so nothing server-side comes along.
import type { Locale } from "../user/constants";

export const MILESTONE_STATUSES = ["open", "in_progress", "done", "not_applicable"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
/** Statuses that still need doing: only these count as overdue, due soon, or get reminders. */
export const PENDING_STATUSES: readonly MilestoneStatus[] = ["open", "in_progress"];

export const CONTACT_KINDS = ["meeting", "phone", "message", "email", "visit", "other"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** A milestone due within this many days needs attention. */
export const DUE_SOON_DAYS = 14;
/** A participant without a logged contact for this many weeks needs attention. */
export const NO_CONTACT_WEEKS = 4;
/** Mentors are reminded this many days before a milestone is due. */
export const REMINDER_DAYS_BEFORE = 7;

export const MAX_STAGES = 30;
export const MAX_MENTORS = 5;
export const MAX_COORDINATORS = 10;

/** One stage of a programme's template; its due date is the course start plus `offsetDays`. */
export interface TemplateStage {
  title: string;
  offsetDays: number;
}

/**
 * The childminder qualification as the district association runs it (Kindertagespflege,
 * competence-oriented curriculum): offered when a coordinator creates a programme.
 */
export const CHILDMINDER_TEMPLATE: Record<Locale, TemplateStage[]> = {
  de: [
    { title: "Bewerbung und Aufnahmegespräch", offsetDays: -42 },
    { title: "Kursbeginn", offsetDays: 0 },
    { title: "Kursmodule Grundqualifizierung", offsetDays: 56 },
    { title: "Erste-Hilfe-Kurs am Kind", offsetDays: 70 },
    { title: "Praktikum in einer Kindertagespflegestelle", offsetDays: 120 },
    { title: "Abschlussprüfung (Kolloquium)", offsetDays: 180 },
    { title: "Pflegeerlaubnis des Jugendamts (§ 43 SGB VIII)", offsetDays: 210 },
    { title: "Start der Selbstständigkeit", offsetDays: 240 },
  ],
  en: [
    { title: "Application and admission interview", offsetDays: -42 },
    { title: "Course start", offsetDays: 0 },
    { title: "Course modules (basic qualification)", offsetDays: 56 },
    { title: "Paediatric first-aid course", offsetDays: 70 },
    { title: "Practical placement with a childminder", offsetDays: 120 },
    { title: "Final assessment (colloquium)", offsetDays: 180 },
    { title: "Care permit from the youth welfare office (§ 43 SGB VIII)", offsetDays: 210 },
    { title: "Start of self-employment", offsetDays: 240 },
  ],
  ar: [
    { title: "التقديم ومقابلة القبول", offsetDays: -42 },
    { title: "بداية الدورة", offsetDays: 0 },
    { title: "وحدات الدورة (التأهيل الأساسي)", offsetDays: 56 },
    { title: "دورة الإسعافات الأولية للأطفال", offsetDays: 70 },
    { title: "تدريب عملي لدى مقدمة رعاية نهارية للأطفال", offsetDays: 120 },
    { title: "التقييم النهائي (مقابلة ختامية)", offsetDays: 180 },
    { title: "إذن الرعاية من مكتب رعاية الشباب (§ 43 SGB VIII)", offsetDays: 210 },
    { title: "بدء العمل الحر", offsetDays: 240 },
  ],
  fa: [
    { title: "درخواست و گفتگوی پذیرش", offsetDays: -42 },
    { title: "شروع دوره", offsetDays: 0 },
    { title: "ماژول‌های دوره (آموزش پایه)", offsetDays: 56 },
    { title: "دورهٔ کمک‌های اولیه برای کودکان", offsetDays: 70 },
    { title: "کارآموزی نزد یک مراقب روزانهٔ کودک", offsetDays: 120 },
    { title: "ارزیابی پایانی (گفتگوی پایانی)", offsetDays: 180 },
    { title: "مجوز مراقبت از ادارهٔ رفاه جوانان (§ 43 SGB VIII)", offsetDays: 210 },
    { title: "شروع کار مستقل", offsetDays: 240 },
  ],
  uk: [
    { title: "Заявка та співбесіда", offsetDays: -42 },
    { title: "Початок курсу", offsetDays: 0 },
    { title: "Модулі курсу (базова кваліфікація)", offsetDays: 56 },
    { title: "Курс першої допомоги дітям", offsetDays: 70 },
    { title: "Практика в пункті денного догляду за дітьми", offsetDays: 120 },
    { title: "Підсумкове оцінювання (колоквіум)", offsetDays: 180 },
    { title: "Дозвіл на догляд від служби у справах молоді (§ 43 SGB VIII)", offsetDays: 210 },
    { title: "Початок самозайнятості", offsetDays: 240 },
  ],
};

/** What the access log records; reads are logged as much as changes. */
export const LOG_ACTIONS = [
  "participant_created",
  "participant_viewed",
  "participant_viewed_in_overview",
  "participant_updated",
  "mentors_changed",
  "milestone_updated",
  "contact_logged",
  "summary_printed",
  "data_exported",
  "log_viewed",
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export const PROGRAMME_LOG_ACTIONS = ["programme_created", "programme_updated", "coordinators_changed", "participant_deleted"] as const;
export type ProgrammeLogAction = (typeof PROGRAMME_LOG_ACTIONS)[number];

/** Calendar date (YYYY-MM-DD) `days` after another, in whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Stands in for a member whose account was deleted, in logs and contact entries they wrote. */
export const FORMER_MEMBER = "former_member";
