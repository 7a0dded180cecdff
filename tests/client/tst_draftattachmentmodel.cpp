// The composer's tray of files waiting to be sent, without a server: adding, duplicates, the
// limit, removing, what sending and the draft take; every change under QAbstractItemModelTester.
#include "draftattachmentmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using confab::client::DraftAttachmentModel;

namespace {
QVariantMap described(const QString &name, const QString &error = {})
{
    const QString path = u"/tmp/"_qs + name;
    const QString url = u"file://"_qs + path;
    return {{u"path"_qs, path},
            {u"url"_qs, url},
            {u"name"_qs, name},
            {u"sizeText"_qs, u"12 KB"_qs},
            {u"mime"_qs, name.endsWith(u".png"_qs) ? u"image/png"_qs : u"text/plain"_qs},
            {u"image"_qs, name.endsWith(u".png"_qs)},
            {u"error"_qs, error}};
}
} // namespace

class TestDraftAttachmentModel : public QObject {
    Q_OBJECT
private slots:
    void rolesAndNames()
    {
        DraftAttachmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto roles = model.roleNames();
        QCOMPARE(roles.value(DraftAttachmentModel::PathRole), QByteArray("path"));
        QCOMPARE(roles.value(DraftAttachmentModel::ErrorRole), QByteArray("error"));
        QCOMPARE(int(DraftAttachmentModel::PathRole), Qt::UserRole + 1);
        QVERIFY(model.add(described(u"sketch.png"_qs)));
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(DraftAttachmentModel::PathRole).toString(), u"/tmp/sketch.png"_qs);
        QCOMPARE(i.data(DraftAttachmentModel::UrlRole).toString(), u"file:///tmp/sketch.png"_qs);
        QCOMPARE(i.data(DraftAttachmentModel::NameRole).toString(), u"sketch.png"_qs);
        QCOMPARE(i.data(DraftAttachmentModel::SizeTextRole).toString(), u"12 KB"_qs);
        QCOMPARE(i.data(DraftAttachmentModel::MimeRole).toString(), u"image/png"_qs);
        QCOMPARE(i.data(DraftAttachmentModel::ImageRole).toBool(), true);
        QCOMPARE(i.data(DraftAttachmentModel::ErrorRole).toString(), QString());
        QCOMPARE(model.get(0).value(u"name"_qs).toString(), u"sketch.png"_qs);
        QVERIFY(model.get(1).isEmpty());
    }

    // Without a description (no client to ask), the URL is the path and its end the name.
    void nameFromTheUrl()
    {
        DraftAttachmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.add({{u"url"_qs, u"file:///tmp/b%20c.pdf"_qs}}));
        QCOMPARE(model.get(0).value(u"name"_qs).toString(), u"b c.pdf"_qs);
        QCOMPARE(model.get(0).value(u"path"_qs).toString(), u"file:///tmp/b%20c.pdf"_qs);
        QCOMPARE(model.sendablePaths(), QStringList{u"file:///tmp/b%20c.pdf"_qs});
        QVERIFY(!model.add({}));
        QCOMPARE(model.rowCount(), 1);
    }

    void duplicatesAndTheLimit()
    {
        DraftAttachmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &DraftAttachmentModel::countChanged);
        model.setLimit(3);
        QVERIFY(model.add(described(u"a.txt"_qs)));
        QVERIFY(!model.add(described(u"a.txt"_qs)));
        // The same file by its path or by its URL is the same file.
        QVERIFY(model.contains(u"/tmp/a.txt"_qs));
        QVERIFY(model.contains(u"file:///tmp/a.txt"_qs));
        QVERIFY(!model.add({{u"path"_qs, u"/tmp/a.txt"_qs}}));
        QVERIFY(model.add(described(u"b.txt"_qs)));
        QVERIFY(!model.full());
        QVERIFY(model.add(described(u"c.txt"_qs)));
        QVERIFY(model.full());
        QVERIFY(!model.add(described(u"d.txt"_qs)));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.property("count").toInt(), 3);
        // A lower limit keeps what is there; it stops new files only.
        model.setLimit(2);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.add(described(u"d.txt"_qs)));
        QVERIFY(counts.count() >= 3);
    }

    void removeAndClear()
    {
        DraftAttachmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &name : {u"a.txt"_qs, u"b.txt"_qs, u"c.txt"_qs})
            QVERIFY(model.add(described(name)));
        model.remove(1);
        QCOMPARE(model.sources(), (QStringList{u"file:///tmp/a.txt"_qs, u"file:///tmp/c.txt"_qs}));
        model.remove(-1);
        model.remove(5);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy counts(&model, &DraftAttachmentModel::countChanged);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(counts.count(), 1);
        model.clear(); // already empty: no change to report
        QCOMPARE(counts.count(), 1);
        QVERIFY(model.sources().isEmpty());
    }

    // A file that cannot go (empty, too large) stays in the tray with its reason; sending skips it.
    void sendingTakesTheSendableFiles()
    {
        DraftAttachmentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.add(described(u"a.txt"_qs)));
        QVERIFY(model.add(described(u"big.iso"_qs, u"big.iso is larger than 10 MB"_qs)));
        QVERIFY(model.add(described(u"c.png"_qs)));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.sendableCount(), 2);
        QCOMPARE(model.sendablePaths(), (QStringList{u"/tmp/a.txt"_qs, u"/tmp/c.png"_qs}));
        QCOMPARE(model.sources().size(), 3);
        QCOMPARE(model.index(1).data(DraftAttachmentModel::ErrorRole).toString(), u"big.iso is larger than 10 MB"_qs);
    }
};

QTEST_GUILESS_MAIN(TestDraftAttachmentModel)
#include "tst_draftattachmentmodel.moc"
