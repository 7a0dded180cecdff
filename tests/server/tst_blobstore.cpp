// The attachment stores (storage/blobstore.h): one suite run against the folder on disk and against
// the database store on SQLite and on PostgreSQL, so that both behave the same to the service.
#include "harness.h"
#include "storeconnection.h"
#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

using namespace confab::server;
using namespace confab::test;

namespace {
enum class Store { Disk, DatabaseSqlite, DatabasePostgres };

QByteArray randomBytes(qint64 size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (qint64 i = 0; i < size; ++i)
        out[i] = char(gen.bounded(256));
    return out;
}

QString shaOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestBlobStore : public QObject {
    Q_OBJECT

    //! What one test row runs on: a fresh store (and its database when it has one).
    struct Fixture {
        std::unique_ptr<TestDatabase> database;
        std::unique_ptr<Database> db;
        QTemporaryDir folder;
        std::unique_ptr<BlobStore> store;
    };

    std::unique_ptr<Fixture> make(Store kind, QString *error)
    {
        auto f = std::make_unique<Fixture>();
        if (kind == Store::Disk) {
            f->store = std::make_unique<DiskBlobStore>(f->folder.path());
            return f;
        }
        f->database = std::make_unique<TestDatabase>(kind == Store::DatabasePostgres ? TestDatabase::Kind::PostgreSQL
                                                                                      : TestDatabase::Kind::SQLite);
        if (!f->database->isValid()) {
            *error = f->database->errorString();
            return nullptr;
        }
        f->db = openStore(*f->database, error);
        if (!f->db || !Migrations(*f->db).migrate(error))
            return nullptr;
        f->store = std::make_unique<DatabaseBlobStore>(*f->db);
        return f;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<int>("store");
        QTest::newRow("disk") << int(Store::Disk);
        QTest::newRow("database-sqlite") << int(Store::DatabaseSqlite);
        QTest::newRow("database-postgresql") << int(Store::DatabasePostgres);
    }

    void storesAndReadsRanges()
    {
        QFETCH_GLOBAL(int, store);
        QString error;
        auto f = make(Store(store), &error);
        QVERIFY2(f, qPrintable(error));
        BlobStore &blobs = *f->store;
        // Over two database chunks and a bit, so that ranges cross chunk boundaries.
        const QByteArray bytes = randomBytes(2 * DatabaseBlobStore::kChunkBytes + 12345);
        const BlobKey key{BlobKind::File, shaOf(bytes)};
        QCOMPARE(blobs.size(key), -1);
        QVERIFY(blobs.read(key, 0, 100).isEmpty());
        QVERIFY(blobs.put(key, bytes));
        QCOMPARE(blobs.size(key), bytes.size());
        QCOMPARE(blobs.read(key, 0, bytes.size()), bytes);
        const qint64 c = DatabaseBlobStore::kChunkBytes;
        QCOMPARE(blobs.read(key, 10, 20), bytes.mid(10, 20));
        QCOMPARE(blobs.read(key, c - 7, 14), bytes.mid(c - 7, 14));
        QCOMPARE(blobs.read(key, c, c), bytes.mid(c, c));
        QCOMPARE(blobs.read(key, bytes.size() - 5, 100), bytes.right(5)); // fewer at the end
        QVERIFY(blobs.read(key, bytes.size(), 10).isEmpty());             // none past it
        // An empty blob is stored, and is not a missing one.
        const BlobKey empty{BlobKind::File, shaOf({})};
        QVERIFY(blobs.put(empty, {}));
        QCOMPARE(blobs.size(empty), 0);
    }

    void kindsAreKeptApart()
    {
        QFETCH_GLOBAL(int, store);
        QString error;
        auto f = make(Store(store), &error);
        QVERIFY2(f, qPrintable(error));
        const QString sha = shaOf("the original");
        QVERIFY(f->store->put({BlobKind::File, sha}, "the original"));
        QVERIFY(f->store->put({BlobKind::Thumbnail, sha}, "thumb"));
        QVERIFY(f->store->put({BlobKind::Preview, sha}, "tiny"));
        QCOMPARE(f->store->read({BlobKind::File, sha}, 0, 100), QByteArray("the original"));
        QCOMPARE(f->store->read({BlobKind::Thumbnail, sha}, 0, 100), QByteArray("thumb"));
        QCOMPARE(f->store->read({BlobKind::Preview, sha}, 0, 100), QByteArray("tiny"));
        f->store->remove({BlobKind::Thumbnail, sha});
        QCOMPARE(f->store->size({BlobKind::Thumbnail, sha}), -1);
        QCOMPARE(f->store->size({BlobKind::File, sha}), 12);
    }

    void takeFileStoresOnceAndRemovesTheFile()
    {
        QFETCH_GLOBAL(int, store);
        QString error;
        auto f = make(Store(store), &error);
        QVERIFY2(f, qPrintable(error));
        QTemporaryDir tmp;
        const QByteArray bytes = randomBytes(300 * 1024);
        const BlobKey key{BlobKind::File, shaOf(bytes)};
        const auto writeFile = [&](const QString &name, const QByteArray &content) {
            QFile file(tmp.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() ? file.fileName() : QString();
        };
        const QString first = writeFile(QStringLiteral("first"), bytes);
        QVERIFY(!first.isEmpty());
        QVERIFY(f->store->takeFile(key, first));
        QVERIFY(!QFile::exists(first));
        QCOMPARE(f->store->read(key, 0, bytes.size()), bytes);
        // The same key again: the stored bytes stay, the new file goes.
        const QString again = writeFile(QStringLiteral("again"), bytes);
        QVERIFY(f->store->takeFile(key, again));
        QVERIFY(!QFile::exists(again));
        QCOMPARE(f->store->size(key), bytes.size());
    }

    void onlyHashesAreKeys()
    {
        QFETCH_GLOBAL(int, store);
        QString error;
        auto f = make(Store(store), &error);
        QVERIFY2(f, qPrintable(error));
        for (const QString &bad : {QStringLiteral("../../etc/passwd"), QStringLiteral("ABC"), QString(64, u'G'), QString()}) {
            QVERIFY2(!f->store->put({BlobKind::File, bad}, "x"), qPrintable(bad));
            QCOMPARE(f->store->size({BlobKind::File, bad}), -1);
        }
    }

    void workerThreadsHaveConnectionsOfTheirOwn()
    {
        // Image work runs on worker threads; what a worker stores through its own store (and, for the
        // database, its own connection) is there for the service's thread at once.
        QFETCH_GLOBAL(int, store);
        QString error;
        auto f = make(Store(store), &error);
        QVERIFY2(f, qPrintable(error));
        const QString choice = Store(store) == Store::Disk ? QStringLiteral("disk") : QStringLiteral("database");
        BlobStoreFactory factory = Store(store) == Store::Disk
                                       ? BlobStoreFactory([&] { return std::unique_ptr<BlobStore>(new DiskBlobStore(f->folder.path())); })
                                       : blobStoreFactory(choice, *f->db, f->folder.path());
        const QByteArray bytes = randomBytes(70 * 1024);
        bool stored = false;
        QThread *worker = QThread::create([&] {
            const std::unique_ptr<BlobStore> own = factory();
            stored = own && own->put({BlobKind::File, shaOf(bytes)}, bytes);
        });
        worker->start();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY(stored);
        QCOMPARE(f->store->read({BlobKind::File, shaOf(bytes)}, 0, bytes.size()), bytes);
    }

    void databaseStoreStillReadsTheFolder()
    {
        // A server on PostgreSQL that kept its files on disk before: they stay readable, new ones go
        // into the database.
        QFETCH_GLOBAL(int, store);
        if (Store(store) == Store::Disk)
            return; // the layering is the database store's
        QString error;
        auto f = make(Store(store), &error);
        QVERIFY2(f, qPrintable(error));
        DiskBlobStore disk(f->folder.path());
        const QByteArray old = "stored before the switch";
        QVERIFY(disk.put({BlobKind::File, shaOf(old)}, old));
        const std::unique_ptr<BlobStore> layered = openBlobStore(QStringLiteral("database"), *f->db, f->folder.path());
        QCOMPARE(layered->read({BlobKind::File, shaOf(old)}, 0, 100), old);
        const QByteArray fresh = "stored after it";
        QVERIFY(layered->put({BlobKind::File, shaOf(fresh)}, fresh));
        QCOMPARE(disk.size({BlobKind::File, shaOf(fresh)}), -1);
        QCOMPARE(f->store->read({BlobKind::File, shaOf(fresh)}, 0, 100), fresh);
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
