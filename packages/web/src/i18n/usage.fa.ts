import type { usageDe } from "./usage.de";

// Farsi (Persian) for the admins' usage page. Same keys as German.
export const usageFa: { readonly [K in keyof typeof usageDe]: string } = {
  "usage.title": "میزان استفاده و هزینه‌ها",
  "usage.lead": "میزان استفاده از سامانه در این ماه ({month})، به شمارش خود سامانه، و هزینهٔ تقریبی آن در AWS.",
  "usage.noAccess": "این صفحه فقط برای مدیران سامانه است.",
  "usage.figures": "میزان استفاده در این ماه",
  "usage.figure": "شاخص",
  "usage.value": "مقدار",
  "usage.requests": "درخواست‌ها به سامانه",
  "usage.emails": "ایمیل‌های فرستاده‌شده",
  "usage.activeMembers": "اعضای فعال",
  "usage.storedData": "داده‌های ذخیره‌شده",
  "usage.storedDataValue": "{size} در {items} مورد",
  "usage.storedDataNote": "AWS حجم داده‌ها را تقریباً هر شش ساعت یک بار به‌روز می‌کند.",
  "usage.cost": "هزینهٔ تخمینی در این ماه",
  "usage.service": "سرویس",
  "usage.amount": "دلار آمریکا",
  "usage.detail": "مبنای محاسبه",
  "usage.total": "جمع کل",
  "usage.costNote": "قیمت‌های رسمی برای فرانکفورت (eu-central-1)، به تاریخ {date}، بدون سهمیهٔ رایگان AWS – صورت‌حساب واقعی معمولاً کمتر است.",
  "usage.basis.lambda": "{invocations} فراخوانی، {gbSeconds} گیگابایت‌ثانیه",
  "usage.basis.dynamo": "{readUnits} واحد خواندن و {writeUnits} واحد نوشتن، {storedMb} مگابایت ذخیره‌شده",
  "usage.basis.ses": "{emails} ایمیل",
  "usage.basis.edge": "{visits} بازدید، {requests} درخواست، {gbOut} گیگابایت ارسال‌شده",
  "usage.basis.api": "نشانی تابع پشت CloudFront: بدون هزینهٔ API Gateway",
  "usage.basis.logs": "{mbIngested} مگابایت گزارش سیستم",
};
