// Input schemas shared by the API (validation at the edge) and the web (form checks).
// Messages are stable codes; the web translates them, the API returns them per field.
import * as v from "valibot";
import { LOCALES, ROLES, STATUSES } from "./constants";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const Email = v.pipe(
  v.string("required"),
  v.trim(),
  v.nonEmpty("required"),
  v.maxLength(254, "too_long"),
  v.email("invalid_email"),
);
export const Name = v.pipe(v.string("required"), v.trim(), v.minLength(2, "too_short"), v.maxLength(100, "too_long"));
/** No composition rules (NIST 800-63B): length, and a common-password check in core. */
export const Password = v.pipe(
  v.string("required"),
  v.minLength(PASSWORD_MIN, "too_short"),
  v.maxLength(PASSWORD_MAX, "too_long"),
);
/** Any non-empty string up to the maximum: sign-in must not reveal the current rules. */
const AnyPassword = v.pipe(v.string("required"), v.nonEmpty("required"), v.maxLength(PASSWORD_MAX, "too_long"));
export const Locale = v.picklist(LOCALES, "invalid_choice");
const Token = v.pipe(v.string("required"), v.regex(/^[A-Za-z0-9_-]{43}$/, "invalid_token"));
/** A 6-digit authenticator code or a recovery code (xxxxx-xxxxx). */
export const TwoFactorCode = v.pipe(
  v.string("required"),
  v.trim(),
  v.regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/i, "invalid_code"),
);

export const SignUpInput = v.strictObject(
  {
    name: Name,
    email: Email,
    password: Password,
    locale: v.optional(Locale),
    /** The terms and privacy notice must be accepted; the accepted version is recorded. */
    acceptTerms: v.literal(true, "terms_required"),
  },
  "unknown_field",
);
export const SignInInput = v.strictObject({ email: Email, password: AnyPassword }, "unknown_field");
export const TwoFactorInput = v.strictObject({ code: TwoFactorCode }, "unknown_field");
export const TokenInput = v.strictObject({ token: Token }, "unknown_field");
export const EmailInput = v.strictObject({ email: Email }, "unknown_field");
export const ResetPasswordInput = v.strictObject({ token: Token, password: Password }, "unknown_field");
export const ChangePasswordInput = v.strictObject({ currentPassword: AnyPassword, newPassword: Password }, "unknown_field");
export const ChangeEmailInput = v.strictObject({ email: Email, password: AnyPassword }, "unknown_field");
export const UpdateProfileInput = v.strictObject({ name: v.optional(Name), locale: v.optional(Locale) }, "unknown_field");
export const PasswordConfirmInput = v.strictObject({ password: AnyPassword }, "unknown_field");
export const DisableTwoFactorInput = v.strictObject({ password: AnyPassword, code: TwoFactorCode }, "unknown_field");
export const EmptyInput = v.strictObject({}, "unknown_field");

export const MemberListQuery = v.strictObject(
  {
    status: v.optional(v.picklist(STATUSES, "invalid_choice"), "pending"),
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, "too_long"))),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "too_long"))),
  },
  "unknown_field",
);
export const RoleInput = v.strictObject({ role: v.picklist(ROLES, "invalid_choice") }, "unknown_field");

export type SignUpInput = v.InferOutput<typeof SignUpInput>;
export type MemberListQuery = v.InferOutput<typeof MemberListQuery>;
