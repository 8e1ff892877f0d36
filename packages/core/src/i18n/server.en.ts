import type { ServerTexts } from "./server.de";

export const serverEn: ServerTexts = {
  mail: {
    verifyEmail: {
      subject: "Please confirm your e-mail address",
      body: ["Hello {name},", "welcome to Vernetzt! Please confirm your e-mail address with the link below. It is valid for 24 hours."],
      action: "Confirm e-mail address",
    },
    alreadyRegistered: {
      subject: "Sign-up attempt with your e-mail address",
      body: [
        "Hello {name},",
        "someone just tried to sign up with this e-mail address. You already have an account. If that was you and you forgot your password, you can set a new one with the link below (valid for 1 hour). Otherwise you can ignore this message.",
      ],
      action: "Reset password",
    },
    resetPassword: {
      subject: "Reset your password",
      body: [
        "Hello {name},",
        "you asked for a new password. Set it with the link below; it is valid for 1 hour. If you did not ask for this, ignore this message.",
      ],
      action: "Set a new password",
    },
    changeEmail: {
      subject: "Confirm your new e-mail address",
      body: ["Hello {name},", "please confirm your new e-mail address for Vernetzt with the link below (valid for 24 hours)."],
      action: "Confirm new address",
    },
    emailChanged: {
      subject: "Your e-mail address was changed",
      body: ["Hello {name},", "the e-mail address of your Vernetzt account was changed to {newEmail}. If this was not you, please contact the coordination office at once."],
    },
    passwordChanged: {
      subject: "Your password was changed",
      body: ["Hello {name},", "the password of your Vernetzt account was just changed. If this was not you, reset it at once and contact the coordination office."],
    },
    approved: {
      subject: "Welcome to the network",
      body: ["Hello {name},", "your Vernetzt membership has been approved. You can sign in now."],
      action: "Sign in now",
    },
    guestConfirm: {
      subject: "Confirm your registration: {title}",
      body: ["Hello {name},", "you would like to attend “{title}” on {when}. Please confirm your registration with the link below – only then is your place reserved."],
      action: "Confirm registration",
    },
    registrationConfirmed: {
      subject: "Registration confirmed: {title}",
      body: ["Hello {name},", "your registration for “{title}” is confirmed.", "When: {when}\nWhere: {where}", "The calendar entry is attached."],
      action: "View the event",
    },
    registrationWaitlisted: {
      subject: "Waitlist: {title}",
      body: ["Hello {name},", "“{title}” on {when} is fully booked. You are number {position} on the waitlist. If a place becomes free, you move up automatically and get an e-mail."],
      action: "View the event",
    },
    registrationPromoted: {
      subject: "A place became free: {title}",
      body: ["Hello {name},", "good news: a place became free for “{title}”. You are now registered.", "When: {when}\nWhere: {where}", "The calendar entry is attached. If you cannot come after all, please free the place with the link below."],
      action: "View the event",
    },
    registrationCancelled: {
      subject: "Cancellation confirmed: {title}",
      body: ["Hello {name},", "you are no longer registered for “{title}” on {when}. Thank you for freeing the place."],
    },
    eventReminder: {
      subject: "Reminder: {title} tomorrow",
      body: ["Hello {name},", "we look forward to seeing you at “{title}”.", "When: {when}\nWhere: {where}"],
      action: "View the event",
    },
    eventChanged: {
      subject: "Changed: {title}",
      body: ["Hello {name},", "something changed for “{title}”, which you registered for.", "When: {when}\nWhere: {where}", "The updated calendar entry is attached."],
      action: "View the event",
    },
    eventCancelled: {
      subject: "Cancelled: {title}",
      body: ["Hello {name},", "unfortunately “{title}” on {when} has been cancelled. Your registration no longer applies. We apologise."],
    },
    eventMessage: {
      subject: "{subject}",
      body: ["Hello {name},", "{message}", "– {sender}, about “{title}” on {when}"],
      action: "View the event",
    },
    forumReplies: {
      subject: "New posts: {title}",
      body: ["Hello {name},", "there are new posts ({count}) in the forum thread “{title}”, which you follow; the latest by {author}.", "You get at most one e-mail an hour about this thread."],
      action: "View the thread",
    },
    forumMention: {
      subject: "{author} mentioned you in the forum",
      body: ["Hello {name},", "{author} mentioned you in the forum thread “{title}”."],
      action: "Read the post",
    },
    accountDeleted: {
      subject: "Your account was deleted",
      body: [
        "Hello {name},",
        "your Vernetzt account and the personal data belonging to it were deleted. Your registrations were cancelled and the newsletter unsubscribed. This is the last e-mail you will receive from us.",
      ],
    },
    milestoneReminder: {
      subject: "Due soon: {milestone} ({participant})",
      body: [
        "Hello {name},",
        "in the programme “{programme}”, a step is due soon for {participant}, whom you accompany: “{milestone}” on {due}.",
        "Please record the progress once you know more.",
      ],
      action: "Open the record",
    },
    newMessages: {
      subject: "New message from {from}",
      body: [
        "Hello {name},",
        "{from} wrote to you on Vernetzt. Unread messages in this conversation: {count}.",
        "Sign in to the platform to read it.",
      ],
      action: "Read the message",
    },
  },
  mailFooter: "Vernetzt – volunteer network in refugee aid",
  links: {
    cancelRegistration: "Cancel and free the place",
    forumSettings: "Stop forum e-mails",
    forumThread: "No more e-mails about this thread",
    messageNotices: "Turn off e-mail notices of messages",
  },
  when: {
    sameDay: "{day}, {start}–{end} (Berlin time)",
    span: "{startDay}, {start} – {endDay}, {end} (Berlin time)",
  },
  where: {
    online: "Online: {url}",
    onlineLater: "Online (the link is on the event page)",
  },
  newsletter: {
    confirm: {
      subject: "Please confirm your newsletter subscription",
      body: "You (or someone else) subscribed this address to the Vernetzt newsletter. Please confirm with the link. Without confirmation we send nothing.",
      action: "Confirm subscription",
    },
    welcome: {
      subject: "Welcome to the Vernetzt newsletter",
      body: "Your subscription is confirmed. Every week you will receive news on refugee aid and refugee policy. The latest issue is here:",
      action: "Read the latest issue",
    },
    unsubscribe: "Unsubscribe",
    issueNumber: "Vernetzt · Newsletter no. {number}",
    greeting: "Hello {name},",
    greetingNoName: "Hello,",
    readInBrowser: "Read in your browser",
    readInBrowserText: "Read this newsletter in your browser: {url}",
    unsubscribeText: "Unsubscribe: {url}",
    unsubscribeLink: "Unsubscribe from the newsletter",
    upcomingEvents: "Events in the coming weeks",
    source: "Source",
    category: {
      law_policy: "Law and policy",
      local_offers: "Local offers",
      events_elsewhere: "Events elsewhere",
      materials: "Materials",
      other: "Other",
    },
  },
  ical: {
    cancelled: "Cancelled: {title}",
    online: "Online",
    onlineLink: "Online: {url}",
    feedAll: "Vernetzt – events",
    feedMine: "Vernetzt – my events",
  },
  certificate: {
    title: "Certificate of participation",
    documentTitle: "Certificate of participation – {title}",
    confirms: "This is to certify that",
    atEvent: "took part in the event ({kind})",
    eventTitle: "“{title}”",
    when: "on {when}",
    duration: "Duration: {duration}",
    hours: "{hours} hours",
    hoursMinutes: "{hours} h {minutes} min",
    topics: "Topics: {topics}",
    organiser: "Organiser: {organiser}",
    attended: "as a participant.",
    code: "Verification code: {code}",
    verify: "Check authenticity: {url}",
    issued: "Issued on {date} through the Vernetzt platform.",
    kind: {
      exchange_meeting: "Exchange meeting",
      expert_talk: "Expert talk",
      training: "Training",
      continuing_education: "Continuing education",
      panel_discussion: "Panel discussion",
      introductory_event: "Introductory event",
      group_supervision: "Group supervision",
    },
  },
  /** Spreadsheet exports (CSV) for coordinators, in the coordinator's language. */
  csv: {
    yes: "yes",
    no: "no",
    participants: {
      name: "Name",
      email: "Email",
      status: "Status",
      waitlistPosition: "Waiting list place",
      attendance: "Attendance",
      guest: "Guest",
      registeredAt: "Registered on",
      statuses: {
        confirmed: "confirmed",
        waitlisted: "waiting list",
        unconfirmed: "unconfirmed",
        cancelled: "cancelled",
      },
      attendances: {
        attended: "attended",
        no_show: "did not attend",
      },
    },
    subscribers: {
      email: "Email",
      name: "Name",
      kind: "Type",
      consentAt: "Consent given on",
      consentVia: "Consent given via",
      member: "member",
      public: "public",
      doubleOptIn: "double opt-in",
      memberAccount: "member account",
    },
  },
};
