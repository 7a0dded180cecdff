// Exports of my data against a real server on both databases (docs/protocol.md, "Export of my
// data"): the archive is opened here and its JSON, its files and its HTML index are read; blind
// rooms show others only as I saw them (never their real identity) and my own messages as mine;
// nobody but me fetches it; one build at a time; the size limit; the sweep after the kept time.
#include "blindscan.h"
#include "transfers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <archive.h>
#include <archive_entry.h>

namespace {
//! Every entry of a zip archive by name, read with libarchive (what file managers use too).
QMap<QString, QByteArray> unzip(const QByteArray &zip) {
    QMap<QString, QByteArray> entries;
    archive *a = archive_read_new();
    archive_read_support_format_zip(a);
    if (archive_read_open_memory(a, zip.constData(), size_t(zip.size())) != ARCHIVE_OK) {
        qWarning("not a zip: %s", archive_error_string(a));
        archive_read_free(a);
        return entries;
    }
    archive_entry *entry = nullptr;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry));
        QByteArray bytes;
        char buffer[16384];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
            bytes.append(buffer, qsizetype(n));
        entries.insert(name, bytes);
    }
    archive_read_free(a);
    return entries;
}

QJsonObject object(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

QString createRoom(TestClient &owner, const QList<QString> &members, ConversationKind kind,
                   const QString &title) {
    const Frame reply = owner.request(ConversationCreate{kind, title, members});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    if (!detail) {
        qWarning("create failed: %s", qPrintable(TestClient::describe(reply)));
        return {};
    }
    return detail->conversation.id;
}

bool say(TestClient &c, const QString &conversationId, const QString &clientId, const QString &body,
         const QList<QString> &attachments = {}) {
    MessageSend send = textMessage(conversationId, clientId, body);
    send.attachments = attachments;
    const Frame reply = c.request(send);
    if (std::holds_alternative<MessageSent>(reply))
        return true;
    qWarning("send failed: %s", qPrintable(TestClient::describe(reply)));
    return false;
}

QString uploaded(TestClient &c, const QString &conversationId, const QString &name, const QByteArray &bytes) {
    const Frame done = upload(c, conversationId, name, bytes, QStringLiteral("text/plain"));
    if (const auto *d = std::get_if<AttachmentDone>(&done))
        return d->attachment.id;
    qWarning("upload failed: %s", qPrintable(TestClient::describe(done)));
    return {};
}

QByteArray noise(int size) {
    // Text (the server accepts text files), random so that it does not compress away.
    static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n";
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &b : bytes)
        b = kLetters[QRandomGenerator::global()->bounded(int(sizeof kLetters - 1))];
    return bytes;
}

//! Starts an export and waits for the push that says it is ready (or failed): that push.
AccountExportProgress exportAndWait(TestClient &c) {
    const Frame started = c.request(AccountExport{});
    const auto *first = std::get_if<AccountExportProgress>(&started);
    if (!first) {
        qWarning("account.export failed: %s", qPrintable(TestClient::describe(started)));
        return {};
    }
    const QString id = first->exportId;
    AccountExportProgress last;
    c.waitForPushed(
        [&](const Frame &f) {
            const auto *p = std::get_if<AccountExportProgress>(&f);
            if (!p || p->exportId != id)
                return false;
            last = *p;
            return p->state != ExportState::Building;
        },
        60000);
    return last;
}

