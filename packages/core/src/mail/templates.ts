import { config } from "../config";
import type { Locale } from "../user/user.entity";

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

interface Message {
  subject: string;
  /** Paragraphs of plain text; `{name}` style placeholders are filled from vars. */
  body: string[];
  action?: string;
}

/** A second, quieter link under the message, e.g. to cancel a registration. */
export interface FooterLink {
  label: Record<Locale, string>;
  url: string;
}

type Catalogue = Record<string, Record<Locale, Message>>;

const messages = {
  verifyEmail: {
    de: {
      subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      body: [
        "Hallo {name},",
        "willkommen bei Vernetzt! Bitte bestätigen Sie Ihre E-Mail-Adresse über den folgenden Link. Er ist 24 Stunden gültig.",
      ],
      action: "E-Mail-Adresse bestätigen",
    },
    en: {
      subject: "Please confirm your e-mail address",
      body: ["Hello {name},", "welcome to Vernetzt! Please confirm your e-mail address with the link below. It is valid for 24 hours."],
      action: "Confirm e-mail address",
    },
  },
  alreadyRegistered: {
    de: {
      subject: "Anmeldeversuch mit Ihrer E-Mail-Adresse",
      body: [
        "Hallo {name},",
        "jemand wollte sich gerade mit dieser E-Mail-Adresse neu registrieren. Sie haben bereits ein Konto. Falls Sie das waren und Ihr Passwort vergessen haben, können Sie es über den folgenden Link neu setzen (1 Stunde gültig). Andernfalls können Sie diese Nachricht ignorieren.",
      ],
      action: "Passwort neu setzen",
    },
    en: {
      subject: "Sign-up attempt with your e-mail address",
      body: [
        "Hello {name},",
        "someone just tried to sign up with this e-mail address. You already have an account. If that was you and you forgot your password, you can set a new one with the link below (valid for 1 hour). Otherwise you can ignore this message.",
      ],
      action: "Reset password",
    },
  },
  resetPassword: {
    de: {
      subject: "Passwort zurücksetzen",
      body: [
        "Hallo {name},",
        "Sie haben ein neues Passwort angefordert. Über den folgenden Link können Sie es setzen; er ist 1 Stunde gültig. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.",
      ],
      action: "Neues Passwort setzen",
    },
    en: {
      subject: "Reset your password",
      body: [
        "Hello {name},",
        "you asked for a new password. Set it with the link below; it is valid for 1 hour. If you did not ask for this, ignore this message.",
      ],
      action: "Set a new password",
    },
  },
  changeEmail: {
    de: {
      subject: "Neue E-Mail-Adresse bestätigen",
      body: ["Hallo {name},", "bitte bestätigen Sie Ihre neue E-Mail-Adresse für Vernetzt über den folgenden Link (24 Stunden gültig)."],
      action: "Neue Adresse bestätigen",
    },
    en: {
      subject: "Confirm your new e-mail address",
      body: ["Hello {name},", "please confirm your new e-mail address for Vernetzt with the link below (valid for 24 hours)."],
      action: "Confirm new address",
    },
  },
  emailChanged: {
    de: {
      subject: "Ihre E-Mail-Adresse wurde geändert",
      body: [
        "Hallo {name},",
        "die E-Mail-Adresse Ihres Vernetzt-Kontos wurde auf {newEmail} geändert. Wenn Sie das nicht waren, wenden Sie sich bitte sofort an die Koordination.",
      ],
    },
    en: {
      subject: "Your e-mail address was changed",
      body: ["Hello {name},", "the e-mail address of your Vernetzt account was changed to {newEmail}. If this was not you, please contact the coordination office at once."],
    },
  },
  passwordChanged: {
    de: {
      subject: "Ihr Passwort wurde geändert",
      body: ["Hallo {name},", "das Passwort Ihres Vernetzt-Kontos wurde soeben geändert. Wenn Sie das nicht waren, setzen Sie es bitte sofort zurück und wenden Sie sich an die Koordination."],
    },
    en: {
      subject: "Your password was changed",
      body: ["Hello {name},", "the password of your Vernetzt account was just changed. If this was not you, reset it at once and contact the coordination office."],
    },
  },
  accountDeleted: {
    de: {
      subject: "Ihr Konto wurde gelöscht",
      body: [
        "Hallo {name},",
        "Ihr Vernetzt-Konto und die dazugehörigen persönlichen Daten wurden gelöscht. Ihre Anmeldungen wurden storniert, der Newsletter abbestellt. Diese E-Mail ist die letzte, die Sie von uns erhalten.",
      ],
    },
    en: {
      subject: "Your account was deleted",
      body: [
        "Hello {name},",
        "your Vernetzt account and the personal data belonging to it were deleted. Your registrations were cancelled and the newsletter unsubscribed. This is the last e-mail you will receive from us.",
      ],
    },
  },
  approved: {
    de: {
      subject: "Willkommen im Netzwerk",
      body: ["Hallo {name},", "Ihre Mitgliedschaft bei Vernetzt wurde freigeschaltet. Sie können sich jetzt anmelden."],
      action: "Jetzt anmelden",
    },
    en: {
      subject: "Welcome to the network",
      body: ["Hello {name},", "your Vernetzt membership has been approved. You can sign in now."],
      action: "Sign in now",
    },
  },
  guestConfirm: {
    de: {
      subject: "Anmeldung bestätigen: {title}",
      body: ["Hallo {name},", "Sie möchten an „{title}“ am {when} teilnehmen. Bitte bestätigen Sie Ihre Anmeldung über den folgenden Link – erst dann ist Ihr Platz reserviert."],
      action: "Anmeldung bestätigen",
    },
    en: {
      subject: "Confirm your registration: {title}",
      body: ["Hello {name},", "you would like to attend “{title}” on {when}. Please confirm your registration with the link below – only then is your place reserved."],
      action: "Confirm registration",
    },
  },
  registrationConfirmed: {
    de: {
      subject: "Anmeldung bestätigt: {title}",
      body: ["Hallo {name},", "Ihre Anmeldung für „{title}“ ist bestätigt.", "Wann: {when}\nWo: {where}", "Den Termin für Ihren Kalender finden Sie im Anhang."],
      action: "Zur Veranstaltung",
    },
    en: {
      subject: "Registration confirmed: {title}",
      body: ["Hello {name},", "your registration for “{title}” is confirmed.", "When: {when}\nWhere: {where}", "The calendar entry is attached."],
      action: "View the event",
    },
  },
  registrationWaitlisted: {
    de: {
      subject: "Warteliste: {title}",
      body: ["Hallo {name},", "„{title}“ am {when} ist leider ausgebucht. Sie stehen auf Platz {position} der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail."],
      action: "Zur Veranstaltung",
    },
    en: {
      subject: "Waitlist: {title}",
      body: ["Hello {name},", "“{title}” on {when} is fully booked. You are number {position} on the waitlist. If a place becomes free, you move up automatically and get an e-mail."],
      action: "View the event",
    },
  },
  registrationPromoted: {
    de: {
      subject: "Ein Platz ist frei geworden: {title}",
      body: ["Hallo {name},", "gute Nachricht: Für „{title}“ ist ein Platz frei geworden. Sie sind jetzt fest angemeldet.", "Wann: {when}\nWo: {where}", "Den Termin für Ihren Kalender finden Sie im Anhang. Falls Sie doch nicht können, geben Sie den Platz bitte über den Link unten frei."],
      action: "Zur Veranstaltung",
    },
    en: {
      subject: "A place became free: {title}",
      body: ["Hello {name},", "good news: a place became free for “{title}”. You are now registered.", "When: {when}\nWhere: {where}", "The calendar entry is attached. If you cannot come after all, please free the place with the link below."],
      action: "View the event",
    },
  },
  registrationCancelled: {
    de: {
      subject: "Abmeldung bestätigt: {title}",
      body: ["Hallo {name},", "Sie sind von „{title}“ am {when} abgemeldet. Danke, dass Sie den Platz freigegeben haben."],
    },
    en: {
      subject: "Cancellation confirmed: {title}",
      body: ["Hello {name},", "you are no longer registered for “{title}” on {when}. Thank you for freeing the place."],
    },
  },
  eventReminder: {
    de: {
      subject: "Erinnerung: morgen {title}",
      body: ["Hallo {name},", "wir freuen uns auf Sie bei „{title}“.", "Wann: {when}\nWo: {where}"],
      action: "Zur Veranstaltung",
    },
    en: {
      subject: "Reminder: {title} tomorrow",
      body: ["Hello {name},", "we look forward to seeing you at “{title}”.", "When: {when}\nWhere: {where}"],
      action: "View the event",
    },
  },
  eventChanged: {
    de: {
      subject: "Geändert: {title}",
      body: ["Hallo {name},", "bei „{title}“, für das Sie angemeldet sind, hat sich etwas geändert.", "Wann: {when}\nWo: {where}", "Der aktualisierte Kalendereintrag ist angehängt."],
      action: "Zur Veranstaltung",
    },
    en: {
      subject: "Changed: {title}",
      body: ["Hello {name},", "something changed for “{title}”, which you registered for.", "When: {when}\nWhere: {where}", "The updated calendar entry is attached."],
      action: "View the event",
    },
  },
  eventCancelled: {
    de: {
      subject: "Abgesagt: {title}",
      body: ["Hallo {name},", "„{title}“ am {when} muss leider ausfallen. Ihre Anmeldung ist damit hinfällig. Wir bitten um Verständnis."],
    },
    en: {
      subject: "Cancelled: {title}",
      body: ["Hello {name},", "unfortunately “{title}” on {when} has been cancelled. Your registration no longer applies. We apologise."],
    },
  },
  eventMessage: {
    de: {
      subject: "{subject}",
      body: ["Hallo {name},", "{message}", "– {sender}, zu „{title}“ am {when}"],
      action: "Zur Veranstaltung",
    },
    en: {
      subject: "{subject}",
      body: ["Hello {name},", "{message}", "– {sender}, about “{title}” on {when}"],
      action: "View the event",
    },
  },
  forumReplies: {
    de: {
      subject: "Neue Beiträge: {title}",
      body: ["Hallo {name},", "im Forum-Thema „{title}“, dem Sie folgen, gibt es neue Beiträge ({count}), zuletzt von {author}.", "Sie bekommen zu diesem Thema höchstens eine E-Mail pro Stunde."],
      action: "Zum Thema",
    },
    en: {
      subject: "New posts: {title}",
      body: ["Hello {name},", "there are new posts ({count}) in the forum thread “{title}”, which you follow; the latest by {author}.", "You get at most one e-mail an hour about this thread."],
      action: "View the thread",
    },
  },
  forumMention: {
    de: {
      subject: "{author} hat Sie im Forum erwähnt",
      body: ["Hallo {name},", "{author} hat Sie im Forum-Thema „{title}“ erwähnt."],
      action: "Beitrag lesen",
    },
    en: {
      subject: "{author} mentioned you in the forum",
      body: ["Hello {name},", "{author} mentioned you in the forum thread “{title}”."],
      action: "Read the post",
    },
  },
  milestoneReminder: {
    de: {
      subject: "Bald fällig: {milestone} ({participant})",
      body: [
        "Hallo {name},",
        "im Programm „{programme}“ ist für {participant}, die Sie begleiten, ein Schritt bald fällig: „{milestone}“ am {due}.",
        "Bitte tragen Sie den Stand ein, sobald Sie mehr wissen.",
      ],
      action: "Zur Begleitung",
    },
    en: {
      subject: "Due soon: {milestone} ({participant})",
      body: [
        "Hello {name},",
        "in the programme “{programme}”, a step is due soon for {participant}, whom you accompany: “{milestone}” on {due}.",
        "Please record the progress once you know more.",
      ],
      action: "Open the record",
    },
  },
  newMessages: {
    de: {
      subject: "Neue Nachricht von {from}",
      body: ["Hallo {name},", "{from} hat Ihnen auf Vernetzt geschrieben. Ungelesene Nachrichten in diesem Gespräch: {count}.", "Den Inhalt lesen Sie nach der Anmeldung auf der Plattform."],
      action: "Nachricht lesen",
    },
    en: {
      subject: "New message from {from}",
      body: ["Hello {name},", "{from} wrote to you on Vernetzt. Unread messages in this conversation: {count}.", "Sign in to the platform to read it."],
      action: "Read the message",
    },
  },
} satisfies Catalogue;

