#include "startupbench.h"

#include "chatclient.h"
#include "localcache.h"
#include "messagelistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlEngine>
#include <QQuickView>
#include <QSqlDatabase>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <ctime>

namespace confab::app {

namespace {

// Nothing listens there: the app starts as it does when its server is unreachable, from the cache.
const QString kServer = QStringLiteral("ws://127.0.0.1:9");
const QString kUser = QStringLiteral("bench");

QString conversationId(int n)
{
    return QStringLiteral("c_bench%1").arg(n, 2, 10, QLatin1Char('0'));
}

qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

//! The timeline as the measured frame shows it: the conversation's messages, newest at the bottom.
const char kTimelineQml[] = R"(import QtQuick
Rectangle {
    id: root
    required property var timeline
    width: 1000
    height: 700
    color: "white"
    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: 12
        spacing: 6
        model: root.timeline
        delegate: Column {
            required property string senderName
            required property string body
            required property string timeText
            width: ListView.view.width
            Text { text: senderName + "  " + timeText; font.bold: true }
            Text { text: body; width: parent.width; wrapMode: Text.Wrap }
        }
        Component.onCompleted: positionViewAtEnd()
    }
}
)";

//! 20 × 5,000 messages in one transaction: the cache commits each write on its own otherwise,
//! which takes minutes at synchronous=FULL.
bool seed(client::LocalCache &cache, int conversations, int messagesPerConversation)
{
    QSqlDatabase db;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("confab-cache-")))
            db = QSqlDatabase::database(name);
    }
    if (!db.isValid() || !db.transaction())
        return false;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(messagesPerConversation) * 60'000;
    protocol::MemberInfo me;
    me.id = QStringLiteral("u_bench");
    me.name = QStringLiteral("Bench");
    me.username = kUser;
    protocol::MemberInfo other;
    other.id = QStringLiteral("u_other");
    other.name = QStringLiteral("Other Person");
    other.username = QStringLiteral("other");
    for (int c = 0; c < conversations; ++c) {
        const QString id = conversationId(c);
        protocol::MessageInfo last;
        for (int i = 1; i <= messagesPerConversation; ++i) {
            protocol::MessageInfo m;
            m.id = QStringLiteral("m_%1_%2").arg(c).arg(i);
            m.seq = i;
            m.senderId = i % 3 == 0 ? me.id : other.id;
            m.clientId = QStringLiteral("k_%1_%2").arg(c).arg(i);
            m.body = QStringLiteral(
                         "Message %1 of conversation %2: a line of ordinary chat text, about this long.")
                         .arg(i)
                         .arg(c);
            m.createdAt = start + qint64(i) * 60'000;
            cache.saveMessage(id, m);
            last = m;
        }
        protocol::ConversationInfo info;
        info.id = id;
        info.kind = protocol::ConversationKind::Group;
        info.title = QStringLiteral("Bench %1").arg(c);
        info.createdAt = start;
        info.lastSeq = messagesPerConversation;
        info.deliveredSeq = info.readSeq = messagesPerConversation;
        info.memberCount = 2;
        info.lastMessage = last;
        info.me = me;
        cache.saveConversation(info);
        cache.saveMembers(id, {me, other}, {});
        cache.setSyncedSeq(id, messagesPerConversation);
    }
    return db.commit();
}

} // namespace

