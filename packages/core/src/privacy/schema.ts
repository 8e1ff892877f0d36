import * as v from "valibot";

export const DeleteAccountInput = v.strictObject(
  {
    password: v.pipe(v.string("required"), v.nonEmpty("required"), v.maxLength(128, "too_long")),
    removePosts: v.optional(v.boolean("invalid_choice"), false),
  },
  "unknown_field",
);
export const AdminDeleteInput = v.strictObject({ removePosts: v.optional(v.boolean("invalid_choice"), false) }, "unknown_field");
