import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { FunctionUrlOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { CfnPermission } from "aws-cdk-lib/aws-lambda";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { Api } from "./api";
import { suppressSstHelperLambda } from "./nag";
import { readSettings } from "./settings";
import { Table } from "./table";

export const API_PATH_PATTERN = "/api/*";

// The SPA talks only to its own origin, shows QR codes and previews as data:/blob: images, and
// Solid's style bindings write inline styles.
// `filesOrigin`: the files bucket's regional endpoint, where presigned uploads go and photos come from.
const contentSecurityPolicy = (filesOrigin: string) => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${filesOrigin}`,
  "font-src 'self'",
  `connect-src 'self' ${filesOrigin}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Client-side routes have no file behind them: every extension-less path gets the SPA shell.
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") === -1) {
    request.uri = "/index.html";
  }
  return request;
}`;

export function Web({ stack, app }: StackContext) {
  const { url } = use(Api);
  const { files } = use(Table);
  const settings = readSettings(app.stage);

  // Rebuilt on every deploy, so it can go with the stage.
  const bucket = new Bucket(stack, "SiteBucket", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    autoDeleteObjects: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  NagSuppressions.addResourceSuppressions(bucket, [
    {
      id: "AwsSolutions-S1",
      reason:
        "Only the deploy writes the bucket and only CloudFront (origin access control) reads it, " +
        "so server access logs would record nothing but those two; visitor IPs are not collected (see CFR3).",
    },
  ]);

  const securityHeaders = new ResponseHeadersPolicy(stack, "SecurityHeaders", {
    comment: `${app.stage} Vernetzt security headers`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(`https://${files.bucketRegionalDomainName}`), override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
    },
    customHeadersBehavior: {
      customHeaders: [
        { header: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()", override: true },
      ],
    },
  });

  const apiOrigin = FunctionUrlOrigin.withOriginAccessControl(url);

  const site = new StaticSite(stack, "Site", {
    path: "packages/web",
    buildCommand: "npm run build",
    buildOutput: "dist",
    // The SPA reads no build-time env (the API is same-origin), so keep SST's generated
    // vite-env types out of packages/web.
    vite: { types: "../../.sst/web/sst-env.d.ts" },
    customDomain: settings.appDomain
      ? { domainName: settings.appDomain, hostedZone: settings.appHostedZone }
      : undefined,
    cdk: {
      bucket,
      distribution: {
        comment: `${app.stage} Vernetzt`,
        httpVersion: HttpVersion.HTTP2_AND_3,
        priceClass: PriceClass.PRICE_CLASS_100,
        minimumProtocolVersion: settings.appDomain ? SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
        // Error pages apply to every behavior and would turn API 403/404s into index.html.
        errorResponses: [],
        defaultBehavior: {
          origin: S3BucketOrigin.withOriginAccessControl(bucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [
            {
              eventType: FunctionEventType.VIEWER_REQUEST,
              function: new CloudFrontFunction(stack, "SpaRouting", {
                code: FunctionCode.fromInline(SPA_ROUTING),
                runtime: FunctionRuntime.JS_2_0,
              }),
            },
          ],
        },
        additionalBehaviors: {
          [API_PATH_PATTERN]: {
            origin: apiOrigin,
            // A redirect would drop POST bodies.
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            // Function URLs route by Host, so the viewer's Host must not reach them.
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            responseHeadersPolicy: securityHeaders,
          },
        },
      },
    },
  });

  // `sst remove` and `sst dev` build the site without a distribution.
  const cdk = site.cdk;
  if (cdk) {
    // Our SpaRouting replaced SST's Astro-style rewrite in the default behavior; drop the orphan.
    site.node.tryRemoveChild("CloudFrontFunction");

    // Function URLs created since October 2025 need InvokeFunction besides the InvokeFunctionUrl
    // that FunctionUrlOrigin grants; without it CloudFront gets 403.
    new CfnPermission(stack, "ApiInvokeFromCloudFront", {
      action: "lambda:InvokeFunction",
      functionName: url.functionArn,
      principal: "cloudfront.amazonaws.com",
      sourceArn: stack.formatArn({
        service: "cloudfront",
        region: "",
        resource: "distribution",
        resourceName: cdk.distribution.distributionId,
      }),
    });

    NagSuppressions.addResourceSuppressions(cdk.distribution, [
      {
        id: "AwsSolutions-CFR3",
        reason:
          "No CloudFront access logs by design: they would store the IP address of every refugee and " +
          "volunteer who opens the site (data minimisation, GDPR Art. 5(1)(c)); API errors are logged by the Lambda.",
      },
      ...(settings.appDomain
        ? []
        : [
            {
              id: "AwsSolutions-CFR4",
              reason:
                "Without APP_DOMAIN the distribution uses the default *.cloudfront.net certificate, whose " +
                "minimum protocol CloudFront fixes at TLSv1; with APP_DOMAIN it is TLSv1.2_2021.",
            },
          ]),
    ]);
    if (cdk.certificate) {
      const requestor = suppressSstHelperLambda(
        cdk.certificate.node.tryFindChild("CertificateRequestorFunction"),
        "SST's certificate-requestor Lambda (custom-domain certificate in us-east-1)",
      );
      const requestorPolicy = requestor.role?.node.tryFindChild("DefaultPolicy");
      if (requestorPolicy) {
        NagSuppressions.addResourceSuppressions(requestorPolicy, [
          {
            id: "AwsSolutions-IAM5",
            appliesTo: ["Resource::*"],
            reason:
              "acm:RequestCertificate and route53:GetChange cannot name a resource that exists before " +
              "the call; SST scopes the DNS-record write itself to the hosted zone and CNAME records.",
          },
        ]);
      }
    }
  }

  stack.addOutputs({ SiteUrl: site.customDomainUrl ?? site.url });
  return { site };
}
