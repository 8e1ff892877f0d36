// The server's texts in German, the source: every other language's catalogue has exactly this shape
// (ServerTexts). `{name}` placeholders are filled by the code that renders the text.
export const serverDe = {
  /** Transactional e-mails, one per kind: paragraphs of plain text and the label of the main link. */
  mail: {
    verifyEmail: {
      subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
      body: [
        "Hallo {name},",
        "willkommen bei Vernetzt! Bitte bestätigen Sie Ihre E-Mail-Adresse über den folgenden Link. Er ist 24 Stunden gültig.",
      ],
      action: "E-Mail-Adresse bestätigen",
    },
    alreadyRegistered: {
      subject: "Anmeldeversuch mit Ihrer E-Mail-Adresse",
      body: [
        "Hallo {name},",
        "jemand wollte sich gerade mit dieser E-Mail-Adresse neu registrieren. Sie haben bereits ein Konto. Falls Sie das waren und Ihr Passwort vergessen haben, können Sie es über den folgenden Link neu setzen (1 Stunde gültig). Andernfalls können Sie diese Nachricht ignorieren.",
      ],
      action: "Passwort neu setzen",
    },
    resetPassword: {
      subject: "Passwort zurücksetzen",
      body: [
        "Hallo {name},",
        "Sie haben ein neues Passwort angefordert. Über den folgenden Link können Sie es setzen; er ist 1 Stunde gültig. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.",
      ],
      action: "Neues Passwort setzen",
    },
    changeEmail: {
      subject: "Neue E-Mail-Adresse bestätigen",
      body: ["Hallo {name},", "bitte bestätigen Sie Ihre neue E-Mail-Adresse für Vernetzt über den folgenden Link (24 Stunden gültig)."],
      action: "Neue Adresse bestätigen",
    },
    emailChanged: {
      subject: "Ihre E-Mail-Adresse wurde geändert",
      body: [
        "Hallo {name},",
        "die E-Mail-Adresse Ihres Vernetzt-Kontos wurde auf {newEmail} geändert. Wenn Sie das nicht waren, wenden Sie sich bitte sofort an die Koordination.",
      ],
    },
    passwordChanged: {
      subject: "Ihr Passwort wurde geändert",
      body: ["Hallo {name},", "das Passwort Ihres Vernetzt-Kontos wurde soeben geändert. Wenn Sie das nicht waren, setzen Sie es bitte sofort zurück und wenden Sie sich an die Koordination."],
    },
    approved: {
      subject: "Willkommen im Netzwerk",
      body: ["Hallo {name},", "Ihre Mitgliedschaft bei Vernetzt wurde freigeschaltet. Sie können sich jetzt anmelden."],
      action: "Jetzt anmelden",
    },
    guestConfirm: {
      subject: "Anmeldung bestätigen: {title}",
      body: ["Hallo {name},", "Sie möchten an „{title}“ am {when} teilnehmen. Bitte bestätigen Sie Ihre Anmeldung über den folgenden Link – erst dann ist Ihr Platz reserviert."],
      action: "Anmeldung bestätigen",
    },
    registrationConfirmed: {
      subject: "Anmeldung bestätigt: {title}",
      body: ["Hallo {name},", "Ihre Anmeldung für „{title}“ ist bestätigt.", "Wann: {when}\nWo: {where}", "Den Termin für Ihren Kalender finden Sie im Anhang."],
      action: "Zur Veranstaltung",
    },
    registrationWaitlisted: {
      subject: "Warteliste: {title}",
      body: ["Hallo {name},", "„{title}“ am {when} ist leider ausgebucht. Sie stehen auf Platz {position} der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail."],
      action: "Zur Veranstaltung",
    },
    registrationPromoted: {
      subject: "Ein Platz ist frei geworden: {title}",
      body: ["Hallo {name},", "gute Nachricht: Für „{title}“ ist ein Platz frei geworden. Sie sind jetzt fest angemeldet.", "Wann: {when}\nWo: {where}", "Den Termin für Ihren Kalender finden Sie im Anhang. Falls Sie doch nicht können, geben Sie den Platz bitte über den Link unten frei."],
      action: "Zur Veranstaltung",
    },
    registrationCancelled: {
      subject: "Abmeldung bestätigt: {title}",
      body: ["Hallo {name},", "Sie sind von „{title}“ am {when} abgemeldet. Danke, dass Sie den Platz freigegeben haben."],
    },
    eventReminder: {
      subject: "Erinnerung: morgen {title}",
      body: ["Hallo {name},", "wir freuen uns auf Sie bei „{title}“.", "Wann: {when}\nWo: {where}"],
      action: "Zur Veranstaltung",
    },
    eventChanged: {
      subject: "Geändert: {title}",
      body: ["Hallo {name},", "bei „{title}“, für das Sie angemeldet sind, hat sich etwas geändert.", "Wann: {when}\nWo: {where}", "Der aktualisierte Kalendereintrag ist angehängt."],
      action: "Zur Veranstaltung",
    },
    eventCancelled: {
      subject: "Abgesagt: {title}",
      body: ["Hallo {name},", "„{title}“ am {when} muss leider ausfallen. Ihre Anmeldung ist damit hinfällig. Wir bitten um Verständnis."],
    },
    eventMessage: {
      subject: "{subject}",
      body: ["Hallo {name},", "{message}", "– {sender}, zu „{title}“ am {when}"],
      action: "Zur Veranstaltung",
    },
    forumReplies: {
      subject: "Neue Beiträge: {title}",
      body: ["Hallo {name},", "im Forum-Thema „{title}“, dem Sie folgen, gibt es neue Beiträge ({count}), zuletzt von {author}.", "Sie bekommen zu diesem Thema höchstens eine E-Mail pro Stunde."],
      action: "Zum Thema",
    },
    forumMention: {
      subject: "{author} hat Sie im Forum erwähnt",
      body: ["Hallo {name},", "{author} hat Sie im Forum-Thema „{title}“ erwähnt."],
      action: "Beitrag lesen",
    },
    accountDeleted: {
      subject: "Ihr Konto wurde gelöscht",
      body: [
        "Hallo {name},",
        "Ihr Vernetzt-Konto und die dazugehörigen persönlichen Daten wurden gelöscht. Ihre Anmeldungen wurden storniert, der Newsletter abbestellt. Diese E-Mail ist die letzte, die Sie von uns erhalten.",
      ],
    },
    milestoneReminder: {
      subject: "Bald fällig: {milestone} ({participant})",
      body: [
        "Hallo {name},",
        "im Programm „{programme}“ ist für {participant}, die Sie begleiten, ein Schritt bald fällig: „{milestone}“ am {due}.",
        "Bitte tragen Sie den Stand ein, sobald Sie mehr wissen.",
      ],
      action: "Zur Begleitung",
    },
    newMessages: {
      subject: "Neue Nachricht von {from}",
      body: [
        "Hallo {name},",
        "{from} hat Ihnen auf Vernetzt geschrieben. Ungelesene Nachrichten in diesem Gespräch: {count}.",
        "Den Inhalt lesen Sie nach der Anmeldung auf der Plattform.",
      ],
      action: "Nachricht lesen",
    },
  },
  /** The line under every e-mail. */
  mailFooter: "Vernetzt – Netzwerk Ehrenamt in der Geflüchtetenhilfe",
  /** Second, quieter links under an e-mail. */
  links: {
    cancelRegistration: "Abmelden und Platz freigeben",
    forumSettings: "Forum-E-Mails abbestellen",
    forumThread: "Keine E-Mails mehr zu diesem Thema",
    messageNotices: "E-Mail-Hinweise auf Nachrichten abbestellen",
  },
  /** When and where an event takes place, in e-mails, the newsletter and certificates. */
  when: {
    sameDay: "{day}, {start}–{end} Uhr",
    span: "{startDay}, {start} – {endDay}, {end} Uhr",
  },
  where: {
    online: "Online: {url}",
    onlineLater: "Online (der Link steht auf der Veranstaltungsseite)",
  },
  newsletter: {
    confirm: {
      subject: "Bitte bestätigen Sie Ihr Newsletter-Abonnement",
      body: "Sie (oder jemand anderes) haben den Newsletter von Vernetzt für diese Adresse bestellt. Bitte bestätigen Sie das über den Link. Ohne Bestätigung schicken wir nichts.",
      action: "Abonnement bestätigen",
    },
    welcome: {
      subject: "Willkommen beim Newsletter von Vernetzt",
      body: "Ihr Abonnement ist bestätigt. Jede Woche erhalten Sie Neuigkeiten aus der Geflüchtetenhilfe und Flüchtlingspolitik. Die aktuelle Ausgabe finden Sie hier:",
      action: "Aktuelle Ausgabe lesen",
    },
    unsubscribe: "Abmelden",
    issueNumber: "Vernetzt · Newsletter Nr. {number}",
    greeting: "Hallo {name},",
    greetingNoName: "Hallo,",
    readInBrowser: "Im Browser lesen",
    readInBrowserText: "Diesen Newsletter im Browser lesen: {url}",
    unsubscribeText: "Abmelden: {url}",
    unsubscribeLink: "Newsletter abbestellen",
    upcomingEvents: "Veranstaltungen der nächsten Wochen",
    source: "Quelle",
    category: {
      law_policy: "Recht und Politik",
      local_offers: "Angebote vor Ort",
      events_elsewhere: "Veranstaltungen anderswo",
      materials: "Materialien",
      other: "Sonstiges",
    },
  },
  /** Calendar files (.ics) and feeds. */
  ical: {
    cancelled: "Abgesagt: {title}",
    online: "Online",
    onlineLink: "Online: {url}",
    feedAll: "Vernetzt – Veranstaltungen",
    feedMine: "Vernetzt – meine Veranstaltungen",
  },
  /** The certificate of participation (PDF). */
  certificate: {
    title: "Teilnahmebescheinigung",
    documentTitle: "Teilnahmebescheinigung – {title}",
    confirms: "Hiermit wird bestätigt, dass",
    atEvent: "an der Veranstaltung ({kind})",
    eventTitle: "„{title}“",
    when: "am {when}",
    duration: "Dauer: {duration}",
    hours: "{hours} Stunden",
    hoursMinutes: "{hours} Std. {minutes} Min.",
    topics: "Themen: {topics}",
    organiser: "Veranstalter: {organiser}",
    attended: "teilgenommen hat.",
    code: "Prüfcode: {code}",
    verify: "Echtheit prüfen: {url}",
    issued: "Ausgestellt am {date} über die Plattform Vernetzt.",
    kind: {
      exchange_meeting: "Austauschtreffen",
      expert_talk: "Fachvortrag",
      training: "Schulung",
      continuing_education: "Fortbildung",
      panel_discussion: "Podiumsdiskussion",
      introductory_event: "Einführungsveranstaltung",
      group_supervision: "Gruppensupervision",
    },
  },
  /** The accompaniment programme's participant summary (PDF). */
  programmeSummary: {
    title: "Fortschritt: {name}",
    confidential: "Vertraulich – personenbezogene Daten",
    programme: "Programm: {name}",
    coordinator: "Koordination: {name}",
    mentors: "Begleitung: {names}",
    languages: "Sprachen: {languages}",
    separator: ", ",
    milestones: "Meilensteine",
    milestone: "{title} — {status}",
    milestoneWhen: "{title} — {status} ({when})",
    due: "fällig am {date}",
    done: "erledigt am {date}",
    contacts: "Kontakte",
    contact: "{date}: {note}",
    none: "–",
    status: { open: "offen", in_progress: "in Arbeit", done: "erledigt", not_applicable: "entfällt" },
    printed: "Erstellt am {date}",
  },
  /** Spreadsheet exports (CSV) for coordinators, in the coordinator's language. */
  csv: {
    yes: "ja",
    no: "nein",
    participants: {
      name: "Name",
      email: "E-Mail",
      status: "Status",
      waitlistPosition: "Wartelistenplatz",
      attendance: "Anwesenheit",
      guest: "Gast",
      registeredAt: "Angemeldet am",
      statuses: {
        confirmed: "bestätigt",
        waitlisted: "Warteliste",
        unconfirmed: "unbestätigt",
        cancelled: "abgemeldet",
      },
      attendances: {
        attended: "teilgenommen",
        no_show: "nicht erschienen",
      },
    },
    subscribers: {
      email: "E-Mail",
      name: "Name",
      kind: "Art",
      consentAt: "Einwilligung am",
      consentVia: "Einwilligung über",
      member: "Mitglied",
      public: "öffentlich",
      doubleOptIn: "Double-Opt-in",
      memberAccount: "Mitgliedskonto",
    },
  },
};

/** The German structure with every text a string: another language must match it key for key. */
type Texts<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? readonly string[] : Texts<T[K]>;
};
export type ServerTexts = Texts<typeof serverDe>;
