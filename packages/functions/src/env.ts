import type { RequestMeta } from "@vernetzt/core/user/account";
import type { UserItem } from "@vernetzt/core/user/user.entity";
import type { KeyedOperation } from "@vernetzt/core/readahead";

/** Values the middleware puts on every request's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    meta: RequestMeta;
    user: UserItem | undefined;
    sessionToken: string | undefined;
    /** Set by `declareReadAhead` on reading routes whose keys are known up front. */
    readAhead?: (userId: string) => KeyedOperation[];
  };
}
