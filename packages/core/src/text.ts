/** Lower-cased, composed form used for sorting and matching names and addresses. */
export function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("de").trim();
}

/** E-mail addresses are unique regardless of case or surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
