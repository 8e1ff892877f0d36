import type { usageDe } from "./usage.de";

// Ukrainian for the admins' usage page. Same keys as German.
export const usageUk: { readonly [K in keyof typeof usageDe]: string } = {
  "usage.title": "Використання та витрати",
  "usage.lead": "Скільки платформа використовувалася цього місяця ({month}) за її власним підрахунком і приблизно скільки це коштує в AWS.",
  "usage.noAccess": "Ця сторінка призначена лише для адміністраторів.",
  "usage.figures": "Використання цього місяця",
  "usage.figure": "Показник",
  "usage.value": "Значення",
  "usage.requests": "Запити до платформи",
  "usage.emails": "Надіслані електронні листи",
  "usage.activeMembers": "Активні учасники",
  "usage.storedData": "Збережені дані",
  "usage.storedDataValue": "{size}, записів: {items}",
  "usage.storedDataNote": "AWS оновлює обсяг даних приблизно раз на шість годин.",
  "usage.cost": "Орієнтовні витрати цього місяця",
  "usage.service": "Сервіс",
  "usage.amount": "Долари США",
  "usage.detail": "Основа розрахунку",
  "usage.total": "Разом",
  "usage.costNote": "Ціни за прайс-листом для Франкфурта (eu-central-1) станом на {date}, без безкоштовного ліміту AWS – фактичний рахунок зазвичай нижчий.",
  "usage.basis.lambda": "{invocations} викликів, {gbSeconds} ГБ-секунд",
  "usage.basis.dynamo": "{readUnits} одиниць читання і {writeUnits} одиниць запису, {storedMb} МБ збережено",
  "usage.basis.ses": "Листів: {emails}",
  "usage.basis.edge": "{visits} відвідувань, {requests} запитів, {gbOut} ГБ передано",
  "usage.basis.api": "URL функції за CloudFront: без плати за API Gateway",
  "usage.basis.logs": "{mbIngested} МБ журналів",
};
