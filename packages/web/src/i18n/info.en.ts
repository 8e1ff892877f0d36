import type { infoDe } from "./info.de";

export const infoEn: { readonly [K in keyof typeof infoDe]: string } = {
  "signup.terms": "I have read the privacy notice and agree that my details are processed to run the platform.",
  "signup.termsLink": "Read the privacy notice (opens in a new tab)",
  "field.acceptTerms.terms_required": "Please accept the privacy notice.",
  "field.acceptTerms.invalid_type": "Please accept the privacy notice.",
};