qint64 StartupBench::monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int StartupBench::run(const QString &program, const QString &jsonOut, int conversations,
                      int messagesPerConversation)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench-startup: no temporary folder\n");
        return 1;
    }
    QElapsedTimer seeding;
    seeding.start();
    {
        // The same account file the measured process opens: ChatClient names it.
        client::ChatClient client(dir.path(), nullptr);
        client.signIn(kServer, kUser, QStringLiteral("unused"));
        if (!client.cache().isOpen() || !seed(client.cache(), conversations, messagesPerConversation)) {
            std::fprintf(stderr, "bench-startup: seeding the cache failed\n");
            return 1;
        }
    }
    const qint64 seedMs = seeding.elapsed();

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList args = {QStringLiteral("--bench-startup-child"),
                              dir.path(),
                              QStringLiteral("--bench-startup-t0"),
                              QString::number(monotonicNs()),
                              QStringLiteral("--bench-startup-conversations"),
                              QString::number(conversations)};
    child.start(program, args);
    // Bounded: a child that never draws a frame gives up by itself after 60 s.
    if (!child.waitForFinished(90'000) || child.exitCode() != 0) {
        child.kill();
        std::fprintf(stderr, "bench-startup: the measured process failed\n");
        return 1;
    }
    const QJsonObject figures = QJsonDocument::fromJson(child.readAllStandardOutput().trimmed()).object();
    if (figures.isEmpty()) {
        std::fprintf(stderr, "bench-startup: no figures from the measured process\n");
        return 1;
    }
    const double firstFrameMs = figures.value(QLatin1String("first_frame_ms")).toDouble();
    const double rssFirstMb = figures.value(QLatin1String("rss_first_frame_kb")).toDouble() / 1024.0;
    const double rssAllMb = figures.value(QLatin1String("rss_all_opened_kb")).toDouble() / 1024.0;
    std::printf("startup: %d conversations x %d cached messages (seeded in %.1f s), platform %s\n",
                conversations, messagesPerConversation, double(seedMs) / 1000.0,
                qPrintable(figures.value(QLatin1String("platform")).toString()));
    std::printf("  %-44s %10s %12s\n", "figure", "measured", "target");
    std::printf("  %-44s %8.0f ms %12s\n", "process start -> first frame of a conversation", firstFrameMs,
                "<= 1000 ms");
    std::printf("  %-44s %8.1f MB %12s\n", "RSS at the first frame", rssFirstMb, "<= 200 MB");
    std::printf("  %-44s %8.1f MB %12s\n", "RSS after opening all conversations", rssAllMb, "<= 200 MB");
    std::printf("  %-44s %11d\n", "rows in the first frame's timeline",
                figures.value(QLatin1String("rows_shown")).toInt());
    std::fflush(stdout);
    if (!jsonOut.isEmpty()) {
        QJsonObject out{{QStringLiteral("scenario"), QStringLiteral("startup")},
                        {QStringLiteral("parameters"),
                         QJsonObject{{QStringLiteral("conversations"), conversations},
                                     {QStringLiteral("messages_per_conversation"), messagesPerConversation}}},
                        {QStringLiteral("results"), figures},
                        {QStringLiteral("seed_ms"), seedMs},
                        {QStringLiteral("cores"), QThread::idealThreadCount()},
                        {QStringLiteral("machine"), QSysInfo::prettyProductName()},
                        {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        QFile file(jsonOut);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "bench-startup: cannot write %s\n", qPrintable(jsonOut));
            return 1;
        }
        file.write(QJsonDocument(out).toJson());
        std::printf("figures written to %s\n", qPrintable(jsonOut));
    }
    return 0;
}

int StartupBench::child(QApplication &app, const QString &dataDir, qint64 startNs, int conversations)
{
    client::ChatClient client(dataDir, nullptr);
    client.signIn(kServer, kUser, QStringLiteral("unused"));
    client.openConversation(conversationId(0));

    QFile qml(QDir(dataDir).filePath(QStringLiteral("BenchTimeline.qml")));
    if (!qml.open(QIODevice::WriteOnly | QIODevice::Truncate) || qml.write(kTimelineQml) < 0)
        return 1;
    qml.close();
    QQuickView view;
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.setInitialProperties({{QStringLiteral("timeline"), QVariant::fromValue(client.messages())}});
    view.setSource(QUrl::fromLocalFile(qml.fileName()));
    if (view.status() != QQuickView::Ready)
        return 1;

    QJsonObject figures;
    int next = 1;
    bool done = false;
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &app, [] {
        std::fprintf(stderr, "bench-startup: no frame within 60 s\n");
        QCoreApplication::exit(1);
    });
    giveUp.start(60'000);
    QObject::connect(&view, &QQuickWindow::frameSwapped, &app, [&] {
        if (done)
            return;
        if (figures.isEmpty()) {
            figures.insert(QStringLiteral("first_frame_ms"), double(monotonicNs() - startNs) / 1e6);
            figures.insert(QStringLiteral("rss_first_frame_kb"), rssKb());
            figures.insert(QStringLiteral("rows_shown"), client.messages()->rowCount());
            figures.insert(QStringLiteral("platform"), QGuiApplication::platformName());
        }
        // Then every other conversation in turn, one frame each, for the memory they add.
        if (next < conversations) {
            QTimer::singleShot(0, &app, [&] {
                client.openConversation(conversationId(next++));
                view.update();
            });
            return;
        }
        done = true;
        figures.insert(QStringLiteral("rss_all_opened_kb"), rssKb());
        std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    view.show();
    return app.exec();
}

} // namespace confab::app
