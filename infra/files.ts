import { Duration, RemovalPolicy, type Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import type { Settings } from "./settings";

/** Where uploads land before the API has checked them (packages/core/src/storage); unclaimed ones expire. */
export const INCOMING_PREFIX = "incoming/";

/**
 * The private bucket for stored files (profile photos, organisation logos, documents). Nothing in it
 * is public: browsers PUT and GET with presigned URLs the API hands out after its access checks.
 * Unversioned on purpose: a deleted document or an erased member's photo must really be gone (GDPR);
 * the table's point-in-time recovery does not cover files, so the README names the backup trade-off.
 */
export function filesBucket(stack: Stack, settings: Settings): Bucket {
  const bucket = new Bucket(stack, "Files", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: settings.isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    // The browser uploads and downloads straight to S3 from the app's origin. Until the first deploy
    // reveals the CloudFront domain the origin is unknown (see README, Deploy); the presigned URL is
    // the authority either way, CORS only decides which pages may read the answer.
    cors: [
      {
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
        allowedOrigins: settings.appOrigin ? [settings.appOrigin] : ["*"],
        allowedHeaders: ["content-type"],
        maxAge: 3600,
      },
    ],
    lifecycleRules: [
      { id: "unclaimed-uploads", prefix: INCOMING_PREFIX, expiration: Duration.days(1) },
      { id: "incomplete-multipart", abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
  });
  NagSuppressions.addResourceSuppressions(bucket, [
    {
      id: "AwsSolutions-S1",
      reason:
        "Every read and write goes through a presigned URL the API issues after its own access check, and the " +
        "platform's audit log records uploads and deletions; S3 access logs would add a second bucket to keep.",
    },
  ]);
  return bucket;
}

/** Read, write and delete objects: what the API needs to sign URLs for and to check and resize uploads. */
export function fileAccessStatements(bucket: Bucket): PolicyStatement[] {
  return [
    new PolicyStatement({
      actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      resources: [bucket.arnForObjects("*")],
    }),
  ];
}
