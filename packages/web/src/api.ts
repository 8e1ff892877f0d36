import { hc } from "hono/client";
import type { AppType } from "@vernetzt/functions/app";

export const client = hc<AppType>("/");