export type MailKind = keyof typeof messages;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? "");
}

/** Renders one of the platform's transactional e-mails in the member's language. */
export function renderMail(kind: MailKind, locale: Locale, vars: Record<string, string>, link?: string, footerLink?: FooterLink): Rendered {
  const message: Message = messages[kind][locale];
  const paragraphs = message.body.map((p) => fill(p, vars));
  const footerText = footerLink ? [`${footerLink.label[locale]}: ${footerLink.url}`] : [];
  const footerHtml = footerLink
    ? `<p style="font-size:13px"><a href="${escapeHtml(footerLink.url)}">${escapeHtml(footerLink.label[locale])}</a></p>`
    : "";
  const footer = locale === "de" ? "Vernetzt – Netzwerk Ehrenamt in der Geflüchtetenhilfe" : "Vernetzt – volunteer network in refugee aid";
  const text = [...paragraphs, ...(link ? [`${message.action}: ${link}`] : []), ...footerText, "--", footer, config().appOrigin].join("\n\n");
  const button = link
    ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#b3001b;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(message.action ?? link)}</a></p><p style="font-size:13px;color:#555">${escapeHtml(link)}</p>`
    : "";
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:560px">${paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("")}${button}${footerHtml}<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)}</p></body></html>`;
  return { subject: fill(message.subject, vars), text, html };
}
