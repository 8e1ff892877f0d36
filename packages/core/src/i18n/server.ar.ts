import type { ServerTexts } from "./server.de";

// Arabic (Modern Standard Arabic) for e-mails, calendar files and the certificate.
// Sentences that embed {when} put it in parentheses or after a label, so both the one-day and the
// several-days form read well; the certificate avoids gendered verbs (the name is not known to be male or female).
export const serverAr: ServerTexts = {
  mail: {
    verifyEmail: {
      subject: "يُرجى تأكيد عنوان بريدك الإلكتروني",
      body: ["مرحبًا {name}،", "أهلًا بك في Vernetzt! يُرجى تأكيد عنوان بريدك الإلكتروني عبر الرابط التالي. الرابط صالح لمدة 24 ساعة."],
      action: "تأكيد عنوان البريد الإلكتروني",
    },
    alreadyRegistered: {
      subject: "محاولة تسجيل بعنوان بريدك الإلكتروني",
      body: [
        "مرحبًا {name}،",
        "حاول أحدهم للتو إنشاء حساب جديد بعنوان البريد الإلكتروني هذا، لكن لديك حسابًا بالفعل. إذا كنت أنت من حاول ذلك ونسيت كلمة المرور، يمكنك تعيين كلمة مرور جديدة عبر الرابط التالي (صالح لمدة ساعة واحدة). وإن لم تكن أنت، فيمكنك تجاهل هذه الرسالة.",
      ],
      action: "تعيين كلمة مرور جديدة",
    },
    resetPassword: {
      subject: "إعادة تعيين كلمة المرور",
      body: [
        "مرحبًا {name}،",
        "لقد طلبت كلمة مرور جديدة. يمكنك تعيينها عبر الرابط التالي، وهو صالح لمدة ساعة واحدة. إذا لم تطلب ذلك، فتجاهل هذه الرسالة.",
      ],
      action: "تعيين كلمة مرور جديدة",
    },
    changeEmail: {
      subject: "تأكيد عنوان البريد الإلكتروني الجديد",
      body: ["مرحبًا {name}،", "يُرجى تأكيد عنوان بريدك الإلكتروني الجديد في Vernetzt عبر الرابط التالي (صالح لمدة 24 ساعة)."],
      action: "تأكيد العنوان الجديد",
    },
    emailChanged: {
      subject: "تم تغيير عنوان بريدك الإلكتروني",
      body: [
        "مرحبًا {name}،",
        "تم تغيير عنوان البريد الإلكتروني لحسابك في Vernetzt إلى {newEmail}. إذا لم تكن أنت من قام بذلك، فيُرجى التواصل فورًا مع فريق التنسيق.",
      ],
    },
    passwordChanged: {
      subject: "تم تغيير كلمة المرور",
      body: [
        "مرحبًا {name}،",
        "تم للتو تغيير كلمة المرور لحسابك في Vernetzt. إذا لم تكن أنت من قام بذلك، فيُرجى إعادة تعيينها فورًا والتواصل مع فريق التنسيق.",
      ],
    },
    approved: {
      subject: "أهلًا بك في الشبكة",
      body: ["مرحبًا {name}،", "تم تفعيل عضويتك في Vernetzt. يمكنك الآن تسجيل الدخول."],
      action: "تسجيل الدخول الآن",
    },
    guestConfirm: {
      subject: "تأكيد التسجيل: {title}",
      body: ["مرحبًا {name}،", "ترغب في المشاركة في «{title}» ({when}). يُرجى تأكيد تسجيلك عبر الرابط التالي – لن يُحجز مكانك إلا بعد ذلك."],
      action: "تأكيد التسجيل",
    },
    registrationConfirmed: {
      subject: "تم تأكيد التسجيل: {title}",
      body: ["مرحبًا {name}،", "تم تأكيد تسجيلك في «{title}».", "الموعد: {when}\nالمكان: {where}", "تجد في المرفق الموعد لإضافته إلى تقويمك."],
      action: "عرض الفعالية",
    },
    registrationWaitlisted: {
      subject: "قائمة الانتظار: {title}",
      body: [
        "مرحبًا {name}،",
        "للأسف، كل الأماكن في «{title}» ({when}) محجوزة. أنت في المرتبة {position} في قائمة الانتظار. عندما يصبح هناك مكان شاغر، تحصل عليه تلقائيًا وتصلك رسالة بالبريد الإلكتروني.",
      ],
      action: "عرض الفعالية",
    },
    registrationPromoted: {
      subject: "أصبح هناك مكان شاغر: {title}",
      body: [
        "مرحبًا {name}،",
        "خبر سار: أصبح هناك مكان شاغر في «{title}»، وتسجيلك الآن مؤكَّد.",
        "الموعد: {when}\nالمكان: {where}",
        "تجد في المرفق الموعد لإضافته إلى تقويمك. إذا لم تتمكن من الحضور، فيُرجى إتاحة المكان لغيرك عبر الرابط أدناه.",
      ],
      action: "عرض الفعالية",
    },
    registrationCancelled: {
      subject: "تم تأكيد إلغاء التسجيل: {title}",
      body: ["مرحبًا {name}،", "تم إلغاء تسجيلك في «{title}» ({when}). شكرًا لأنك أتحت المكان لغيرك."],
    },
    eventReminder: {
      subject: "تذكير: {title} غدًا",
      body: ["مرحبًا {name}،", "يسعدنا حضورك في «{title}».", "الموعد: {when}\nالمكان: {where}"],
      action: "عرض الفعالية",
    },
    eventChanged: {
      subject: "تعديل: {title}",
      body: [
        "مرحبًا {name}،",
        "طرأ تغيير على «{title}» الذي سجّلت فيه.",
        "الموعد: {when}\nالمكان: {where}",
        "الموعد المحدَّث للتقويم مرفق بهذه الرسالة.",
      ],
      action: "عرض الفعالية",
    },
    eventCancelled: {
      subject: "إلغاء: {title}",
      body: ["مرحبًا {name}،", "للأسف تم إلغاء «{title}» ({when}). وبذلك لم يعد تسجيلك قائمًا. نعتذر عن ذلك ونشكر تفهمك."],
    },
    eventMessage: {
      subject: "{subject}",
      body: ["مرحبًا {name}،", "{message}", "– {sender}، بخصوص «{title}» ({when})"],
      action: "عرض الفعالية",
    },
    forumReplies: {
      subject: "مشاركات جديدة: {title}",
      body: [
        "مرحبًا {name}،",
        "توجد مشاركات جديدة ({count}) في موضوع المنتدى «{title}» الذي تتابعه، آخرها من {author}.",
        "تصلك حول هذا الموضوع رسالة واحدة على الأكثر في الساعة.",
      ],
      action: "عرض الموضوع",
    },
    forumMention: {
      subject: "إشارة إليك من {author} في المنتدى",
      body: ["مرحبًا {name}،", "هناك إشارة إليك من {author} في موضوع المنتدى «{title}»."],
      action: "قراءة المشاركة",
    },
    accountDeleted: {
      subject: "تم حذف حسابك",
      body: [
        "مرحبًا {name}،",
        "تم حذف حسابك على Vernetzt والبيانات الشخصية المرتبطة به. أُلغيت تسجيلاتك في الفعاليات وأُلغي اشتراكك في النشرة الإخبارية. هذه آخر رسالة بريد إلكتروني تصلك منا.",
      ],
    },
    milestoneReminder: {
      subject: "موعد قريب: {milestone} ({participant})",
      body: [
        "مرحبًا {name}،",
        "في البرنامج „{programme}“ اقترب موعد خطوة لـ {participant} التي ترافقها: „{milestone}“ في {due}.",
        "يرجى تسجيل الوضع الحالي حالما تعرف المزيد.",
      ],
      action: "فتح ملف المرافقة",
    },
    newMessages: {
      subject: "رسالة جديدة من {from}",
      body: [
        "مرحبًا {name}،",
        "كتب لك {from} على Vernetzt. عدد الرسائل غير المقروءة في هذه المحادثة: {count}.",
        "يمكنك قراءة المحتوى بعد تسجيل الدخول إلى المنصة.",
      ],
      action: "قراءة الرسالة",
    },
  },
  mailFooter: "Vernetzt – شبكة العمل التطوعي في مساعدة اللاجئين",
  links: {
    cancelRegistration: "إلغاء التسجيل وإتاحة المكان لغيرك",
    forumSettings: "إيقاف رسائل المنتدى",
    forumThread: "إيقاف الرسائل حول هذا الموضوع",
    messageNotices: "إيقاف التنبيهات بالبريد الإلكتروني عن الرسائل",
  },
  when: {
    sameDay: "{day}، من {start} إلى {end} (بتوقيت برلين)",
    span: "من {startDay}، {start} حتى {endDay}، {end} (بتوقيت برلين)",
  },
  where: {
    online: "عبر الإنترنت: {url}",
    onlineLater: "عبر الإنترنت (الرابط موجود في صفحة الفعالية)",
  },
  newsletter: {
    confirm: {
      subject: "يُرجى تأكيد اشتراكك في النشرة الإخبارية",
      body: "طلبتَ أنت (أو شخص آخر) النشرة الإخبارية من Vernetzt لهذا العنوان. يُرجى تأكيد ذلك عبر الرابط. لن نرسل أي شيء دون تأكيد.",
      action: "تأكيد الاشتراك",
    },
    welcome: {
      subject: "أهلًا بك في النشرة الإخبارية من Vernetzt",
      body: "تم تأكيد اشتراكك. ستصلك كل أسبوع أخبار عن مساعدة اللاجئين وسياسة اللجوء. تجد العدد الحالي هنا:",
      action: "قراءة العدد الحالي",
    },
    unsubscribe: "إلغاء الاشتراك",
    issueNumber: "Vernetzt · النشرة الإخبارية، العدد {number}",
    greeting: "مرحبًا {name}،",
    greetingNoName: "مرحبًا،",
    readInBrowser: "القراءة في المتصفح",
    readInBrowserText: "اقرأ هذه النشرة في المتصفح: {url}",
    unsubscribeText: "إلغاء الاشتراك: {url}",
    unsubscribeLink: "إلغاء الاشتراك في النشرة الإخبارية",
    upcomingEvents: "فعاليات الأسابيع القادمة",
    source: "المصدر",
    category: {
      law_policy: "القانون والسياسة",
      local_offers: "خدمات محلية",
      events_elsewhere: "فعاليات في أماكن أخرى",
      materials: "مواد ومصادر",
      other: "أخرى",
    },
  },
  ical: {
    cancelled: "ملغاة: {title}",
    online: "عبر الإنترنت",
    onlineLink: "عبر الإنترنت: {url}",
    feedAll: "Vernetzt – الفعاليات",
    feedMine: "Vernetzt – فعالياتي",
  },
  certificate: {
    title: "شهادة مشاركة",
    documentTitle: "شهادة مشاركة – {title}",
    confirms: "تشهد هذه الوثيقة بمشاركة",
    atEvent: "في الفعالية ({kind})",
    eventTitle: "«{title}»",
    when: "الموعد: {when}",
    duration: "المدة: {duration}",
    hours: "{hours} س",
    hoursMinutes: "{hours} س و{minutes} د",
    topics: "المواضيع: {topics}",
    organiser: "الجهة المنظمة: {organiser}",
    attended: "وقد تم تأكيد الحضور.",
    code: "رمز التحقق: {code}",
    verify: "التحقق من صحة الشهادة: {url}",
    issued: "صدرت بتاريخ {date} عبر منصة Vernetzt.",
    kind: {
      exchange_meeting: "لقاء لتبادل الخبرات",
      expert_talk: "محاضرة متخصصة",
      training: "دورة تدريبية",
      continuing_education: "تدريب متقدم",
      panel_discussion: "حلقة نقاش",
      introductory_event: "فعالية تعريفية",
      group_supervision: "إشراف مهني جماعي",
    },
  },
  programmeSummary: {
    title: "التقدّم: {name}",
    confidential: "سرّي – بيانات شخصية",
    programme: "البرنامج: {name}",
    coordinator: "التنسيق: {name}",
    mentors: "المرافقة: {names}",
    languages: "اللغات: {languages}",
    separator: "، ",
    milestones: "المراحل",
    milestone: "{title} — {status}",
    milestoneWhen: "{title} — {status} ({when})",
    due: "مستحقّ في {date}",
    done: "أُنجز في {date}",
    contacts: "التواصل",
    contact: "{date}: {note}",
    none: "–",
    status: { open: "مفتوح", in_progress: "قيد التنفيذ", done: "مُنجز", not_applicable: "لا ينطبق" },
    printed: "أُنشئ في {date}",
  },
  /** Spreadsheet exports (CSV) for coordinators, in the coordinator's language. */
  csv: {
    yes: "نعم",
    no: "لا",
    participants: {
      name: "الاسم",
      email: "البريد الإلكتروني",
      status: "الحالة",
      waitlistPosition: "الترتيب في قائمة الانتظار",
      attendance: "الحضور",
      guest: "ضيف",
      registeredAt: "تاريخ التسجيل",
      statuses: {
        confirmed: "مؤكَّد",
        waitlisted: "قائمة الانتظار",
        unconfirmed: "غير مؤكَّد",
        cancelled: "ألغى التسجيل",
      },
      attendances: {
        attended: "حضر",
        no_show: "لم يحضر",
      },
    },
    subscribers: {
      email: "البريد الإلكتروني",
      name: "الاسم",
      kind: "النوع",
      consentAt: "تاريخ الموافقة",
      consentVia: "طريقة الموافقة",
      member: "عضو",
      public: "عام",
      doubleOptIn: "تأكيد مزدوج عبر البريد",
      memberAccount: "حساب العضو",
    },
  },
};
