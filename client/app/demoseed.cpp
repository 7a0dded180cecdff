// confab-demo-seed: fills a Confab server with a small, believable demo for screenshots.
//
//   confab-demo-seed yesterday ws://127.0.0.1:PORT   users, conversations, yesterday's messages
//                                                     (then `confab-server demo backdate`, with the
//                                                     server stopped, moves them to yesterday morning)
//   confab-demo-seed today ws://127.0.0.1:PORT       today's messages and read markers
//   confab-demo-seed typing URL USER TITLE SECONDS    USER keeps typing in TITLE for SECONDS
//   confab-demo-seed online URL SECONDS USER[:away]…  keeps these users signed in (online or away)
//   confab-demo-seed say URL USER TITLE DELAY TEXT    after DELAY seconds, USER says TEXT in TITLE
//   confab-demo-seed stream URL USER TITLE SECONDS TEXT
//                                                     USER streams the first two thirds of TEXT into
//                                                     TITLE word by word, then holds the message open
//                                                     (still streaming) for SECONDS
//   confab-demo-seed avatars URL USER…                 gives these users a picture (a drawn portrait)
//
// It speaks the protocol like any client (confab-protocol over QtWebSockets) and never touches the
// server's database: the server stamps every message with the current time, and dating the demo is
// the server's admin command `demo backdate`.
#include "protocol/binary.h"
#include "protocol/frames.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <cstdio>
#include <memory>
#include <vector>

using namespace confab::protocol;

namespace {

void fail(const QString &why)
{
    std::fprintf(stderr, "confab-demo-seed: %s\n", qPrintable(why));
    std::exit(1);
}

//! One signed-in demo user: sends a request and waits for its reply.
class Seeder {
public:
    explicit Seeder(const QString &url)
    {
        QEventLoop loop;
        QObject::connect(&m_socket, &QWebSocket::connected, &loop, &QEventLoop::quit);
        QObject::connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
            auto decoded = decodeFrame(text.toUtf8());
            if (decoded && !decoded->envelope.re.isEmpty())
                m_replies.insert(decoded->envelope.re, decoded->frame);
        });
        m_socket.open(QUrl(url));
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            fail(QStringLiteral("cannot connect to ") + url);
    }

    //! Sends and waits; a refusal or silence ends the program unless `tolerant`.
    Frame request(const Frame &frame, bool tolerant = false)
    {
        const QString id = QString::number(++m_nextId);
        m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(frame, Envelope{id, {}})));
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (m_replies.contains(id))
                loop.quit();
        });
        poll.start(5);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        const Frame reply = m_replies.take(id);
        if (tolerant)
            return reply;
        if (const auto *e = std::get_if<Error>(&reply))
            fail(QStringLiteral("request refused: ") + e->message);
        if (std::holds_alternative<std::monostate>(reply))
            fail(QStringLiteral("no reply from the server"));
        return reply;
    }

    void signUp(const QString &username, const QString &displayName, bool existing)
    {
        const QString password = QStringLiteral("confab-demo");
        const Frame reply = existing
                                ? request(AuthLogin{username, password, QStringLiteral("demo seed")})
                                : request(AuthRegister{username, password, displayName, std::nullopt,
                                                       QStringLiteral("demo seed")});
        const auto *ok = std::get_if<AuthOk>(&reply);
        if (!ok)
            fail(QStringLiteral("cannot sign in as ") + username);
        userId = ok->user.id;
    }

    QString create(ConversationKind kind, const QString &title, const QList<QString> &members)
    {
        const Frame reply = request(ConversationCreate{kind, title, members});
        return std::get<ConversationDetail>(reply).conversation.id;
    }

    //! My conversations by title (direct ones are titled with the other member's name).
    QHash<QString, QString> conversations()
    {
        QHash<QString, QString> byTitle;
        const Frame reply = request(ConversationList{});
        for (const ConversationInfo &c : std::get<Conversations>(reply).conversations)
            byTitle.insert(c.title, c.id);
        return byTitle;
    }

    qint64 say(const QString &conversationId, const QString &body)
    {
        MessageSend send;
        send.conversationId = conversationId;
        send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        send.body = body;
        return std::get<MessageSent>(request(send)).message.seq;
    }

    //! Sends a message (answering `replyTo` when given) and returns its id.
    QString sayId(const QString &conversationId, const QString &body, const QString &replyTo = {})
    {
        MessageSend send;
        send.conversationId = conversationId;
        send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        send.body = body;
        if (!replyTo.isEmpty())
            send.replyTo = replyTo;
        return std::get<MessageSent>(request(send)).message.id;
    }

    void react(const QString &conversationId, const QString &messageId, const QString &emoji)
    {
        request(MessageReact{conversationId, messageId, emoji, true});
    }

    //! Uploads a file (begin, chunks, finish) and sends it with `body`; returns the message's seq.
    qint64 sendFile(const QString &conversationId, const QString &name, const QString &mime, const QByteArray &bytes,
                    const QString &body)
    {
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const auto up = std::get<AttachmentUpload>(request(AttachmentBegin{conversationId, name, bytes.size(), mime, sha}));
        for (qint64 at = 0; at < bytes.size(); at += up.chunkBytes)
            m_socket.sendBinaryMessage(encodeChunk(Chunk{ChunkKind::Upload, up.uploadId, at, bytes.mid(at, up.chunkBytes)}));
        const auto done = std::get<AttachmentDone>(request(AttachmentFinish{up.uploadId}));
        MessageSend send;
        send.conversationId = conversationId;
        send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        send.body = body;
        send.attachments = {done.attachment.id};
        return std::get<MessageSent>(request(send)).message.seq;
    }

    //! Forwards a message of one conversation to another (the copy says "Forwarded").
    void forward(const QString &conversationId, const QString &messageId, const QString &targetId)
    {
        request(MessageForward{conversationId, messageId, targetId, QUuid::createUuid().toString(QUuid::WithoutBraces)});
    }

    void read(const QString &conversationId, qint64 seq)
    {
        request(Receipt{conversationId, ReceiptKind::Delivered, seq});
        request(Receipt{conversationId, ReceiptKind::Read, seq});
    }

    QString userId;

