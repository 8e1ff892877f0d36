import type { Stack } from "aws-cdk-lib";
import { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { NagSuppressions } from "cdk-nag";
import type { IConstruct } from "constructs";

const BASIC_EXECUTION_ROLE_FINDING =
  "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

export const NODE_22_REASON =
  "nodejs22.x is the team's Node line for Lambda and the local server (DESIGN.md) and a " +
  "supported Lambda runtime; moving to nodejs24.x is a deliberate upgrade, not a lint fix.";

/** SST adds one custom-resource Lambda to every stack; its role and runtime are SST's, not ours. */
export function suppressSstCustomResourceHandler(stack: Stack): void {
  suppressSstHelperLambda(
    stack.node.tryFindChild("CustomResourceHandler"),
    "SST's deploy-time custom-resource Lambda (site upload, CloudFront invalidation)",
  );
}

/**
 * Role and runtime of a Lambda that SST creates inside its own constructs: it gets
 * AWSLambdaBasicExecutionRole (CloudWatch Logs writes only) and nodejs22.x, and SST 2.49 offers
 * no prop to change either.
 */
export function suppressSstHelperLambda(construct: IConstruct | undefined, what: string): LambdaFunction {
  if (!(construct instanceof LambdaFunction) || !construct.role) {
    throw new Error(`Expected an SST-created Lambda function with a role for: ${what}`);
  }
  NagSuppressions.addResourceSuppressions(construct.role, [
    {
      id: "AwsSolutions-IAM4",
      appliesTo: [BASIC_EXECUTION_ROLE_FINDING],
      reason: `${what} is created by SST with AWSLambdaBasicExecutionRole, which only writes its own CloudWatch logs; SST 2.49 cannot swap that role.`,
    },
  ]);
  NagSuppressions.addResourceSuppressions(construct, [
    {
      id: "AwsSolutions-L1",
      reason: `${what} is pinned by SST 2.49 to nodejs22.x, a supported Lambda runtime; it runs only during deploys and moves with SST.`,
    },
  ]);
  return construct;
}
