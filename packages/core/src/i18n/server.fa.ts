import type { ServerTexts } from "./server.de";

// Farsi (Persian): standard Persian as used in Iran, worded so that Dari speakers understand it too.
export const serverFa: ServerTexts = {
  mail: {
    verifyEmail: {
      subject: "لطفاً نشانی ایمیل خود را تأیید کنید",
      body: [
        "سلام {name}،",
        "به Vernetzt خوش آمدید! لطفاً نشانی ایمیل خود را با پیوند زیر تأیید کنید. این پیوند ۲۴ ساعت معتبر است.",
      ],
      action: "تأیید نشانی ایمیل",
    },
    alreadyRegistered: {
      subject: "تلاش برای ثبت‌نام با نشانی ایمیل شما",
      body: [
        "سلام {name}،",
        "کسی همین حالا خواست با این نشانی ایمیل ثبت‌نام تازه‌ای انجام دهد. شما از قبل حساب کاربری دارید. اگر خودتان بودید و رمز عبورتان را فراموش کرده‌اید، می‌توانید با پیوند زیر رمز عبور تازه‌ای تعیین کنید (۱ ساعت معتبر). در غیر این صورت می‌توانید این پیام را نادیده بگیرید.",
      ],
      action: "تعیین رمز عبور تازه",
    },
    resetPassword: {
      subject: "بازنشانی رمز عبور",
      body: [
        "سلام {name}،",
        "شما رمز عبور تازه‌ای درخواست کرده‌اید. با پیوند زیر می‌توانید آن را تعیین کنید؛ این پیوند ۱ ساعت معتبر است. اگر این درخواست را شما نداده‌اید، این پیام را نادیده بگیرید.",
      ],
      action: "تعیین رمز عبور تازه",
    },
    changeEmail: {
      subject: "تأیید نشانی ایمیل تازه",
      body: ["سلام {name}،", "لطفاً نشانی ایمیل تازهٔ خود را برای Vernetzt با پیوند زیر تأیید کنید (۲۴ ساعت معتبر)."],
      action: "تأیید نشانی تازه",
    },
    emailChanged: {
      subject: "نشانی ایمیل شما تغییر کرد",
      body: [
        "سلام {name}،",
        "نشانی ایمیل حساب Vernetzt شما به {newEmail} تغییر کرد. اگر این کار را شما انجام نداده‌اید، لطفاً فوراً با دفتر هماهنگی تماس بگیرید.",
      ],
    },
    passwordChanged: {
      subject: "رمز عبور شما تغییر کرد",
      body: [
        "سلام {name}،",
        "رمز عبور حساب Vernetzt شما همین حالا تغییر کرد. اگر این کار را شما انجام نداده‌اید، لطفاً فوراً آن را بازنشانی کنید و با دفتر هماهنگی تماس بگیرید.",
      ],
    },
    approved: {
      subject: "به شبکه خوش آمدید",
      body: ["سلام {name}،", "عضویت شما در Vernetzt تأیید شد. اکنون می‌توانید وارد حساب خود شوید."],
      action: "همین حالا وارد شوید",
    },
    guestConfirm: {
      subject: "تأیید ثبت‌نام: {title}",
      body: [
        "سلام {name}،",
        "می‌خواهید در «{title}» در {when} شرکت کنید. لطفاً ثبت‌نام خود را با پیوند زیر تأیید کنید – فقط پس از آن جای شما رزرو می‌شود.",
      ],
      action: "تأیید ثبت‌نام",
    },
    registrationConfirmed: {
      subject: "ثبت‌نام تأیید شد: {title}",
      body: ["سلام {name}،", "ثبت‌نام شما در «{title}» تأیید شد.", "زمان: {when}\nمکان: {where}", "فایل تقویم این رویداد پیوست این ایمیل است."],
      action: "مشاهدهٔ رویداد",
    },
    registrationWaitlisted: {
      subject: "فهرست انتظار: {title}",
      body: [
        "سلام {name}،",
        "متأسفانه ظرفیت «{title}» در {when} تکمیل است. شما نفر {position} در فهرست انتظار هستید. اگر جایی خالی شود، خودکار جای آن را می‌گیرید و ایمیلی دریافت می‌کنید.",
      ],
      action: "مشاهدهٔ رویداد",
    },
    registrationPromoted: {
      subject: "یک جا خالی شد: {title}",
      body: [
        "سلام {name}،",
        "خبر خوب: در «{title}» یک جا خالی شد. اکنون ثبت‌نام شما قطعی است.",
        "زمان: {when}\nمکان: {where}",
        "فایل تقویم این رویداد پیوست این ایمیل است. اگر با این حال نمی‌توانید بیایید، لطفاً با پیوند پایین جایتان را آزاد کنید.",
      ],
      action: "مشاهدهٔ رویداد",
    },
    registrationCancelled: {
      subject: "لغو ثبت‌نام تأیید شد: {title}",
      body: ["سلام {name}،", "ثبت‌نام شما در «{title}» در {when} لغو شد. سپاس که جایتان را برای دیگران آزاد کردید."],
    },
    eventReminder: {
      subject: "یادآوری: فردا {title}",
      body: ["سلام {name}،", "خوشحال می‌شویم شما را در «{title}» ببینیم.", "زمان: {when}\nمکان: {where}"],
      action: "مشاهدهٔ رویداد",
    },
    eventChanged: {
      subject: "تغییر: {title}",
      body: [
        "سلام {name}،",
        "در «{title}» که در آن ثبت‌نام کرده‌اید، تغییری ایجاد شده است.",
        "زمان: {when}\nمکان: {where}",
        "فایل به‌روزشدهٔ تقویم پیوست این ایمیل است.",
      ],
      action: "مشاهدهٔ رویداد",
    },
    eventCancelled: {
      subject: "لغو شد: {title}",
      body: [
        "سلام {name}،",
        "متأسفانه «{title}» در {when} برگزار نمی‌شود. بنابراین ثبت‌نام شما دیگر اعتباری ندارد. از درک شما سپاسگزاریم.",
      ],
    },
    eventMessage: {
      subject: "{subject}",
      body: ["سلام {name}،", "{message}", "– {sender}، دربارهٔ «{title}» در {when}"],
      action: "مشاهدهٔ رویداد",
    },
    forumReplies: {
      subject: "پست‌های تازه: {title}",
      body: [
        "سلام {name}،",
        "در موضوع «{title}» در انجمن که آن را دنبال می‌کنید، پست‌های تازه‌ای ({count}) نوشته شده است؛ آخرین آن‌ها از {author}.",
        "دربارهٔ این موضوع حداکثر ساعتی یک ایمیل دریافت می‌کنید.",
      ],
      action: "رفتن به موضوع",
    },
    forumMention: {
      subject: "{author} در انجمن از شما نام برد",
      body: ["سلام {name}،", "{author} در موضوع «{title}» در انجمن از شما نام برد."],
      action: "خواندن پست",
    },
    accountDeleted: {
      subject: "حساب کاربری شما حذف شد",
      body: [
        "سلام {name}،",
        "حساب کاربری شما در Vernetzt و داده‌های شخصی مربوط به آن حذف شد. ثبت‌نام‌های شما لغو و اشتراک خبرنامه‌تان قطع شد. این آخرین ایمیلی است که از ما دریافت می‌کنید.",
      ],
    },
    milestoneReminder: {
      subject: "موعد نزدیک: {milestone} ({participant})",
      body: [
        "سلام {name}،",
        "در برنامهٔ «{programme}» موعد یکی از مراحل {participant}، که شما همراهی‌اش می‌کنید، نزدیک است: «{milestone}» در تاریخ {due}.",
        "لطفاً هر وقت اطلاعات بیشتری داشتید، وضعیت را ثبت کنید.",
      ],
      action: "رفتن به پروندهٔ همراهی",
    },
    newMessages: {
      subject: "پیام تازه از {from}",
      body: [
        "سلام {name}،",
        "{from} در Vernetzt برای شما پیام نوشته است. پیام‌های خوانده‌نشده در این گفتگو: {count}.",
        "متن پیام را پس از ورود به پلتفرم می‌خوانید.",
      ],
      action: "خواندن پیام",
    },
  },
  mailFooter: "Vernetzt – شبکهٔ داوطلبان در کمک به پناهجویان",
  links: {
    cancelRegistration: "لغو ثبت‌نام و آزاد کردن جا",
    forumSettings: "لغو ایمیل‌های انجمن",
    forumThread: "توقف ایمیل‌های این موضوع",
    messageNotices: "لغو اعلان‌های ایمیلی پیام‌ها",
  },
  when: {
    sameDay: "{day}، ساعت {start} تا {end} (به وقت برلین)",
    span: "{startDay}، ساعت {start} تا {endDay}، ساعت {end} (به وقت برلین)",
  },
  where: {
    online: "آنلاین: {url}",
    onlineLater: "آنلاین (پیوند در صفحهٔ رویداد است)",
  },
  newsletter: {
    confirm: {
      subject: "لطفاً اشتراک خبرنامه را تأیید کنید",
      body: "شما (یا شخص دیگری) خبرنامهٔ Vernetzt را برای این نشانی درخواست کرده‌اید. لطفاً این درخواست را با پیوند تأیید کنید. تا تأیید نکنید، چیزی برایتان نمی‌فرستیم.",
      action: "تأیید اشتراک",
    },
    welcome: {
      subject: "به خبرنامهٔ Vernetzt خوش آمدید",
      body: "اشتراک شما تأیید شد. هر هفته خبرهای کمک به پناهجویان و سیاست پناهندگی را دریافت می‌کنید. آخرین شماره را اینجا می‌خوانید:",
      action: "خواندن آخرین شماره",
    },
    unsubscribe: "لغو اشتراک",
    issueNumber: "Vernetzt · خبرنامهٔ شمارهٔ {number}",
    greeting: "سلام {name}،",
    greetingNoName: "سلام،",
    readInBrowser: "خواندن در مرورگر",
    readInBrowserText: "خواندن این خبرنامه در مرورگر: {url}",
    unsubscribeText: "لغو اشتراک: {url}",
    unsubscribeLink: "لغو اشتراک خبرنامه",
    upcomingEvents: "رویدادهای هفته‌های پیش رو",
    source: "منبع",
    category: {
      law_policy: "قانون و سیاست",
      local_offers: "خدمات محلی",
      events_elsewhere: "رویدادها در جاهای دیگر",
      materials: "منابع و مطالب",
      other: "سایر",
    },
  },
  ical: {
    cancelled: "لغو شد: {title}",
    online: "آنلاین",
    onlineLink: "آنلاین: {url}",
    feedAll: "Vernetzt – رویدادها",
    feedMine: "Vernetzt – رویدادهای من",
  },
  certificate: {
    title: "گواهی شرکت",
    documentTitle: "گواهی شرکت – {title}",
    confirms: "بدین‌وسیله گواهی می‌شود که",
    atEvent: "در رویداد ({kind})",
    eventTitle: "«{title}»",
    when: "در تاریخ {when}",
    duration: "مدت: {duration}",
    hours: "{hours} ساعت",
    hoursMinutes: "{hours} ساعت و {minutes} دقیقه",
    topics: "موضوع‌ها: {topics}",
    organiser: "برگزارکننده: {organiser}",
    attended: "شرکت کرده است.",
    code: "کد بررسی: {code}",
    verify: "بررسی اصالت: {url}",
    issued: "صادرشده در {date} از طریق سامانهٔ Vernetzt.",
    kind: {
      exchange_meeting: "نشست تبادل تجربه",
      expert_talk: "سخنرانی تخصصی",
      training: "دورهٔ آموزشی",
      continuing_education: "آموزش تکمیلی",
      panel_discussion: "میزگرد",
      introductory_event: "جلسهٔ مقدماتی",
      group_supervision: "سوپرویژن گروهی",
    },
  },
  programmeSummary: {
    title: "پیشرفت: {name}",
    confidential: "محرمانه – اطلاعات شخصی",
    programme: "برنامه: {name}",
    coordinator: "هماهنگی: {name}",
    mentors: "همراهی: {names}",
    languages: "زبان‌ها: {languages}",
    separator: "، ",
    milestones: "مراحل",
    milestone: "{title} — {status}",
    milestoneWhen: "{title} — {status} ({when})",
    due: "سررسید {date}",
    done: "انجام‌شده در {date}",
    contacts: "تماس‌ها",
    contact: "{date}: {note}",
    none: "–",
    status: { open: "باز", in_progress: "در حال انجام", done: "انجام‌شده", not_applicable: "موضوعیت ندارد" },
    printed: "تهیه‌شده در {date}",
  },
  /** Spreadsheet exports (CSV) for coordinators, in the coordinator's language. */
  csv: {
    yes: "بله",
    no: "خیر",
    participants: {
      name: "نام",
      email: "ایمیل",
      status: "وضعیت",
      waitlistPosition: "جایگاه در فهرست انتظار",
      attendance: "حضور",
      guest: "مهمان",
      registeredAt: "تاریخ ثبت‌نام",
      statuses: {
        confirmed: "تأییدشده",
        waitlisted: "فهرست انتظار",
        unconfirmed: "تأییدنشده",
        cancelled: "لغو ثبت‌نام",
      },
      attendances: {
        attended: "شرکت کرد",
        no_show: "حاضر نشد",
      },
    },
    subscribers: {
      email: "ایمیل",
      name: "نام",
      kind: "نوع",
      consentAt: "تاریخ رضایت",
      consentVia: "روش رضایت",
      member: "عضو",
      public: "عمومی",
      doubleOptIn: "تأیید دومرحله‌ای ایمیل",
      memberAccount: "حساب عضویت",
    },
  },
};