private:
    QWebSocket m_socket;
    QHash<QString, Frame> m_replies;
    int m_nextId = 0;
};

//! A believable mockup of the app's sidebar and timeline, drawn with shapes only (no fonts needed).
QByteArray mockupPng()
{
    QImage image(1280, 800, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient bg(0, 0, 1280, 800);
    bg.setColorAt(0, QColor(0xEE, 0xF3, 0xFF));
    bg.setColorAt(1, QColor(0xDC, 0xE8, 0xFF));
    p.fillRect(image.rect(), bg);
    p.fillRect(QRect(0, 0, 300, 800), QColor(0xF4, 0xF5, 0xF7));
    const QColor avatars[] = {QColor(0x1D, 0x4E, 0xD8), QColor(0x0F, 0x76, 0x6E), QColor(0xB4, 0x53, 0x09),
                              QColor(0x6D, 0x28, 0xD9), QColor(0xBE, 0x18, 0x5D)};
    for (int i = 0; i < 5; ++i) {
        const int y = 90 + i * 72;
        if (i == 0)
            p.fillRect(QRect(8, y - 8, 284, 64), QColor(0xDD, 0xE7, 0xFC));
        p.setPen(Qt::NoPen);
        p.setBrush(avatars[i]);
        p.drawEllipse(QRect(20, y, 44, 44));
        p.setBrush(QColor(0x1D, 0x1F, 0x23, 200));
        p.drawRoundedRect(QRect(78, y + 6, 120 + (i * 37) % 60, 10), 5, 5);
        p.setBrush(QColor(0x6B, 0x70, 0x79, 120));
        p.drawRoundedRect(QRect(78, y + 26, 170 - (i * 23) % 50, 8), 4, 4);
    }
    p.setBrush(QColor(0x2F, 0x6F, 0xED));
    p.drawRoundedRect(QRect(252, 100, 26, 20), 10, 10);
    const struct { int x, w, h; bool own; } bubbles[] = {
        {340, 420, 64, false}, {340, 300, 44, false}, {760, 460, 64, true}, {340, 520, 84, false}, {860, 360, 44, true}};
    int y = 120;
    for (const auto &b : bubbles) {
        p.setBrush(b.own ? QColor(0x2F, 0x6F, 0xED) : QColor(0xFF, 0xFF, 0xFF));
        p.drawRoundedRect(QRect(b.own ? 1240 - b.w : b.x, y, b.w, b.h), 16, 16);
        y += b.h + 28;
    }
    p.setBrush(QColor(0xFF, 0xFF, 0xFF));
    p.drawRoundedRect(QRect(330, 720, 910, 52), 12, 12);
    p.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

//! A small, valid one-page PDF with a line of text.
QByteArray specPdf()
{
    const QByteArray stream = "BT /F1 18 Tf 72 720 Td (Sidebar spec: rows 64 px, avatars 40 px, badges right) Tj ET";
    QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    // Padding in a comment, so that the card shows a believable size.
    pdf += "%" + QByteArray(180 * 1024, 'x') + "\n";
    return pdf;
}

struct Person {
    const char *username;
    QString displayName;
};

int seedYesterday(const QString &url)
{
    const QList<Person> people{{"mina", QStringLiteral("Mina Park")},
                               {"joon", QStringLiteral("Joon Lee")},
                               {"sora", QStringLiteral("Sora Kim")},
                               {"hana", QStringLiteral("김하나")},
                               {"dami", QStringLiteral("Dami Choi")}};
    QHash<QString, Seeder *> s;
    for (const Person &p : people) {
        auto *seeder = new Seeder(url);
        seeder->signUp(QString::fromLatin1(p.username), p.displayName, false);
        s.insert(QString::fromLatin1(p.username), seeder);
    }
    Seeder &mina = *s[QStringLiteral("mina")], &joon = *s[QStringLiteral("joon")];
    Seeder &sora = *s[QStringLiteral("sora")], &hana = *s[QStringLiteral("hana")];
    Seeder &dami = *s[QStringLiteral("dami")];

    const QString design = mina.create(ConversationKind::Group, QStringLiteral("Design team"),
                                       {joon.userId, sora.userId, hana.userId});
    mina.request(ConversationUpdate{design, std::nullopt,
                                    QStringLiteral("Sidebar, theme and icons for 2.0.\nDecisions go in the pinned doc.")});
    mina.request(MembersRole{design, joon.userId, Role::Admin});
    const QString withJoon = joon.create(ConversationKind::Direct, {}, {mina.userId});
    const QString withHana = hana.create(ConversationKind::Direct, {}, {mina.userId});
    const QString launch = sora.create(ConversationKind::Group, QStringLiteral("Launch checklist"),
                                       {mina.userId, joon.userId});

    sora.say(launch, QStringLiteral("Release notes draft is in the wiki."));
    joon.say(launch, QStringLiteral("I'll check the Debian package tonight."));
    mina.say(launch, QStringLiteral("Thanks both!"));

    joon.say(design, QStringLiteral("Morning! I pushed the new sidebar mockups."));
    const QString rows = joon.sayId(design, QStringLiteral("Rows are 64 px now, with the unread badge on the right."));
    sora.say(design, QStringLiteral("Looks great. Can we try the avatars at 40 px?"));
    const QString tokens = mina.sayId(design, QStringLiteral("Sounds good — I'll update the theme tokens today."));
    // Two pinned decisions, for the pinned bar in the screenshots (the newest is shown).
    mina.request(MessagePin{design, rows, true});
    joon.request(MessagePin{design, tokens, true});
    hana.say(design, QStringLiteral("좋아요! 다크 모드 색상도 같이 확인해 볼게요."));
    const qint64 last = sora.say(design, QStringLiteral("Perfect, thanks everyone."));
    for (Seeder *seeder : {&mina, &joon, &sora, &hana})
        seeder->read(design, last);

    joon.say(withJoon, QStringLiteral("Did you see the new build?"));
    const qint64 lastDirect = mina.say(withJoon, QStringLiteral("Yes! The reconnect banner is much calmer."));
    joon.read(withJoon, lastDirect);

    // A blind room run by Sora: Mina and Joon in group A, Hana and Dami in group B.
    const QString blind = sora.create(ConversationKind::Blind, QStringLiteral("Matching: Friday"), {});
    sora.request(MembersAdd{blind, {mina.userId, joon.userId}, QStringLiteral("A")});
    sora.request(MembersAdd{blind, {hana.userId, dami.userId}, QStringLiteral("B")});

    hana.say(withHana, QStringLiteral("미나 씨, 어제 보내 주신 자료 잘 받았어요."));
    const qint64 lastHana = mina.say(withHana, QStringLiteral("Great — let me know if anything is unclear."));
    hana.read(withHana, lastHana);
    mina.read(withHana, lastHana);
    qDeleteAll(s);
    return 0;
}

int seedToday(const QString &url)
{
    Seeder mina(url), joon(url), sora(url), hana(url);
    mina.signUp(QStringLiteral("mina"), {}, true);
    joon.signUp(QStringLiteral("joon"), {}, true);
    sora.signUp(QStringLiteral("sora"), {}, true);
    hana.signUp(QStringLiteral("hana"), {}, true);
    const auto ids = mina.conversations();
    const QString design = ids.value(QStringLiteral("Design team"));
    const QString withJoon = ids.value(QStringLiteral("Joon Lee"));
    const QString withHana = ids.value(QStringLiteral("김하나"));
    if (design.isEmpty() || withJoon.isEmpty() || withHana.isEmpty())
        fail(QStringLiteral("run `yesterday` first"));

    // Reactions, a reply and an edited message, for the screenshots of the timeline.
    const QString darkMode = hana.sayId(design, QStringLiteral("다크 모드 시안 올렸어요. 대비가 훨씬 좋아졌어요!"));
    const QString review = mina.sayId(design, QStringLiteral("Thanks, Hana! Let's review everything at 3 pm.\n"
                                                             "I'll bring the Korean strings too."));
    mina.react(design, darkMode, QStringLiteral("👍"));
    joon.react(design, darkMode, QStringLiteral("👍"));
    sora.react(design, darkMode, QStringLiteral("🎉"));
    mina.request(MessageEdit{design, review, QStringLiteral("Thanks, Hana! Let's review everything at 3 pm.\n"
                                                            "I'll bring the Korean strings and the new icons.")});
    joon.sayId(design, QStringLiteral("Works for me."), review);
    hana.react(design, review, QStringLiteral("❤️"));
    // A message that mentions Mina (the app's user: highlighted more) and Joon, for the screenshots.
    {
        const QString text = QStringLiteral("@Mina Park the new icons are in the shared folder. @Joon Lee can you check the sizes?");
        MessageSend send;
        send.conversationId = design;
        send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        send.body = text;
        send.mentions = {{mina.userId, std::nullopt, 0, 10},
                         {joon.userId, std::nullopt, text.indexOf(QStringLiteral("@Joon")), 9}};
        sora.request(send);
    }
    // Everyone has read up to here (the newest event), so Mina's message shows as read.
    qint64 newest = 0;
    for (const ConversationInfo &c : std::get<Conversations>(mina.request(ConversationList{})).conversations) {
        if (c.id == design)
            newest = c.lastSeq;
    }
    joon.read(design, newest);
    sora.read(design, newest);
    hana.read(design, newest);
    // A formatted message: what Markdown in a bubble looks like (bold, a list, code, a quote).
    sora.say(design, QStringLiteral("Notes for the **review**:\n\n"
                                    "- Sidebar rows stay at *64 px*\n"
                                    "- Avatars at 40 px, ~~36 px~~\n\n"
                                    "```qml\nAvatar { size: Theme.avatar; initials: \"MP\" }\n```\n\n"
                                    "> Ship it when the `ko` strings are in."));
    sora.say(design, QStringLiteral("See you then. Agenda: https://confab.example/design/review"));

    // Files in "Launch checklist", read by everyone, for the attachments screenshots; before them,
    // the timeline's own events: two members added at once (one line), a role changed.
    QString checklist; // a message of "Launch checklist" that Joon forwards to "Design team"
    if (const QString launch = ids.value(QStringLiteral("Launch checklist")); !launch.isEmpty()) {
        checklist = sora.sayId(launch, QStringLiteral("Checklist for Friday: packages signed, notes in the wiki, "
                                                      "Korean strings checked."));
        Seeder dami(url);
        dami.signUp(QStringLiteral("dami"), {}, true);
        sora.request(MembersAdd{launch, {hana.userId, dami.userId}, std::nullopt});
        sora.request(MembersRole{launch, mina.userId, Role::Admin});
        joon.sendFile(launch, QStringLiteral("sidebar-mockup.png"), QStringLiteral("image/png"), mockupPng(),
                      QStringLiteral("The sidebar as it ships:"));
        const qint64 spec = sora.sendFile(launch, QStringLiteral("Sidebar spec.pdf"), QStringLiteral("application/pdf"),
                                          specPdf(), QStringLiteral("And the spec to check it against."));
        for (Seeder *seeder : {&mina, &joon, &sora})
            seeder->read(launch, spec);
    }
    if (!checklist.isEmpty())
        joon.forward(ids.value(QStringLiteral("Launch checklist")), checklist, design);
    hana.say(design, QStringLiteral("네, 3시에 봬요!"));

    if (const QString blind = ids.value(QStringLiteral("Matching: Friday")); !blind.isEmpty()) {
        Seeder dami(url);
        dami.signUp(QStringLiteral("dami"), {}, true);
        sora.say(blind, QStringLiteral("Welcome! Names stay hidden until Friday. Say hi to the other group."));
        hana.say(blind, QStringLiteral("Hi everyone! Anyone else into bouldering?"));
        joon.say(blind, QStringLiteral("Me! Mostly indoors though."));
        const qint64 said = mina.say(blind, QStringLiteral("Hello from group A :) I'd love a climbing tip or two."));
        for (Seeder *seeder : {&dami, &hana, &joon})
            seeder->read(blind, said);
        dami.say(blind, QStringLiteral("Same here — beginner, but keen."));
        // Mina and Joon revealed their names to each other; Dami offers to the whole room.
        const auto aliasIn = [&blind](Seeder &seeder) {
            return std::get<ConversationDetail>(seeder.request(ConversationGet{blind})).conversation.me->id;
        };
        mina.request(ConversationReveal{blind, aliasIn(joon), true});
        joon.request(ConversationReveal{blind, aliasIn(mina), true});
        dami.request(ConversationReveal{blind, std::nullopt, true});
        // Sora shows every name on Friday at six (the header says so until then).
        QDate friday = QDate::currentDate();
        friday = friday.addDays((5 - friday.dayOfWeek() + 7) % 7 ? (5 - friday.dayOfWeek() + 7) % 7 : 7);
        sora.request(RevealPolicySet{blind, RevealPolicy::Scheduled,
                                     QDateTime(friday, QTime(18, 0)).toMSecsSinceEpoch(), std::nullopt});

        // "Coffee roulette": a blind room Mina sets up with groups and a reveal a moment away. It
        // happens while the seed runs; Hana and Dami greet the others by name after it.
        ConversationCreate coffee{ConversationKind::Blind, QStringLiteral("Coffee roulette"),
                                  {joon.userId, hana.userId, dami.userId}};
        coffee.blind = BlindSetup{{{mina.userId, QStringLiteral("A")}, {joon.userId, QStringLiteral("A")},
                                   {hana.userId, QStringLiteral("B")}, {dami.userId, QStringLiteral("B")}},
                                  RevealPolicy::Scheduled, QDateTime::currentMSecsSinceEpoch() + 2500, false};
        const QString roulette = std::get<ConversationDetail>(mina.request(coffee)).conversation.id;
        joon.say(roulette, QStringLiteral("Guess who? I'll be the one with the oat latte."));
        hana.say(roulette, QStringLiteral("커피 좋아요! 누군지 곧 알겠네요."));
        QEventLoop reveal;
        QTimer::singleShot(4500, &reveal, &QEventLoop::quit);
        reveal.exec();
        hana.say(roulette, QStringLiteral("Joon! I knew it was you :)"));
        dami.say(roulette, QStringLiteral("Nice to meet you all properly."));
    }

    joon.say(withJoon, QStringLiteral("Lunch tomorrow?"));
    hana.say(withHana, QStringLiteral("내일 회의 전에 정리해서 공유할게요."));
    return 0;
}

//! `username` keeps telling the others that it types in `title`, for `seconds`.
int keepTyping(const QString &url, const QString &username, const QString &title, int seconds)
{
    Seeder typer(url);
    typer.signUp(username, {}, true);
    const QString id = typer.conversations().value(title);
    if (id.isEmpty())
        fail(QStringLiteral("no conversation titled ") + title);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < seconds * 1000LL) {
        typer.request(Typing{id, true}, true); // throttled now and then: the next round repeats it
        QEventLoop pause;
        QTimer::singleShot(2500, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return 0;
}

//! Keeps `users` ("name" or "name:away") signed in for `seconds`, so that they show as present.
int stayOnline(const QString &url, int seconds, const QStringList &users)
{
    std::vector<std::unique_ptr<Seeder>> seeders;
    for (const QString &entry : users) {
        const QStringList parts = entry.split(u':');
        auto seeder = std::make_unique<Seeder>(url);
        seeder->signUp(parts.first(), {}, true);
        if (parts.value(1) == QLatin1StringView("away"))
            seeder->request(PresenceSet{PresenceStatus::Away});
        seeders.push_back(std::move(seeder));
    }
    QEventLoop wait;
    QTimer::singleShot(seconds * 1000, &wait, &QEventLoop::quit);
    wait.exec();
    return 0;
}

//! After `delay` seconds, `username` says `text` in `title` (a live message, for notifications).
int sayLater(const QString &url, const QString &username, const QString &title, int delay, const QString &text)
{
    Seeder speaker(url);
    speaker.signUp(username, {}, true);
    const QString id = speaker.conversations().value(title);
    if (id.isEmpty())
        fail(QStringLiteral("no conversation titled ") + title);
    QEventLoop wait;
    QTimer::singleShot(delay * 1000, &wait, &QEventLoop::quit);
    wait.exec();
    speaker.say(id, text);
    return 0;
}

//! A streamed message caught while it grows: two thirds of `text`, a word every 120 ms, then open.
int streamOpen(const QString &url, const QString &username, const QString &title, int seconds, const QString &text)
{
    Seeder writer(url);
    writer.signUp(username, {}, true);
    const QString id = writer.conversations().value(title);
    if (id.isEmpty())
        fail(QStringLiteral("no conversation titled ") + title);
    const auto pause = [](int ms) {
        QEventLoop wait;
        QTimer::singleShot(ms, &wait, &QEventLoop::quit);
        wait.exec();
    };
    const auto started = std::get<MessageSent>(
        writer.request(StreamStart{id, QUuid::createUuid().toString(QUuid::WithoutBraces), std::nullopt}));
    const QStringList words = text.split(u' ');
    const qsizetype shown = std::max<qsizetype>(1, words.size() * 2 / 3);
    for (qsizetype i = 0; i < shown; ++i) {
        writer.request(StreamAppend{id, started.message.id, (i > 0 ? QStringLiteral(" ") : QString()) + words[i]});
        pause(120);
    }
    pause(seconds * 1000);
    return 0;
}

//! A drawn head-and-shoulders portrait on a soft gradient, a hue of its own per user.
QByteArray portrait(int hue)
{
    QImage image(320, 320, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 320);
    sky.setColorAt(0, QColor::fromHsv(hue, 70, 245));
    sky.setColorAt(1, QColor::fromHsv((hue + 30) % 360, 120, 200));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromHsv((hue + 180) % 360, 110, 120)); // shoulders
    painter.drawEllipse(QRectF(50, 215, 220, 190));
    painter.setBrush(QColor(236, 200, 170)); // face
    painter.drawEllipse(QRectF(105, 80, 110, 130));
    painter.setBrush(QColor::fromHsv((hue + 20) % 360, 150, 70)); // hair
    QPainterPath hair;
    hair.moveTo(100, 140);
    hair.cubicTo(95, 60, 225, 60, 220, 140);
    hair.cubicTo(205, 100, 120, 100, 100, 140);
    painter.drawPath(hair);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

//! Gives each of `users` a picture of their own (Settings → account → Picture, everywhere initials show).
int setAvatars(const QString &url, const QStringList &users)
{
    int hue = 200;
    for (const QString &username : users) {
        Seeder seeder(url);
        seeder.signUp(username, {}, true);
        seeder.request(AccountAvatar{QString::fromLatin1(portrait(hue).toBase64()), std::nullopt});
        hue = (hue + 67) % 360;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString command = args.value(1);
    if (command == QLatin1StringView("typing") && args.size() == 6)
        return keepTyping(args[2], args[3], args[4], args[5].toInt());
    if (command == QLatin1StringView("online") && args.size() >= 5)
        return stayOnline(args[2], args[3].toInt(), args.mid(4));
    if (command == QLatin1StringView("say") && args.size() == 7)
        return sayLater(args[2], args[3], args[4], args[5].toInt(), args[6]);
    if (command == QLatin1StringView("stream") && args.size() == 7)
        return streamOpen(args[2], args[3], args[4], args[5].toInt(), args[6]);
    if (command == QLatin1StringView("avatars") && args.size() >= 4)
        return setAvatars(args[2], args.mid(3));
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: confab-demo-seed yesterday|today URL\n"
                             "       confab-demo-seed typing URL USER TITLE SECONDS\n"
                             "       confab-demo-seed online URL SECONDS USER[:away]...\n"
                             "       confab-demo-seed say URL USER TITLE DELAY TEXT\n"
                             "       confab-demo-seed stream URL USER TITLE SECONDS TEXT\n"
                             "       confab-demo-seed avatars URL USER...\n");
        return 2;
    }
    if (command == QLatin1StringView("yesterday"))
        return seedYesterday(args[2]);
    if (command == QLatin1StringView("today"))
        return seedToday(args[2]);
    std::fprintf(stderr, "unknown command\n");
    return 2;
}
