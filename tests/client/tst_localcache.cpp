// The local cache's schema steps and the tables they add (drafts, the timeline's own events), on a
// real SQLite file: a cache from before versions were counted keeps what it held.
#include "cacheschema.h"
#include "localcache.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace confab::client;
using namespace confab::protocol;

namespace {
int versionOf(const QString &path)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open())
            version = cacheschema::version(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return version;
}

Event memberLeft(const QString &conversationId, qint64 seq)
{
    Event e;
    e.conversationId = conversationId;
    e.seq = seq;
    e.kind = EventKind::MemberLeft;
    e.at = 1'700'000'000'000 + seq;
    MemberInfo m;
    m.id = QStringLiteral("u_joon");
    m.name = QStringLiteral("Joon");
    e.member = m;
    return e;
}
} // namespace

class TestLocalCache : public QObject {
    Q_OBJECT
private slots:
    void freshCacheIsCurrent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh.sqlite"));
        {
            LocalCache cache;
            QString error;
            QVERIFY2(cache.open(path, &error), qPrintable(error));
        }
        QCOMPARE(versionOf(path), cacheschema::kVersion);
    }

    //! A cache written by a version of the app that did not count schema versions (user_version 0,
    //! the tables of step 1 there already) is brought up to date and keeps its conversations.
    void unversionedCacheMigrates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE conversations (id TEXT PRIMARY KEY, info TEXT NOT NULL, "
                                          "members TEXT NOT NULL DEFAULT '[]', markers TEXT NOT NULL DEFAULT '[]', "
                                          "synced_seq INTEGER NOT NULL DEFAULT 0)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (id, info, synced_seq) VALUES ('c_1', "
                                          "'{\"id\":\"c_1\",\"kind\":\"group\",\"title\":\"Design\",\"created_at\":1,"
                                          "\"last_seq\":4,\"unread\":0,\"delivered_seq\":0,\"read_seq\":0,\"role\":\"owner\","
                                          "\"archived\":false,\"muted\":false,\"member_count\":2}', 4)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        QCOMPARE(versionOf(path), 0);

        LocalCache cache;
        QString error;
        QVERIFY2(cache.open(path, &error), qPrintable(error));
        QCOMPARE(cache.conversations().size(), 1);
        QCOMPARE(cache.conversations().first().title, QStringLiteral("Design"));
        QCOMPARE(cache.syncedSeq(QStringLiteral("c_1")), 4);
        // The tables of the later steps are there.
        cache.saveDraft({QStringLiteral("c_1"), QStringLiteral("hello"), {QStringLiteral("file:///tmp/a b.png")}, {}}, 5);
        QCOMPARE(cache.drafts().size(), 1);
        cache.saveTimelineEvent(memberLeft(QStringLiteral("c_1"), 3));
        QCOMPARE(cache.timelineEvents(QStringLiteral("c_1"), 0, 10).size(), 1);
        cache.close();
        QCOMPARE(versionOf(path), cacheschema::kVersion);
    }

    void drafts()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QString error;
        QVERIFY2(cache.open(dir.filePath(QStringLiteral("c.sqlite")), &error), qPrintable(error));
        cache.saveDraft({QStringLiteral("c_1"), QStringLiteral("안녕 **there**"),
                         {QStringLiteral("/tmp/x.pdf"), QStringLiteral("file:///tmp/y.png")}, QStringLiteral("m_9")}, 1);
        cache.saveDraft({QStringLiteral("c_2"), QStringLiteral("other"), {}, {}}, 2);
        auto all = cache.drafts();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].conversationId, QStringLiteral("c_1"));
        QCOMPARE(all[0].text, QStringLiteral("안녕 **there**"));
        QCOMPARE(all[0].files, (QStringList{QStringLiteral("/tmp/x.pdf"), QStringLiteral("file:///tmp/y.png")}));
        QCOMPARE(all[0].replyTo, QStringLiteral("m_9"));
        // Replaced, then emptied: gone.
        cache.saveDraft({QStringLiteral("c_2"), QStringLiteral("changed"), {}, {}}, 3);
        QCOMPARE(cache.drafts()[1].text, QStringLiteral("changed"));
        cache.saveDraft({QStringLiteral("c_2"), {}, {}, {}}, 4);
        QCOMPARE(cache.drafts().size(), 1);
        // A conversation I left takes its draft with it.
        cache.removeConversation(QStringLiteral("c_1"));
        QVERIFY(cache.drafts().isEmpty());
    }

    void timelineEvents()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QString error;
        QVERIFY2(cache.open(dir.filePath(QStringLiteral("c.sqlite")), &error), qPrintable(error));
        for (qint64 seq : {2, 5, 9})
            cache.saveTimelineEvent(memberLeft(QStringLiteral("c_1"), seq));
        cache.saveTimelineEvent(memberLeft(QStringLiteral("c_2"), 5));
        const auto some = cache.timelineEvents(QStringLiteral("c_1"), 3, 9);
        QCOMPARE(some.size(), 2);
        QCOMPARE(some[0].seq, 5);
        QCOMPARE(some[1].seq, 9);
        QCOMPARE(some[0].member->name, QStringLiteral("Joon"));
        // A snapshot replaces the history: the events go with the messages.
        cache.clearMessages(QStringLiteral("c_1"));
        QVERIFY(cache.timelineEvents(QStringLiteral("c_1"), 0, 100).isEmpty());
        QCOMPARE(cache.timelineEvents(QStringLiteral("c_2"), 0, 100).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
