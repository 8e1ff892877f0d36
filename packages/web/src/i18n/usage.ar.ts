import type { usageDe } from "./usage.de";

// Arabic for the admins' usage page. Same keys as German.
export const usageAr: { readonly [K in keyof typeof usageDe]: string } = {
  "usage.title": "الاستخدام والتكاليف",
  "usage.lead": "ما استخدمته المنصة في هذا الشهر ({month})، كما أحصته المنصة بنفسها، وكم يكلّف ذلك تقريبًا لدى AWS.",
  "usage.noAccess": "هذه الصفحة مخصصة لفريق إدارة النظام.",
  "usage.figures": "الاستخدام في هذا الشهر",
  "usage.figure": "المؤشر",
  "usage.value": "القيمة",
  "usage.requests": "الطلبات إلى المنصة",
  "usage.emails": "رسائل البريد الإلكتروني المرسلة",
  "usage.activeMembers": "الأعضاء النشطون",
  "usage.storedData": "البيانات المحفوظة",
  "usage.storedDataValue": "{size} في {items} إدخال",
  "usage.storedDataNote": "تحدّث AWS حجم البيانات كل ست ساعات تقريبًا.",
  "usage.cost": "التكاليف التقديرية في هذا الشهر",
  "usage.service": "الخدمة",
  "usage.amount": "دولار أمريكي",
  "usage.detail": "الأساس",
  "usage.total": "المجموع",
  "usage.costNote": "أسعار القائمة لمنطقة فرانكفورت (eu-central-1)، بتاريخ {date}، دون الحصة المجانية من AWS – الفاتورة الفعلية تكون عادةً أقل.",
  "usage.basis.lambda": "{invocations} استدعاء، {gbSeconds} غيغابايت-ثانية",
  "usage.basis.dynamo": "{readUnits} وحدة قراءة و{writeUnits} وحدة كتابة، {storedMb} ميغابايت مخزنة",
  "usage.basis.ses": "{emails} رسالة بريد إلكتروني",
  "usage.basis.edge": "{visits} زيارة، {requests} طلب، {gbOut} غيغابايت مرسلة",
  "usage.basis.api": "رابط الدالة خلف CloudFront: لا رسوم لبوابة API",
  "usage.basis.logs": "{mbIngested} ميغابايت من السجلات",
};
