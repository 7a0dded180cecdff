// Desktop integration logic, offscreen: what notifies and with which words, the unread badge and
// title, the settings page's store, and the autostart file.
#include "autoaway.h"
#include "autostart.h"
#include "chatclient.h"
#include "conversationfiltermodel.h"
#include "desktopnotifier.h"
#include "harness.h"
#include "lastconversation.h"
#include "notificationpolicy.h"
#include "profile.h"
#include "settings.h"
#include "unreadbadge.h"

#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace confab::app;
using namespace confab::protocol;

namespace {
//! Records what would have gone to the desktop.
class RecordingSink : public NotificationSink {
public:
    QString name() const override { return QStringLiteral("recording"); }
    void show(const NotificationText &text) override { shown.append(text); }
    void withdraw(const QString &conversationId) override { withdrawn.append(conversationId); }
    QList<NotificationText> shown;
    QList<QString> withdrawn;
};
} // namespace

class TestDesktop : public QObject {
    Q_OBJECT

    static IncomingMessage groupMessage()
    {
        IncomingMessage m;
        m.conversationId = QStringLiteral("c1");
        m.conversationTitle = QStringLiteral("Design team");
        m.kind = QStringLiteral("group");
        m.senderName = QStringLiteral("Joon Lee");
        m.body = QStringLiteral("Can you review the mockups?");
        return m;
    }
    static NotificationContext elsewhere()
    {
        NotificationContext c;
        c.windowActive = true;
        c.conversationInView = QStringLiteral("other");
        return c;
    }

    //! Signs `username` up and returns their id; the app under test signs them in later.
    static QString signedUpId(confab::test::Harness &h, const QString &username)
    {
        const auto client = h.client(username);
        return client ? client->userId() : QString();
    }

    static int redPixels(const QImage &image, const QRect &area)
    {
        const QColor red = UnreadBadge::badgeColor();
        int count = 0;
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                count += c.alpha() == 255 && qAbs(c.red() - red.red()) < 12 && qAbs(c.green() - red.green()) < 12
                         && qAbs(c.blue() - red.blue()) < 12;
            }
        }
        return count;
    }

