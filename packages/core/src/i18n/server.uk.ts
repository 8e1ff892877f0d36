import type { ServerTexts } from "./server.de";

// Ukrainian, formal address ("Ви" capitalised, as in personal letters).
export const serverUk: ServerTexts = {
  mail: {
    verifyEmail: {
      subject: "Будь ласка, підтвердьте свою адресу електронної пошти",
      body: [
        "Вітаємо, {name}!",
        "Ласкаво просимо до Vernetzt! Будь ласка, підтвердьте свою адресу електронної пошти за посиланням нижче. Воно дійсне 24 години.",
      ],
      action: "Підтвердити адресу",
    },
    alreadyRegistered: {
      subject: "Спроба реєстрації з Вашою адресою електронної пошти",
      body: [
        "Вітаємо, {name}!",
        "Щойно хтось намагався зареєструватися з цією адресою електронної пошти. У Вас уже є обліковий запис. Якщо це були Ви і забули пароль, установіть новий за посиланням нижче (дійсне 1 годину). Інакше просто проігноруйте цей лист.",
      ],
      action: "Установити новий пароль",
    },
    resetPassword: {
      subject: "Скидання пароля",
      body: [
        "Вітаємо, {name}!",
        "Ви запросили новий пароль. Установіть його за посиланням нижче; воно дійсне 1 годину. Якщо Ви цього не запитували, проігноруйте цей лист.",
      ],
      action: "Установити новий пароль",
    },
    changeEmail: {
      subject: "Підтвердження нової адреси електронної пошти",
      body: ["Вітаємо, {name}!", "Будь ласка, підтвердьте свою нову адресу електронної пошти для Vernetzt за посиланням нижче (дійсне 24 години)."],
      action: "Підтвердити нову адресу",
    },
    emailChanged: {
      subject: "Вашу адресу електронної пошти змінено",
      body: [
        "Вітаємо, {name}!",
        "Адресу електронної пошти Вашого облікового запису Vernetzt змінено на {newEmail}. Якщо це були не Ви, негайно зверніться до координаційного центру.",
      ],
    },
    passwordChanged: {
      subject: "Ваш пароль змінено",
      body: [
        "Вітаємо, {name}!",
        "Пароль Вашого облікового запису Vernetzt щойно змінено. Якщо це були не Ви, негайно скиньте його та зверніться до координаційного центру.",
      ],
    },
    approved: {
      subject: "Ласкаво просимо до мережі",
      body: ["Вітаємо, {name}!", "Ваше членство у Vernetzt активовано. Тепер Ви можете увійти."],
      action: "Увійти зараз",
    },
    guestConfirm: {
      subject: "Підтвердіть реєстрацію: {title}",
      body: [
        "Вітаємо, {name}!",
        "Ви хочете взяти участь у заході «{title}» ({when}). Будь ласка, підтвердьте реєстрацію за посиланням нижче – лише тоді місце буде заброньовано за Вами.",
      ],
      action: "Підтвердити реєстрацію",
    },
    registrationConfirmed: {
      subject: "Реєстрацію підтверджено: {title}",
      body: ["Вітаємо, {name}!", "Вашу реєстрацію на захід «{title}» підтверджено.", "Коли: {when}\nДе: {where}", "Запис для Вашого календаря – у вкладенні."],
      action: "До заходу",
    },
    registrationWaitlisted: {
      subject: "Список очікування: {title}",
      body: [
        "Вітаємо, {name}!",
        "На жаль, усі місця на захід «{title}» ({when}) зайнято. Ви на {position}-му місці в списку очікування. Коли звільниться місце, Ви автоматично його отримаєте й дістанете листа.",
      ],
      action: "До заходу",
    },
    registrationPromoted: {
      subject: "Звільнилося місце: {title}",
      body: [
        "Вітаємо, {name}!",
        "Добра новина: на захід «{title}» звільнилося місце. Тепер Ви зареєстровані.",
        "Коли: {when}\nДе: {where}",
        "Запис для Вашого календаря – у вкладенні. Якщо Ви все ж не зможете прийти, звільніть, будь ласка, місце за посиланням нижче.",
      ],
      action: "До заходу",
    },
    registrationCancelled: {
      subject: "Скасування підтверджено: {title}",
      body: ["Вітаємо, {name}!", "Вашу участь у заході «{title}» ({when}) скасовано. Дякуємо, що звільнили місце."],
    },
    eventReminder: {
      subject: "Нагадування: завтра {title}",
      body: ["Вітаємо, {name}!", "Чекаємо на Вас на заході «{title}».", "Коли: {when}\nДе: {where}"],
      action: "До заходу",
    },
    eventChanged: {
      subject: "Зміни: {title}",
      body: ["Вітаємо, {name}!", "У заході «{title}», на який Ви зареєстровані, дещо змінилося.", "Коли: {when}\nДе: {where}", "Оновлений запис для календаря – у вкладенні."],
      action: "До заходу",
    },
    eventCancelled: {
      subject: "Скасовано: {title}",
      body: ["Вітаємо, {name}!", "На жаль, захід «{title}» ({when}) не відбудеться. Ваша реєстрація втрачає чинність. Просимо вибачення."],
    },
    eventMessage: {
      subject: "{subject}",
      body: ["Вітаємо, {name}!", "{message}", "– {sender}, щодо заходу «{title}» ({when})"],
      action: "До заходу",
    },
    forumReplies: {
      subject: "Нові дописи: {title}",
      body: [
        "Вітаємо, {name}!",
        "У темі форуму «{title}», за якою Ви стежите, є нові дописи ({count}), останній – від {author}.",
        "Про цю тему Ви отримуєте щонайбільше один лист на годину.",
      ],
      action: "До теми",
    },
    forumMention: {
      subject: "{author} згадує Вас на форумі",
      body: ["Вітаємо, {name}!", "{author} згадує Вас у темі форуму «{title}»."],
      action: "Читати допис",
    },
    accountDeleted: {
      subject: "Ваш обліковий запис видалено",
      body: [
        "Вітаємо, {name}!",
        "Ваш обліковий запис у Vernetzt і пов’язані з ним персональні дані видалено. Ваші реєстрації скасовано, розсилку новин відписано. Це останній лист, який ви від нас отримаєте.",
      ],
    },
    milestoneReminder: {
      subject: "Незабаром термін: {milestone} ({participant})",
      body: [
        "Вітаємо, {name}!",
        "У програмі «{programme}» для {participant}, яку ви супроводжуєте, незабаром настає термін етапу: «{milestone}» — {due}.",
        "Будь ласка, внесіть актуальний стан, щойно дізнаєтеся більше.",
      ],
      action: "Відкрити картку супроводу",
    },
    newMessages: {
      subject: "Нове повідомлення від {from}",
      body: [
        "Вітаємо, {name}!",
        "{from} написав(-ла) вам у Vernetzt. Непрочитаних повідомлень у цій розмові: {count}.",
        "Прочитати повідомлення можна після входу на платформу.",
      ],
      action: "Прочитати повідомлення",
    },
  },
  mailFooter: "Vernetzt – мережа волонтерів у допомозі біженцям",
  links: {
    cancelRegistration: "Скасувати участь і звільнити місце",
    forumSettings: "Відписатися від листів форуму",
    forumThread: "Більше не надсилати листів про цю тему",
    messageNotices: "Вимкнути сповіщення про повідомлення електронною поштою",
  },
  when: {
    sameDay: "{day}, {start}–{end} (за берлінським часом)",
    span: "{startDay}, {start} – {endDay}, {end} (за берлінським часом)",
  },
  where: {
    online: "Онлайн: {url}",
    onlineLater: "Онлайн (посилання – на сторінці заходу)",
  },
  newsletter: {
    confirm: {
      subject: "Будь ласка, підтвердьте підписку на розсилку",
      body: "Ви (або хтось інший) підписали цю адресу на розсилку Vernetzt. Будь ласка, підтвердьте це за посиланням. Без підтвердження ми нічого не надсилатимемо.",
      action: "Підтвердити підписку",
    },
    welcome: {
      subject: "Ласкаво просимо до розсилки Vernetzt",
      body: "Вашу підписку підтверджено. Щотижня Ви отримуватимете новини про допомогу біженцям і міграційну політику. Останній випуск – тут:",
      action: "Читати останній випуск",
    },
    unsubscribe: "Відписатися",
    issueNumber: "Vernetzt · Розсилка № {number}",
    greeting: "Вітаємо, {name}!",
    greetingNoName: "Вітаємо!",
    readInBrowser: "Читати в браузері",
    readInBrowserText: "Читати цю розсилку в браузері: {url}",
    unsubscribeText: "Відписатися: {url}",
    unsubscribeLink: "Відписатися від розсилки",
    upcomingEvents: "Заходи найближчих тижнів",
    source: "Джерело",
    category: {
      law_policy: "Право й політика",
      local_offers: "Місцеві пропозиції",
      events_elsewhere: "Заходи деінде",
      materials: "Матеріали",
      other: "Інше",
    },
  },
  ical: {
    cancelled: "Скасовано: {title}",
    online: "Онлайн",
    onlineLink: "Онлайн: {url}",
    feedAll: "Vernetzt – заходи",
    feedMine: "Vernetzt – мої заходи",
  },
  certificate: {
    title: "Довідка про участь",
    documentTitle: "Довідка про участь – {title}",
    confirms: "Цим підтверджується, що",
    atEvent: "взяв(-ла) участь у заході ({kind})",
    eventTitle: "«{title}»",
    when: "{when}",
    duration: "Тривалість: {duration}",
    hours: "{hours} год",
    hoursMinutes: "{hours} год {minutes} хв",
    topics: "Теми: {topics}",
    organiser: "Організатор: {organiser}",
    attended: "як учасник / учасниця.",
    code: "Код перевірки: {code}",
    verify: "Перевірити справжність: {url}",
    issued: "Видано {date} через платформу Vernetzt.",
    kind: {
      exchange_meeting: "Зустріч для обміну досвідом",
      expert_talk: "Фахова доповідь",
      training: "Навчання",
      continuing_education: "Підвищення кваліфікації",
      panel_discussion: "Панельна дискусія",
      introductory_event: "Вступний захід",
      group_supervision: "Групова супервізія",
    },
  },
  programmeSummary: {
    title: "Прогрес: {name}",
    confidential: "Конфіденційно – персональні дані",
    programme: "Програма: {name}",
    coordinator: "Координація: {name}",
    mentors: "Супровід: {names}",
    languages: "Мови: {languages}",
    separator: ", ",
    milestones: "Етапи",
    milestone: "{title} — {status}",
    milestoneWhen: "{title} — {status} ({when})",
    due: "до {date}",
    done: "виконано {date}",
    contacts: "Контакти",
    contact: "{date}: {note}",
    none: "–",
    status: { open: "відкрито", in_progress: "у роботі", done: "виконано", not_applicable: "не стосується" },
    printed: "Створено {date}",
  },
  /** Spreadsheet exports (CSV) for coordinators, in the coordinator's language. */
  csv: {
    yes: "так",
    no: "ні",
    participants: {
      name: "Ім’я",
      email: "Електронна пошта",
      status: "Статус",
      waitlistPosition: "Місце в листі очікування",
      attendance: "Присутність",
      guest: "Гість",
      registeredAt: "Дата реєстрації",
      statuses: {
        confirmed: "підтверджено",
        waitlisted: "лист очікування",
        unconfirmed: "не підтверджено",
        cancelled: "скасовано",
      },
      attendances: {
        attended: "взяв(-ла) участь",
        no_show: "не прийшов(-ла)",
      },
    },
    subscribers: {
      email: "Електронна пошта",
      name: "Ім’я",
      kind: "Тип",
      consentAt: "Дата згоди",
      consentVia: "Спосіб згоди",
      member: "учасник мережі",
      public: "публічно",
      doubleOptIn: "подвійне підтвердження",
      memberAccount: "обліковий запис учасника",
    },
  },
};
