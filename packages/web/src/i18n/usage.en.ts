import type { usageDe } from "./usage.de";

// English for the admins' usage page. Same keys as German.
export const usageEn: { readonly [K in keyof typeof usageDe]: string } = {
  "usage.title": "Usage and cost",
  "usage.lead": "What the platform was used for this month ({month}), counted by the platform itself, and roughly what it costs at AWS.",
  "usage.noAccess": "This page is for administrators only.",
  "usage.figures": "Usage this month",
  "usage.figure": "Figure",
  "usage.value": "Value",
  "usage.requests": "Requests to the platform",
  "usage.emails": "E-mails sent",
  "usage.activeMembers": "Active members",
  "usage.storedData": "Stored data",
  "usage.storedDataValue": "{size} in {items} items",
  "usage.storedDataNote": "AWS updates the stored data size about every six hours.",
  "usage.cost": "Estimated cost this month",
  "usage.service": "Service",
  "usage.amount": "US dollars",
  "usage.detail": "Based on",
  "usage.total": "Total",
  "usage.costNote": "List prices for Frankfurt (eu-central-1) as of {date}, without AWS's free tier – the actual bill is usually lower.",
  "usage.basis.lambda": "{invocations} invocations, {gbSeconds} GB-seconds",
  "usage.basis.dynamo": "{readUnits} read and {writeUnits} write units, {storedMb} MB stored",
  "usage.basis.ses": "{emails} e-mails",
  "usage.basis.edge": "{visits} visits, {requests} requests, {gbOut} GB out",
  "usage.basis.api": "Function URL behind CloudFront: no API Gateway charge",
  "usage.basis.logs": "{mbIngested} MB of logs",
};
