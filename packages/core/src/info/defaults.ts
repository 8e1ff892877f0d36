import type { PageVisibility } from "./constants";

export interface DefaultPage {
  slug: string;
  title: string;
  body: string;
  visibility: PageVisibility;
  position: number;
  inMenu: boolean;
}

/**
 * The legal pages start with a German template whose [[…]] placeholders the association must fill
 * in; until then the page says so at the top.
 */
export const LEGAL_DEFAULTS: DefaultPage[] = [
  {
    slug: "impressum",
    title: "Impressum",
    visibility: "public",
    position: 900,
    inMenu: false,
    body: [
      "> **Vorlage:** Bitte ersetzen Sie alle Angaben in [[doppelten eckigen Klammern]] durch die Daten Ihres Vereins (Koordination → Seite bearbeiten).",
      "",
      "## Angaben gemäß § 5 DDG",
      "",
      "[[Name des Vereins, z. B. DRK-Kreisverband Musterkreis e. V.]]  ",
      "[[Straße und Hausnummer]]  ",
      "[[PLZ Ort]]",
      "",
      "**Vertreten durch den Vorstand:** [[Namen der vertretungsberechtigten Vorstandsmitglieder]]",
      "",
      "**Registereintrag:** Vereinsregister [[Amtsgericht]], Registernummer [[VR …]]",
      "",
      "## Kontakt",
      "",
      "Telefon: [[Telefonnummer]]  ",
      "E-Mail: [[E-Mail-Adresse]]",
      "",
      "## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
      "",
      "[[Name, Anschrift wie oben]]",
    ].join("\n"),
  },
  {
    slug: "datenschutz",
    title: "Datenschutzerklärung",
    visibility: "public",
    position: 901,
    inMenu: false,
    body: [
      "> **Vorlage:** Bitte lassen Sie diesen Text von Ihrer/Ihrem Datenschutzbeauftragten prüfen und ersetzen Sie alle Angaben in [[doppelten eckigen Klammern]].",
      "",
      "## 1. Verantwortliche Stelle",
      "",
      "[[Name und Anschrift des Vereins]], E-Mail: [[E-Mail-Adresse]]. Datenschutzbeauftragte/r: [[Name, Kontakt]].",
      "",
      "## 2. Welche Daten wir verarbeiten",
      "",
      "- **Konto:** Name, E-Mail-Adresse, Passwort (nur als sicherer Hash), Sprache, Rolle – zum Betrieb der Plattform (Art. 6 Abs. 1 lit. b DSGVO).",
      "- **Veranstaltungen:** Ihre Anmeldungen, Antworten auf Anmeldefragen, Anwesenheit und Teilnahmebescheinigungen.",
      "- **Forum:** Ihre Beiträge, gefolgte Themen, Benachrichtigungen.",
      "- **Newsletter:** Ihre E-Mail-Adresse und Ihre Einwilligung (Zeitpunkt und Text, Art. 6 Abs. 1 lit. a DSGVO).",
      "- **Gäste** ohne Konto, die sich zu Veranstaltungen anmelden: Name und E-Mail-Adresse; sie werden [[12]] Monate nach der Veranstaltung automatisch anonymisiert.",
      "- **Technisch:** Sitzungs-Cookie (nur für die Anmeldung), Schutz vor Missbrauch durch kurzzeitige Zähler.",
      "",
      "## 3. Empfänger",
      "",
      "Die Plattform wird bei Amazon Web Services in Frankfurt am Main (EU) betrieben (Auftragsverarbeitung nach Art. 28 DSGVO). [[Weitere Empfänger]]",
      "",
      "## 4. Ihre Rechte",
      "",
      "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung, Datenübertragbarkeit und Widerspruch sowie auf Widerruf einer Einwilligung. Unter **Mein Konto** können Sie alle Ihre Daten jederzeit herunterladen und Ihr Konto selbst löschen. Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren, z. B. [[zuständige Landesbehörde]].",
    ].join("\n"),
  },
];

export const DEMO_PAGES: DefaultPage[] = [
  {
    slug: "ueber-das-projekt",
    title: "Über das Projekt",
    visibility: "public",
    position: 10,
    inMenu: true,
    body: "Das Projekt **Vernetzung Ehrenamt** unterstützt die Ehrenamtlichen im ganzen Landkreis, die sich für geflüchtete Menschen engagieren.\n\nEine feste Ansprechperson koordiniert das Netzwerk. Es ruht auf drei Säulen:\n\n1. **Austauschtreffen** mit Fachvortrag\n2. **Schulungen** und Podiumsdiskussionen\n3. Diese **Online-Plattform** mit Newsletter und Forum",
  },
  {
    slug: "angebote",
    title: "Angebote",
    visibility: "public",
    position: 20,
    inMenu: true,
    body: "## Einführungsveranstaltungen\nGrundlagen der Arbeit mit Geflüchteten und die bestehenden Strukturen.\n\n## Fortbildungen\nDeeskalation, Kindeswohlgefährdung, Trauma und mehr.\n\n## Gruppensupervision\nUnter fachlicher Anleitung über Erfahrungen sprechen.",
  },
  {
    slug: "faq",
    title: "Häufige Fragen",
    visibility: "public",
    position: 30,
    inMenu: true,
    body: "**Kostet die Teilnahme etwas?**  \nNein, alle Angebote sind für Ehrenamtliche kostenlos.\n\n**Wie werde ich Mitglied?**  \nRegistrieren Sie sich; die Koordination schaltet Ihr Konto frei.",
  },
];