private slots:
    void groupMessageNamesRoomAndSender()
    {
        const auto text = NotificationPolicy::decide(groupMessage(), elsewhere());
        QVERIFY(text);
        QCOMPARE(text->conversationId, QStringLiteral("c1"));
        QCOMPARE(text->title, QStringLiteral("Design team"));
        QCOMPARE(text->body, QStringLiteral("Joon Lee: Can you review the mockups?"));
    }

    void directMessageIsTitledWithTheSender()
    {
        IncomingMessage m = groupMessage();
        m.kind = QStringLiteral("direct");
        m.conversationTitle = QStringLiteral("Joon Lee");
        const auto text = NotificationPolicy::decide(m, elsewhere());
        QVERIFY(text);
        QCOMPARE(text->title, QStringLiteral("Joon Lee"));
        QCOMPARE(text->body, QStringLiteral("Can you review the mockups?"));
    }

    void blindRoomShowsTheAliasGiven()
    {
        // The notifier passes on the name the server gave (the alias); the policy must not add any other.
        IncomingMessage m = groupMessage();
        m.kind = QStringLiteral("blind");
        m.conversationTitle = QStringLiteral("Matching: Friday");
        m.senderName = QStringLiteral("Quiet Otter");
        const auto text = NotificationPolicy::decide(m, elsewhere());
        QVERIFY(text);
        QCOMPARE(text->title, QStringLiteral("Matching: Friday"));
        QCOMPARE(text->body, QStringLiteral("Quiet Otter: Can you review the mockups?"));
    }

    void previewOffKeepsTheSenderOnly()
    {
        NotificationContext c = elsewhere();
        c.showPreview = false;
        const auto group = NotificationPolicy::decide(groupMessage(), c);
        QVERIFY(group);
        QCOMPARE(group->body, QStringLiteral("New message from Joon Lee"));
        QVERIFY(!group->body.contains(QStringLiteral("mockups")));
        IncomingMessage direct = groupMessage();
        direct.kind = QStringLiteral("direct");
        const auto text = NotificationPolicy::decide(direct, c);
        QVERIFY(text);
        QCOMPARE(text->title, QStringLiteral("Joon Lee"));
        QCOMPARE(text->body, QStringLiteral("New message"));
    }

    void quietCases_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("notifications off") << 0;
        QTest::newRow("do not disturb") << 1;
        QTest::newRow("muted conversation") << 2;
        QTest::newRow("mentions only, not mentioned") << 6;
        QTest::newRow("do not disturb beats a mention") << 7;
        QTest::newRow("nothing, even mentioned") << 8;
        QTest::newRow("my own message") << 3;
        QTest::newRow("deleted") << 4;
        QTest::newRow("in view, window active") << 5;
        QTest::newRow("from someone I block, even mentioning me") << 9;
    }
    void quietCases()
    {
        QFETCH(int, which);
        IncomingMessage m = groupMessage();
        NotificationContext c = elsewhere();
        switch (which) {
        case 0: c.enabled = false; break;
        case 1: c.doNotDisturb = true; break;
        case 2: m.level = NotifyLevel::Nothing; break;
        case 6: m.level = NotifyLevel::Mentions; break;
        case 7: m.level = NotifyLevel::Mentions; m.mentionsMe = true; c.doNotDisturb = true; break;
        case 8: m.level = NotifyLevel::Nothing; m.mentionsMe = true; break;
        case 3: m.fromMe = true; break;
        case 4: m.deleted = true; break;
        case 5: c.conversationInView = m.conversationId; break;
        case 9: m.fromBlocked = true; m.mentionsMe = true; break;
        }
        QVERIFY(!NotificationPolicy::decide(m, c));
    }

    void mentionNotifiesAtMentionsLevel()
    {
        IncomingMessage m = groupMessage();
        m.level = NotifyLevel::Mentions;
        m.mentionsMe = true;
        QVERIFY(NotificationPolicy::decide(m, elsewhere()));
    }

    void inViewButWindowInactiveNotifies()
    {
        NotificationContext c = elsewhere();
        c.conversationInView = QStringLiteral("c1");
        c.windowActive = false;
        QVERIFY(NotificationPolicy::decide(groupMessage(), c));
    }

    void unknownSenderAndEmptyTitle()
    {
        IncomingMessage m = groupMessage();
        m.senderName.clear();
        m.conversationTitle.clear();
        const auto text = NotificationPolicy::decide(m, elsewhere());
        QVERIFY(text);
        QCOMPARE(text->title, QStringLiteral("Someone"));
    }

    void previewIsOneShortLine()
    {
        QCOMPARE(NotificationPolicy::preview(QStringLiteral("  two\n\nlines\tand   spaces "), 0),
                 QStringLiteral("two lines and spaces"));
        const QString longText = QString(300, QLatin1Char('a'));
        const QString cut = NotificationPolicy::preview(longText, 0);
        QCOMPARE(cut.size(), NotificationPolicy::kPreviewChars);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        // An emoji (a surrogate pair) right at the cut is not split in half.
        QString emoji = QString(NotificationPolicy::kPreviewChars - 2, QLatin1Char('b')) + QStringLiteral("😀😀😀");
        const QString cutEmoji = NotificationPolicy::preview(emoji, 0);
        QVERIFY(!cutEmoji.at(cutEmoji.size() - 2).isHighSurrogate());
        QCOMPARE(NotificationPolicy::preview(QStringLiteral("한국어 메시지"), 0), QStringLiteral("한국어 메시지"));
        QVERIFY(NotificationPolicy::preview({}, 2).contains(QLatin1Char('2')));
        QCOMPARE(NotificationPolicy::preview({}, 0), QStringLiteral("New message"));
    }

    void windowTitleAndBadgeText()
    {
        QCOMPARE(UnreadBadge::windowTitle(0), QStringLiteral("Confab"));
        QCOMPARE(UnreadBadge::windowTitle(3), QStringLiteral("(3) Confab"));
        QCOMPARE(UnreadBadge::windowTitle(150), QStringLiteral("(99+) Confab"));
        QCOMPARE(UnreadBadge::badgeText(0), QString());
        QCOMPARE(UnreadBadge::badgeText(-1), QString());
        QCOMPARE(UnreadBadge::badgeText(99), QStringLiteral("99"));
        QCOMPARE(UnreadBadge::badgeText(100), QStringLiteral("99+"));
    }

    void iconHasABadgeOnlyWhenUnread()
    {
        for (int size : {16, 32, 64}) {
            const QImage plain = UnreadBadge::icon(size, 0);
            const QImage badged = UnreadBadge::icon(size, 5);
            QCOMPARE(plain.size(), QSize(size, size));
            // The badge is red in the top-right corner; the plain icon has no red at all.
            QVERIFY2(redPixels(badged, QRect(size / 2, 0, size / 2, size / 2)) > size * size / 32,
                     qPrintable(QString::number(size)));
            QCOMPARE(redPixels(plain, plain.rect()), 0);
            // The bottom-left (the speech bubble's tail side) is untouched by the badge.
            QCOMPARE(badged.pixelColor(size / 4, size * 3 / 4), plain.pixelColor(size / 4, size * 3 / 4));
            QVERIFY(plain != badged);
        }
        // The count shows: 3 and 42 draw different pictures.
        QVERIFY(UnreadBadge::icon(32, 3) != UnreadBadge::icon(32, 42));
    }

    void settingsPersistAndSignal()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        {
            QSettings store(file, QSettings::IniFormat);
            Settings settings(&store, std::make_unique<UnsupportedAutostart>());
            QVERIFY(settings.notificationsEnabled());
            QVERIFY(settings.showPreview());
            QVERIFY(!settings.doNotDisturb());
            QVERIFY(!settings.closeToTray());
            QVERIFY(!settings.downloadFolder().isEmpty());
            QSignalSpy changed(&settings, &Settings::changed);
            settings.setShowPreview(false);
            settings.setShowPreview(false); // no change, no signal
            settings.setDoNotDisturb(true);
            settings.setCloseToTray(true);
            settings.setDownloadFolderUrl(QUrl::fromLocalFile(dir.path() + QStringLiteral("/in/../downloads")));
            QCOMPARE(changed.count(), 4);
            QCOMPARE(settings.downloadFolder(), dir.path() + QStringLiteral("/downloads"));
            // Start at login where it is not built: the switch stays off and says why.
            QVERIFY(!settings.startAtLoginSupported());
            settings.setStartAtLogin(true);
            QVERIFY(!settings.startAtLogin());
            QVERIFY(!settings.error().isEmpty());
        }
        QSettings store(file, QSettings::IniFormat);
        Settings again(&store, std::make_unique<UnsupportedAutostart>());
        QVERIFY(!again.showPreview());
        QVERIFY(again.doNotDisturb());
        QVERIFY(again.closeToTray());
        QCOMPARE(again.downloadFolder(), dir.path() + QStringLiteral("/downloads"));
    }

    void xdgAutostartWritesAndRemovesTheEntry()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("config/autostart"));
        XdgAutostart autostart(folder, QStringLiteral("/opt/My Apps/confab"));
        QVERIFY(!autostart.enabled());
        QCOMPARE(autostart.setEnabled(true), QString());
        QVERIFY(autostart.enabled());
        QFile file(autostart.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(file.readAll());
        QVERIFY(entry.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY(entry.contains(QStringLiteral("Type=Application\n")));
        QVERIFY(entry.contains(QStringLiteral("Exec=\"/opt/My Apps/confab\" --start-in-tray\n")));
        file.close();

        QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings settings(&store, std::make_unique<XdgAutostart>(folder, QStringLiteral("/usr/bin/confab")));
        QVERIFY(settings.startAtLoginSupported());
        QVERIFY(settings.startAtLogin()); // the file is the truth, not a remembered flag
        settings.setStartAtLogin(false);
        QVERIFY(!QFile::exists(autostart.filePath()));
        QVERIFY(!settings.startAtLogin());
        QCOMPARE(settings.error(), QString());
    }

    //! Ctrl+K, type, pick: the conversation opens and the list shows every conversation again.
    void pickingFromTheFilteredListClearsTheFilter()
    {
        confab::test::Harness h(confab::test::TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto joon = h.client(QStringLiteral("joon"));
        const QString minaId = signedUpId(h, QStringLiteral("mina"));
        QVERIFY(joon && !minaId.isEmpty());
        for (const QString &title : {QStringLiteral("Design team"), QStringLiteral("Lunch")})
            QVERIFY(std::holds_alternative<ConversationDetail>(
                joon->request(ConversationCreate{ConversationKind::Group, title, {minaId}})));

        QTemporaryDir dir;
        confab::client::ChatClient client(dir.path(), nullptr);
        ConversationFilterModel list;
        list.setClient(&client);
        client.signIn(h.server().url(), QStringLiteral("mina"), QStringLiteral("correct horse 1"));
        QTRY_COMPARE_WITH_TIMEOUT(list.count(), 2, 20000);
        list.setFilterText(QStringLiteral("lunch"));
        QCOMPARE(list.count(), 1);
        const QString lunch = list.idAt(0);
        QSignalSpy filterChanged(&list, &ConversationFilterModel::filterTextChanged);
        list.pick(lunch);
        QCOMPARE(client.currentConversationId(), lunch);
        QCOMPARE(list.filterText(), QString());
        QCOMPARE(filterChanged.size(), 1); // the search field follows
        QCOMPARE(list.count(), 2);
    }

    //! The sidebar's filter: by title (any case, Korean too), by the last line, by my own alias in
    //! a blind room; surrounding spaces do not count; it follows the list as messages arrive.
    void filterFindsTitlesLastLinesAndMyAlias()
    {
        confab::test::Harness h(confab::test::TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto joon = h.client(QStringLiteral("joon"));
        const QString minaId = signedUpId(h, QStringLiteral("mina"));
        QVERIFY(joon && !minaId.isEmpty());
        QHash<QString, QString> ids;
        for (const QString &title : {QStringLiteral("Design team"), QStringLiteral("점심 메뉴")}) {
            const Frame reply = joon->request(ConversationCreate{ConversationKind::Group, title, {minaId}});
            QVERIFY(std::holds_alternative<ConversationDetail>(reply));
            ids.insert(title, std::get<ConversationDetail>(reply).conversation.id);
        }
        const Frame blind = joon->request(ConversationCreate{ConversationKind::Blind, QStringLiteral("Matching"), {}});
        QVERIFY(std::holds_alternative<ConversationDetail>(blind));
        const QString blindId = std::get<ConversationDetail>(blind).conversation.id;
        const Frame added = joon->request(MembersAdd{blindId, {minaId}, QStringLiteral("A")});
        QVERIFY2(!std::holds_alternative<Error>(added), qPrintable(confab::test::TestClient::describe(added)));
        const auto say = [&](const QString &conversationId, const QString &body) {
            return std::holds_alternative<MessageSent>(
                joon->request(confab::test::textMessage(conversationId, QUuid::createUuid().toString(QUuid::WithoutBraces), body)));
        };
        QVERIFY(say(ids.value(QStringLiteral("Design team")), QStringLiteral("The quarterly report draft is up")));

        QTemporaryDir dir;
        confab::client::ChatClient client(dir.path(), nullptr);
        ConversationFilterModel list;
        list.setClient(&client);
        client.signIn(h.server().url(), QStringLiteral("mina"), QStringLiteral("correct horse 1"));
        QTRY_COMPARE_WITH_TIMEOUT(list.count(), 3, 20000);
        const auto shown = [&] {
            QStringList titles;
            for (int row = 0; row < list.count(); ++row)
                titles.append(list.titleAt(row));
            titles.sort();
            return titles;
        };

        list.setFilterText(QStringLiteral("DESIGN"));
        QCOMPARE(shown(), QStringList{QStringLiteral("Design team")});
        list.setFilterText(QStringLiteral("  점심 "));
        QCOMPARE(shown(), QStringList{QStringLiteral("점심 메뉴")});
        list.setFilterText(QStringLiteral("quarterly"));
        QCOMPARE(shown(), QStringList{QStringLiteral("Design team")});
        // My alias in the blind room finds it; the real names of its members do not.
        const auto *source = client.conversations();
        QTRY_VERIFY_WITH_TIMEOUT(
            !source->data(source->index(source->indexOf(blindId)), confab::client::ConversationListModel::MyAliasRole)
                 .toString()
                 .isEmpty(),
            10000);
        const QString alias = source->data(source->index(source->indexOf(blindId)),
                                           confab::client::ConversationListModel::MyAliasRole)
                                  .toString();
        list.setFilterText(alias.section(u' ', -1).toUpper());
        QCOMPARE(list.rowOf(blindId), 0);
        list.setFilterText(QStringLiteral("nothing is called this"));
        QCOMPARE(list.count(), 0);

        // A message that matches brings its conversation in while the filter stays.
        list.setFilterText(QStringLiteral("budget"));
        QCOMPARE(list.count(), 0);
        QVERIFY(say(ids.value(QStringLiteral("점심 메뉴")), QStringLiteral("Budget for Friday: 15,000 won each")));
        QTRY_COMPARE_WITH_TIMEOUT(shown(), QStringList{QStringLiteral("점심 메뉴")}, 10000);
        list.setFilterText(QString());
        QCOMPARE(list.count(), 3);
    }

    //! Away when nobody is there: after a while without input, or sooner once the window is out of
    //! sight; the first input ends it. An away the user chose is theirs to end.
    void autoAwayWhenIdleOrOutOfSight()
    {
        confab::test::Harness h(confab::test::TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        const QString minaId = signedUpId(h, QStringLiteral("mina"));
        auto joonSetup = h.client(QStringLiteral("joon"));
        QVERIFY(joonSetup && !minaId.isEmpty());
        QVERIFY(std::holds_alternative<ConversationDetail>(
            joonSetup->request(ConversationCreate{ConversationKind::Direct, QString(), {minaId}})));
        joonSetup.reset(); // Joon's app signs in below
        QTemporaryDir minaDir, joonDir;
        confab::client::ChatClient mina(minaDir.path(), nullptr), joon(joonDir.path(), nullptr);
        mina.signIn(h.server().url(), QStringLiteral("mina"), QStringLiteral("correct horse 1"));
        joon.signIn(h.server().url(), QStringLiteral("joon"), QStringLiteral("correct horse 1"));
        QTRY_COMPARE_WITH_TIMEOUT(joon.presenceOf(minaId), QStringLiteral("online"), 20000);

        AutoAway away(&mina);
        away.setTimeouts(300, 600'000);
        QTRY_VERIFY_WITH_TIMEOUT(mina.away() && away.isAutoAway(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(joon.presenceOf(minaId), QStringLiteral("away"), 10000);
        away.userActive();
        QVERIFY(!mina.away());
        QTRY_COMPARE_WITH_TIMEOUT(joon.presenceOf(minaId), QStringLiteral("online"), 10000);

        // Out of sight: away after the shorter wait, even with recent input; back on the next input.
        away.setTimeouts(600'000, 300);
        away.userActive();
        away.setOutOfSight(true);
        QTRY_VERIFY_WITH_TIMEOUT(mina.away(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(joon.presenceOf(minaId), QStringLiteral("away"), 10000);
        away.setOutOfSight(false);
        away.userActive();
        QVERIFY(!mina.away());
        QTRY_COMPARE_WITH_TIMEOUT(joon.presenceOf(minaId), QStringLiteral("online"), 10000);

        // Mina sets away herself: input does not undo it, and it is not taken for an automatic one.
        away.setTimeouts(600'000, 600'000);
        mina.setAway(true);
        away.userActive();
        QVERIFY(mina.away());
        QVERIFY(!away.isAutoAway());
        QTRY_COMPARE_WITH_TIMEOUT(joon.presenceOf(minaId), QStringLiteral("away"), 10000);
    }

    //! The conversation open when the app quit opens again at the next start, per account.
    void lastConversationOpensAgainAfterARestart()
    {
        confab::test::Harness h(confab::test::TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto joon = h.client(QStringLiteral("joon"));
        const QString minaId = signedUpId(h, QStringLiteral("mina"));
        QVERIFY(joon && !minaId.isEmpty());
        QStringList ids;
        for (const QString &title : {QStringLiteral("Design team"), QStringLiteral("Lunch")}) {
            const Frame reply = joon->request(ConversationCreate{ConversationKind::Group, title, {minaId}});
            QVERIFY(std::holds_alternative<ConversationDetail>(reply));
            ids.append(std::get<ConversationDetail>(reply).conversation.id);
        }

        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings settings(&store, std::make_unique<UnsupportedAutostart>());
        const auto start = [&](confab::client::ChatClient &client) {
            client.signIn(h.server().url(), QStringLiteral("mina"), QStringLiteral("correct horse 1"));
            QSignalSpy synced(&client, &confab::client::ChatClient::synced);
            QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000);
            QCOMPARE(client.conversations()->rowCount(), 2);
        };
        {
            // The first start: nothing to reopen, so nothing opens by itself.
            confab::client::ChatClient client(dir.path(), nullptr);
            LastConversation last(&client, &settings);
            start(client);
            QCOMPARE(client.currentConversationId(), QString());
            client.openConversation(ids[0]);
            client.openConversation(ids[1]);
        }
        {
            confab::client::ChatClient client(dir.path(), nullptr);
            LastConversation last(&client, &settings);
            start(client);
            QCOMPARE(client.currentConversationId(), ids[1]);
        }
        // Another account on this computer keeps its own.
        QCOMPARE(settings.lastConversation(confab::client::ChatClient::accountKey(h.server().url(), QStringLiteral("joon"))),
                 QString());
    }

    //! The notifier on a real client and server: live messages notify with the names the server
    //! gave (an alias in the blind room), my own and do-not-disturb stay quiet, a click opens.
    //! --profile NAME: another data folder, settings file and keychain service than the default.
    void profilesAreSeparateInstallations()
    {
        const QString name = QCoreApplication::applicationName();
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        const QString settings = QSettings().fileName();
        QVERIFY(!confab::app::applyProfile(QStringLiteral("two words")));
        QVERIFY(!confab::app::applyProfile(QStringLiteral("../up")));
        QVERIFY(!confab::app::applyProfile(QString()));
        QCOMPARE(QCoreApplication::applicationName(), name); // a refused name changes nothing
        QVERIFY(confab::app::applyProfile(QStringLiteral("qa-2")));
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("Confab-qa-2"));
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) != data);
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).endsWith(QStringLiteral("Confab-qa-2")));
        QVERIFY(QSettings().fileName() != settings);
        QVERIFY(QSettings().fileName().contains(QStringLiteral("Confab-qa-2")));
        QCoreApplication::setApplicationName(name);
    }

    void notifierOnARealClient()
    {
        confab::test::Harness h(confab::test::TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto joon = h.client(QStringLiteral("joon"));
        const QString minaId = signedUpId(h, QStringLiteral("mina"));
        QVERIFY(joon && !minaId.isEmpty());
        const Frame groupReply =
            joon->request(ConversationCreate{ConversationKind::Group, QStringLiteral("Design team"), {minaId}});
        const Frame blindReply = joon->request(ConversationCreate{ConversationKind::Blind, QStringLiteral("Matching"), {}});
        QVERIFY(std::holds_alternative<ConversationDetail>(groupReply));
        QVERIFY(std::holds_alternative<ConversationDetail>(blindReply));
        const QString groupId = std::get<ConversationDetail>(groupReply).conversation.id;
        const QString blindId = std::get<ConversationDetail>(blindReply).conversation.id;
        const Frame added = joon->request(MembersAdd{blindId, {minaId}, QStringLiteral("A")});
        QVERIFY2(!std::holds_alternative<Error>(added), qPrintable(confab::test::TestClient::describe(added)));

        QTemporaryDir dir;
        confab::client::ChatClient client(dir.path(), nullptr);
        client.signIn(h.server().url(), QStringLiteral("mina"), QStringLiteral("correct horse 1"));
        QTRY_VERIFY_WITH_TIMEOUT(client.connectionState() == confab::client::ChatClient::ConnectionState::Online, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(client.conversations()->rowCount(), 2, 10000);
        QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings settings(&store, std::make_unique<UnsupportedAutostart>());
        DesktopNotifier notifier(&client, &settings);
        RecordingSink sink;
        notifier.setSink(&sink);

        const auto say = [&](const QString &conversation, const QString &body) {
            MessageSend send;
            send.conversationId = conversation;
            send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            send.body = body;
            QVERIFY(std::holds_alternative<MessageSent>(joon->request(send)));
        };
        const QString joonName = joon->lastAuth().user.displayName;
        say(groupId, QStringLiteral("hello team"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.shown.size(), 1, 10000);
        QCOMPARE(sink.shown[0].conversationId, groupId);
        QCOMPARE(sink.shown[0].title, QStringLiteral("Design team"));
        QCOMPARE(sink.shown[0].body, joonName + QStringLiteral(": hello team"));

        // The blind room: the name is the alias the server gave Joon there, never his own.
        say(blindId, QStringLiteral("psst"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.shown.size(), 2, 10000);
        QCOMPARE(sink.shown[1].title, QStringLiteral("Matching"));
        QVERIFY(sink.shown[1].body.endsWith(QStringLiteral(": psst")));
        QVERIFY2(!sink.shown[1].body.contains(joonName) && !sink.shown[1].body.contains(QStringLiteral("joon")),
                 qPrintable(sink.shown[1].body));
        QVERIFY(!sink.shown[1].body.startsWith(QStringLiteral("Someone")));

        // My own message (from this device or another) and do-not-disturb stay quiet.
        client.sendMessage(groupId, QStringLiteral("mine"));
        settings.setDoNotDisturb(true);
        say(groupId, QStringLiteral("during dnd"));
        QTest::qWait(1000);
        QCOMPARE(sink.shown.size(), 2);

        // A click opens the conversation.
        QSignalSpy open(&notifier, &DesktopNotifier::openRequested);
        emit sink.activated(blindId);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0][0].toString(), blindId);
        // Reading the group (here or on another device) takes its notification away.
        client.openConversation(groupId);
        client.markRead(groupId, client.conversations()->conversation(groupId)->lastSeq);
        QTRY_VERIFY_WITH_TIMEOUT(sink.withdrawn.contains(groupId), 10000);
    }

    //! Two installations of Mina's: the level she picks on one reaches the other live, and there a
    //! mention notifies at "mentions", plain messages do not, and nothing does at "nothing".
    void mentionNotifiesByLevelAcrossInstallations()
    {
        confab::test::Harness h(confab::test::TestDatabase::Kind::SQLite, {});
        QVERIFY2(h.start(), qPrintable(h.errorString()));
        auto joon = h.client(QStringLiteral("joon"));
        const QString minaId = signedUpId(h, QStringLiteral("mina"));
        QVERIFY(joon && !minaId.isEmpty());
        const Frame created =
            joon->request(ConversationCreate{ConversationKind::Group, QStringLiteral("Design team"), {minaId}});
        QVERIFY(std::holds_alternative<ConversationDetail>(created));
        const QString groupId = std::get<ConversationDetail>(created).conversation.id;

        QTemporaryDir desktopDir, laptopDir;
        confab::client::ChatClient desktop(desktopDir.path(), nullptr);
        confab::client::ChatClient laptop(laptopDir.path(), nullptr);
        for (confab::client::ChatClient *c : {&desktop, &laptop}) {
            c->signIn(h.server().url(), QStringLiteral("mina"), QStringLiteral("correct horse 1"));
            QTRY_VERIFY_WITH_TIMEOUT(c->connectionState() == confab::client::ChatClient::ConnectionState::Online, 20000);
            QTRY_COMPARE_WITH_TIMEOUT(c->conversations()->rowCount(), 1, 10000);
        }
        QSettings store(desktopDir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings settings(&store, std::make_unique<UnsupportedAutostart>());
        DesktopNotifier notifier(&desktop, &settings);
        RecordingSink sink;
        notifier.setSink(&sink);

        const auto level = [&](confab::client::ChatClient &c) {
            return c.conversations()->conversation(groupId)->notify.value_or(NotifyLevel::All);
        };
        const auto setLevel = [&](const QString &name, NotifyLevel expected) {
            laptop.openConversation(groupId);
            laptop.groupSettings()->setNotifyLevel(name);
            QTRY_COMPARE_WITH_TIMEOUT(level(desktop), expected, 10000); // live, on the other installation
            QCOMPARE(level(laptop), expected);
        };
        const auto say = [&](const QString &body, const QList<Mention> &mentions) {
            MessageSend send;
            send.conversationId = groupId;
            send.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            send.body = body;
            send.mentions = mentions;
            QVERIFY(std::holds_alternative<MessageSent>(joon->request(send)));
        };
        const QList<Mention> mina{{minaId, std::nullopt, 0, 5}};

        // "Mentions only": the plain message before the mention stays quiet (events apply in order,
        // so when the mention has notified, the plain one was decided already).
        setLevel(QStringLiteral("mentions"), NotifyLevel::Mentions);
        say(QStringLiteral("just chatting"), {});
        say(QStringLiteral("@Mina can you look?"), mina);
        QTRY_COMPARE_WITH_TIMEOUT(sink.shown.size(), 1, 10000);
        QVERIFY2(sink.shown[0].body.endsWith(QStringLiteral("@Mina can you look?")), qPrintable(sink.shown[0].body));
        // The row's `@` badge counts the unread mention.
        const QModelIndex row = desktop.conversations()->index(0);
        QTRY_COMPARE_WITH_TIMEOUT(row.data(confab::client::ConversationListModel::UnreadMentionsRole).toInt(), 1, 10000);
        QCOMPARE(row.data(confab::client::ConversationListModel::NotifyLevelRole).toString(), QStringLiteral("mentions"));

        // "Nothing": not even a mention; back at "all", the next message notifies again.
        setLevel(QStringLiteral("nothing"), NotifyLevel::Nothing);
        QVERIFY(desktop.conversations()->conversation(groupId)->muted);
        say(QStringLiteral("@Mina second ping"), mina);
        setLevel(QStringLiteral("all"), NotifyLevel::All);
        say(QStringLiteral("plain again"), {});
        QTRY_COMPARE_WITH_TIMEOUT(sink.shown.size(), 2, 10000);
        QVERIFY2(sink.shown[1].body.endsWith(QStringLiteral("plain again")), qPrintable(sink.shown[1].body));
        QCOMPARE(row.data(confab::client::ConversationListModel::UnreadMentionsRole).toInt(), 2);
    }
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
