import * as v from "valibot";
import { SignUpInput } from "@vernetzt/core/user/schema";
console.log(v.safeParse(SignUpInput, {}));