QByteArray fetchArchive(TestClient &c, const AccountExportProgress &ready) {
    const Fetched fetched = fetch(c, ready.exportId);
    const auto *data = std::get_if<AttachmentData>(&fetched.reply);
    if (!data) {
        qWarning("fetch failed: %s", qPrintable(TestClient::describe(fetched.reply)));
        return {};
    }
    return fetched.bytes;
}
} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! Profile, messages, my uploads and the index, as JSON and HTML; others' files only named.
    void archiveHoldsWhatISee() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora"));
        QVERIFY(mina && joon && sora);
        const QString team =
            createRoom(*mina, {joon->userId()}, ConversationKind::Group, QStringLiteral("Team"));
        QVERIFY(!team.isEmpty());
        const QByteArray myBytes = noise(300'000); // more than one chunk of the archive writer
        const QString mine = uploaded(*mina, team, QStringLiteral("plan 2026.txt"), myBytes);
        const QString theirs = uploaded(*joon, team, QStringLiteral("joon-notes.txt"), noise(1000));
        QVERIFY(!mine.isEmpty() && !theirs.isEmpty());
        QVERIFY(say(*mina, team, QStringLiteral("k1"), QStringLiteral("the plan is attached"), {mine}));
        QVERIFY(say(*joon, team, QStringLiteral("k2"),
                    QStringLiteral("<script>alert('hi')</script> & mine too"), {theirs}));
        // Not mine to export: a conversation without me.
        const QString elsewhere =
            createRoom(*joon, {sora->userId()}, ConversationKind::Group, QStringLiteral("Private"));
        QVERIFY(say(*joon, elsewhere, QStringLiteral("k3"), QStringLiteral("secret between joon and sora")));

        const AccountExportProgress ready = exportAndWait(*mina);
        QCOMPARE(ready.state, ExportState::Ready);
        QCOMPARE(ready.percent, 100);
        QVERIFY(ready.size && *ready.size > 0);
        QVERIFY(ready.expiresAt && *ready.expiresAt > QDateTime::currentMSecsSinceEpoch() + 47 * 3'600'000LL);
        // Progress came before it, in order.
        qint64 lastPercent = -1;
        for (const Frame &f : mina->pushed()) {
            if (const auto *p = std::get_if<AccountExportProgress>(&f); p && p->exportId == ready.exportId) {
                QVERIFY(p->percent >= lastPercent);
                lastPercent = p->percent;
            }
        }

        const QByteArray zip = fetchArchive(*mina, ready);
        QCOMPARE(zip.size(), *ready.size);
        const QMap<QString, QByteArray> entries = unzip(zip);
        QVERIFY2(entries.contains(QStringLiteral("profile.json")), qPrintable(entries.keys().join(u' ')));
        QVERIFY(entries.contains(QStringLiteral("index.html")));
        QVERIFY(entries.contains(QStringLiteral("files.json")));

        const QJsonObject profile = object(entries.value(QStringLiteral("profile.json")));
        const QJsonObject user = profile.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("mina"));
        QCOMPARE(user.value(QStringLiteral("display_name")).toString(), QStringLiteral("Mina"));
        QCOMPARE(user.value(QStringLiteral("id")).toString(), mina->userId());
        QCOMPARE(profile.value(QStringLiteral("conversations")).toArray().size(), 1);

        // The conversation, with every message and its sender as I saw them.
        const QString teamJson = QStringLiteral("conversations/%1.json").arg(team);
        QVERIFY(entries.contains(teamJson));
        QVERIFY(!entries.contains(QStringLiteral("conversations/%1.json").arg(elsewhere)));
        const QJsonObject conversation = object(entries.value(teamJson));
        QCOMPARE(conversation.value(QStringLiteral("title")).toString(), QStringLiteral("Team"));
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        const QJsonObject first = messages[0].toObject(), second = messages[1].toObject();
        QCOMPARE(first.value(QStringLiteral("body")).toString(), QStringLiteral("the plan is attached"));
        QCOMPARE(first.value(QStringLiteral("sender_name")).toString(), QStringLiteral("Mina"));
        QVERIFY(first.value(QStringLiteral("mine")).toBool());
        QCOMPARE(second.value(QStringLiteral("sender_name")).toString(), QStringLiteral("Joon"));
        QVERIFY(!second.value(QStringLiteral("mine")).toBool());

        // My upload is in files/, byte for byte; Joon's is named in his message, not carried.
        const QJsonObject myFile = first.value(QStringLiteral("attachments")).toArray()[0].toObject();
        const QString path = myFile.value(QStringLiteral("path")).toString();
        QCOMPARE(path, QStringLiteral("files/%1-plan 2026.txt").arg(mine));
        QCOMPARE(entries.value(path), myBytes);
        const QJsonObject joonsFile = second.value(QStringLiteral("attachments")).toArray()[0].toObject();
        QCOMPARE(joonsFile.value(QStringLiteral("name")).toString(), QStringLiteral("joon-notes.txt"));
        QVERIFY(!joonsFile.contains(QStringLiteral("path")));
        int carried = 0;
        for (const QString &name : entries.keys())
            carried += name.startsWith(QStringLiteral("files/"));
        QCOMPARE(carried, 1);
        const QJsonArray files =
            object(entries.value(QStringLiteral("files.json"))).value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].toObject().value(QStringLiteral("sha256")).toString(), sha256Hex(myBytes));

        // The pages: linked from the index, every text escaped, no script anywhere.
        const QString index = QString::fromUtf8(entries.value(QStringLiteral("index.html")));
        QVERIFY(index.contains(QStringLiteral("<a href=\"conversations/%1.html\">Team</a>").arg(team)));
        QVERIFY(index.contains(QStringLiteral("<a href=\"%1\">plan 2026.txt</a>").arg(path)));
        const QString page =
            QString::fromUtf8(entries.value(QStringLiteral("conversations/%1.html").arg(team)));
        QVERIFY(page.contains(QStringLiteral("&lt;script&gt;alert('hi')&lt;/script&gt; &amp; mine too")));
        QVERIFY(page.contains(QStringLiteral("<a href=\"../%1\">plan 2026.txt</a>").arg(path)));
        for (const QString &html : {index, page}) {
            QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
            QVERIFY(html.contains(QStringLiteral("Content-Security-Policy")));
        }
        QVERIFY(!zip.contains("secret between joon and sora"));

        // Mine only: to anyone else the id is unknown, and it asks for a new one with the status.
        QVERIFY(TestClient::isError(joon->request(AttachmentFetch{ready.exportId, 0, std::nullopt, false}),
                                    ErrorCode::NotFound));
        QVERIFY(TestClient::isError(joon->request(AccountExportStatus{}), ErrorCode::NotFound));
        const Frame status = mina->request(AccountExportStatus{});
        QVERIFY2(std::holds_alternative<AccountExportProgress>(status),
                 qPrintable(TestClient::describe(status)));
        QCOMPARE(std::get<AccountExportProgress>(status), ready);
    }

    //! In a blind room others appear under their aliases, my own messages are mine, and no real
    //! name, username or id of another member is anywhere in the archive.
    void blindRoomsShowAliases() {
        CONFAB_START_HARNESS(h, {});
        blindscan::Person owner{QStringLiteral("zelda"), QStringLiteral("Zelda Kim"), {}, {}};
        blindscan::Person bram{QStringLiteral("bramwell"), QStringLiteral("Bramwell Stoker"), {}, {}};
        blindscan::Person ines{QStringLiteral("inesita"), QStringLiteral("Inesita Roa"), {}, {}};
        QVERIFY(blindscan::registerPerson(h, owner) && blindscan::registerPerson(h, bram) &&
                blindscan::registerPerson(h, ines));
        const QString room = createRoom(owner.client(), {bram.id, ines.id}, ConversationKind::Blind,
                                        QStringLiteral("Night owls"));
        QVERIFY(!room.isEmpty());
        QVERIFY(say(owner.client(), room, QStringLiteral("z1"), QStringLiteral("welcome, owls")));
        QVERIFY(say(bram.client(), room, QStringLiteral("b1"), QStringLiteral("hello from the dark")));
        QVERIFY(say(ines.client(), room, QStringLiteral("i1"), QStringLiteral("hoot")));
        const QString attached = uploaded(bram.client(), room, QStringLiteral("owl.txt"), noise(500));
        QVERIFY(say(bram.client(), room, QStringLiteral("b2"), QStringLiteral("my file"), {attached}));

        const AccountExportProgress ready = exportAndWait(bram.client());
        QCOMPARE(ready.state, ExportState::Ready);
        const QMap<QString, QByteArray> entries = unzip(fetchArchive(bram.client(), ready));
        const QJsonObject conversation =
            object(entries.value(QStringLiteral("conversations/%1.json").arg(room)));
        const QJsonObject me = conversation.value(QStringLiteral("me")).toObject();
        QVERIFY(me.value(QStringLiteral("alias")).toBool());
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        QStringList mineBodies;
        for (const QJsonValue v : messages) {
            const QJsonObject m = v.toObject();
            const QString name = m.value(QStringLiteral("sender_name")).toString();
            QVERIFY(!name.isEmpty());
            if (m.value(QStringLiteral("mine")).toBool()) {
                mineBodies << m.value(QStringLiteral("body")).toString();
                QCOMPARE(name, me.value(QStringLiteral("name")).toString()); // my alias there
            } else {
                QVERIFY(name != owner.displayName && name != ines.displayName);
                QVERIFY(m.value(QStringLiteral("sender_id")).toString() != owner.id);
            }
        }
        QCOMPARE(mineBodies, QStringList({QStringLiteral("hello from the dark"), QStringLiteral("my file")}));
        // My own file is mine to take.
        QCOMPARE(object(entries.value(QStringLiteral("files.json")))
                     .value(QStringLiteral("files"))
                     .toArray()
                     .size(),
                 1);

        // Nobody else's identity, in any entry (JSON, pages, index).
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            if (it.key().startsWith(QStringLiteral("files/")))
                continue;
            const QString text = QString::fromUtf8(it.value());
            for (const blindscan::Person *other : {&owner, &ines}) {
                QVERIFY2(!text.contains(other->displayName), qPrintable(it.key()));
                QVERIFY2(!text.contains(other->username), qPrintable(it.key()));
                QVERIFY2(!text.contains(other->id), qPrintable(it.key()));
            }
        }
    }

    //! One build at a time: a second start while one builds is CONFLICT; a new one replaces the old.
    void oneAtATime() {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const AccountExportProgress ready = exportAndWait(*mina);
        QCOMPARE(ready.state, ExportState::Ready);
        // As if another instance were building one for me right now.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(h.database().execute(
            QStringLiteral("INSERT INTO exports (id, user_id, state, percent, created_at, touched_at) "
                           "VALUES ('x_elsewhere', '%1', 'building', 10, %2, %2)")
                .arg(mina->userId())
                .arg(now + 1)));
        QVERIFY(TestClient::isError(mina->request(AccountExport{}), ErrorCode::Conflict));
        const Frame status = mina->request(AccountExportStatus{});
        QVERIFY(std::holds_alternative<AccountExportProgress>(status));
        QCOMPARE(std::get<AccountExportProgress>(status).exportId, QStringLiteral("x_elsewhere"));
        QCOMPARE(std::get<AccountExportProgress>(status).state, ExportState::Building);
        // That instance died long ago: the next start fails it and goes ahead.
        QVERIFY(h.database().execute(
            QStringLiteral("UPDATE exports SET touched_at = 1 WHERE id = 'x_elsewhere'")));
        const AccountExportProgress again = exportAndWait(*mina);
        QCOMPARE(again.state, ExportState::Ready);
        QVERIFY(again.exportId != ready.exportId);
        QVERIFY(TestClient::isError(mina->request(AttachmentFetch{ready.exportId, 0, std::nullopt, false}),
                                    ErrorCode::NotFound));
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT id FROM exports")),
                 QVariantList({again.exportId}));
    }

    //! Files past exports/max_bytes are left out and listed as left out; the rest is there.
    void sizeLimitLeavesFilesOut() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("exports/max_bytes"), QStringLiteral("40000")}});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString team =
            createRoom(*mina, {joon->userId()}, ConversationKind::Group, QStringLiteral("Team"));
        const QByteArray small = noise(2000);
        const QString fits = uploaded(*mina, team, QStringLiteral("small.txt"), small);
        const QString tooBig = uploaded(*mina, team, QStringLiteral("big.txt"), noise(60'000));
        QVERIFY(say(*mina, team, QStringLiteral("k1"), QStringLiteral("two files"), {fits, tooBig}));

        const AccountExportProgress ready = exportAndWait(*mina);
        QCOMPARE(ready.state, ExportState::Ready);
        const QMap<QString, QByteArray> entries = unzip(fetchArchive(*mina, ready));
        QCOMPARE(entries.value(QStringLiteral("files/%1-small.txt").arg(fits)), small);
        QVERIFY(!entries.contains(QStringLiteral("files/%1-big.txt").arg(tooBig)));
        const QJsonArray files =
            object(entries.value(QStringLiteral("files.json"))).value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        QVERIFY(files[1]
                    .toObject()
                    .value(QStringLiteral("left_out"))
                    .toString()
                    .contains(QStringLiteral("size limit")));
        QVERIFY(QString::fromUtf8(entries.value(QStringLiteral("index.html")))
                    .contains(QStringLiteral("left out")));
    }

    //! After exports/keep_hours the sweep removes the export: no status, no fetch.
    void sweptWhenExpired() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("exports/sweep_interval_ms"), QStringLiteral("200")}});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const AccountExportProgress ready = exportAndWait(*mina);
        QCOMPARE(ready.state, ExportState::Ready);
        QVERIFY(std::holds_alternative<AttachmentData>(fetch(*mina, ready.exportId, false, 0, 1).reply));
        QVERIFY(h.database().execute(QStringLiteral("UPDATE exports SET expires_at = 1")));
        QTRY_VERIFY_WITH_TIMEOUT(h.database().firstColumn(QStringLiteral("SELECT id FROM exports")).isEmpty(),
                                 20000);
        QVERIFY(TestClient::isError(mina->request(AccountExportStatus{}), ErrorCode::NotFound));
        QVERIFY(TestClient::isError(mina->request(AttachmentFetch{ready.exportId, 0, std::nullopt, false}),
                                    ErrorCode::NotFound));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
