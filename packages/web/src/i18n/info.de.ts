// Information pages, contact persons, documents, data protection and the audit log.
export const infoDe = {
  "signup.terms": "Ich habe die Datenschutzerklärung gelesen und bin mit der Verarbeitung meiner Angaben zum Betrieb der Plattform einverstanden.",
  "signup.termsLink": "Datenschutzerklärung lesen (öffnet in neuem Tab)",
  "field.acceptTerms.terms_required": "Bitte stimmen Sie der Datenschutzerklärung zu.",
  "field.acceptTerms.invalid_type": "Bitte stimmen Sie der Datenschutzerklärung zu.",
};
