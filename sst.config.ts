import { Stack } from "aws-cdk-lib";
import type { SSTConfig } from "sst";
import { Api } from "./infra/api";
import { Email } from "./infra/email";
import { Jobs } from "./infra/jobs";
import { suppressSstCustomResourceHandler } from "./infra/nag";
import { Table } from "./infra/table";
import { Web } from "./infra/web";

export default {
  config(_input) {
    return { name: "vernetzt", region: "eu-central-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
    app.stack(Table).stack(Email).stack(Api).stack(Jobs).stack(Web);
    for (const stack of app.node.children) {
      if (stack instanceof Stack) suppressSstCustomResourceHandler(stack);
    }
  },
} satisfies SSTConfig;
