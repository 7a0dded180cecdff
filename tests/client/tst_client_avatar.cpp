// Avatars through the client library, with two installations against a real server (SQLite and
// PostgreSQL): a picture chosen on one reaches the other live, is fetched once and kept on disk by
// its hash, reaches it after a restart through sync, and goes when it is removed.
#include "chatclient.h"
#include "harness.h"
#include "tokenstore.h"

#include <QImage>
#include <algorithm>
#include <QImageReader>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace confab::client;
using namespace confab::protocol;
using namespace confab::test;

namespace {
const QString kPassword = QStringLiteral("correct horse 1");
using State = ChatClient::ConnectionState;

std::optional<MemberInfo> memberIn(ChatClient *client, const QString &conversationId, const QString &userId)
{
    for (const MemberInfo &m : client->state().members(conversationId)) {
        if (m.id == userId)
            return m;
    }
    return std::nullopt;
}

QString memberAvatar(MemberListModel *members, const QString &memberId)
{
    for (int row = 0; row < members->rowCount(); ++row) {
        const QModelIndex index = members->index(row);
        if (members->data(index, MemberListModel::MemberIdRole).toString() == memberId)
            return members->data(index, MemberListModel::AvatarRole).toString();
    }
    return QStringLiteral("-");
}

//! A photo-like picture: wider than tall, a colour per half, noise so that it does not compress away,
//! and a text beside its pixels that must not travel.
QString writePicture(const QString &dir, const QString &name, QColor left, QColor right, int width = 1600, int height = 1000)
{
    QImage image(width, height, QImage::Format_RGB32);
    auto *random = QRandomGenerator::global();
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const QColor base = x < width / 2 ? left : right;
            const int n = int(random->bounded(24)) - 12;
            line[x] = qRgb(std::clamp(base.red() + n, 0, 255), std::clamp(base.green() + n, 0, 255),
                           std::clamp(base.blue() + n, 0, 255));
        }
    }
    image.setText(QStringLiteral("Author"), QStringLiteral("Quillon Featherby"));
    const QString path = dir + u'/' + name;
    return image.save(path, "JPEG", 95) ? path : QString();
}

struct Installation {
    QTemporaryDir dir;
    KeychainTokenStore tokens;
    std::unique_ptr<ChatClient> client;
    explicit Installation(const QString &service) : tokens(service) { restart(); }
    void restart()
    {
        client = std::make_unique<ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
    }
    ChatClient *operator->() { return client.get(); }
    bool online() const { return client->connectionState() == State::Online; }
};
} // namespace

class TestClientAvatar : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! What the client sends: the centre square, at most 512 px, small enough for one frame (no server
    //! involved: the same on both rows).
    void preparedPictureFitsOneFrame()
    {
        QTemporaryDir dir;
        const QString path = writePicture(dir.path(), QStringLiteral("big.jpg"), Qt::red, Qt::blue, 3000, 2000);
        QVERIFY(!path.isEmpty());
        QString error;
        const qint64 maxBytes = Limits{}.maxFrameBytes - 512;
        const QByteArray bytes = Avatars::prepare(path, maxBytes, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QVERIFY(bytes.toBase64().size() <= maxBytes);
        const QImage image = QImage::fromData(bytes);
        QCOMPARE(image.width(), image.height());
        QVERIFY(image.width() <= 512 && image.width() >= 64);
        QVERIFY(!bytes.contains("Quillon"));
        QVERIFY(Avatars::prepare(dir.path() + QStringLiteral("/missing.png"), maxBytes, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void avatarReachesTheOtherLiveAndAfterARestart()
    {
        CONFAB_START_HARNESS(h, {});
        QTemporaryDir pictures;
        Installation mina(QStringLiteral("Confab-test-mina")), joon(QStringLiteral("Confab-test-joon"));
        mina->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kPassword);
        joon->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(mina.online() && joon.online(), 20000);
        QSignalSpy ready(mina.client.get(), &ChatClient::conversationReady);
        mina->startDirect(QStringLiteral("joon"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        const QString direct = ready.first().first().toString();
        QTRY_VERIFY_WITH_TIMEOUT(joon->state().conversation(direct).has_value(), 15000);
        const QString minaId = mina->userId();
        Avatars *mine = mina->avatars();
        QCOMPARE(mine->mine(), QString());

        // Mina chooses a photo: it is scaled, sent and becomes hers.
        QSignalSpy changed(mine, &Avatars::changed);
        mine->choose(QUrl::fromLocalFile(writePicture(pictures.path(), QStringLiteral("me.jpg"), Qt::red, Qt::blue)));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 15000);
        const QString first = mine->mine();
        QCOMPARE(first.size(), 64);
        QVERIFY(mine->error().isEmpty());

        // Live: Joon's member list and his direct chat show it; the picture is fetched once and kept.
        QTRY_COMPARE_WITH_TIMEOUT(memberIn(joon.client.get(), direct, minaId).value_or(MemberInfo{}).avatar,
                                  std::optional(first), 15000);
        joon->openConversation(direct);
        QTRY_COMPARE_WITH_TIMEOUT(memberAvatar(joon->members(), minaId), first, 15000);
        Avatars *seen = joon->avatars();
        QSignalSpy arrived(seen, &Avatars::picturesChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!seen->memberSource(minaId, 80).isEmpty(), 15000);
        const QString file = seen->memberSource(minaId, 80).toLocalFile();
        QVERIFY2(file.contains(first), qPrintable(file));
        QCOMPARE(seen->conversationSource(direct, 80), QUrl::fromLocalFile(file));
        const QImage small(file);
        QCOMPARE(small.size(), QSize(Avatars::smallSide(), Avatars::smallSide()));
        QCOMPARE(small.pixelColor(0, 0).alpha(), 0); // cut to a circle
        QVERIFY(small.pixelColor(20, 48).red() > 180);   // the centre square: red on the left…
        QVERIFY(small.pixelColor(76, 48).blue() > 180);  // …blue on the right
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY(!stored.readAll().contains("Quillon"));
        // The large one too; meanwhile the small one stands in.
        QCOMPARE(seen->source(first, 200), QUrl::fromLocalFile(file));
        QTRY_VERIFY_WITH_TIMEOUT(seen->source(first, 200).toLocalFile().endsWith(QStringLiteral("-256.png")), 15000);
        QCOMPARE(QImage(seen->source(first, 200).toLocalFile()).width(), Avatars::largeSide());

        // Away: Joon's app is closed while Mina picks another picture; it learns it when it comes back.
        joon.client.reset();
        mine->choose(QUrl::fromLocalFile(writePicture(pictures.path(), QStringLiteral("me2.jpg"), Qt::darkGreen, Qt::yellow)));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 15000);
        const QString second = mine->mine();
        QVERIFY(second != first);
        joon.restart();
        QSignalSpy synced(joon.client.get(), &ChatClient::synced);
        joon->resume(h.server().url(), QStringLiteral("joon"));
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000);
        QCOMPARE(memberIn(joon.client.get(), direct, minaId).value_or(MemberInfo{}).avatar, std::optional(second));
        QTRY_VERIFY_WITH_TIMEOUT(!joon->avatars()->conversationSource(direct, 80).isEmpty(), 15000);
        QVERIFY(joon->avatars()->conversationSource(direct, 80).toLocalFile().contains(second));
        // The first picture stayed on disk, by its hash: nothing needs fetching to show it again.
        QVERIFY(QFile::exists(file));

        // Mina's other installation would learn it at sign-in; her own app shows her picture too.
        QTRY_VERIFY_WITH_TIMEOUT(!mine->source(second, 80).isEmpty(), 15000);

        // Removed: gone live from Joon's view of her.
        mine->remove();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, 15000);
        QCOMPARE(mine->mine(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!memberIn(joon.client.get(), direct, minaId).value_or(MemberInfo{}).avatar.has_value(), 15000);
        QVERIFY(joon->avatars()->conversationSource(direct, 80).isEmpty());

        // A file that is no picture is refused here, before anything is sent.
        QSignalSpy failed(mine, &Avatars::failed);
        QFile text(pictures.path() + QStringLiteral("/notes.png"));
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not a picture") > 0);
        text.close();
        mine->choose(QUrl::fromLocalFile(text.fileName()));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!mine->error().isEmpty());
        mina->signOut();
        joon->signOut();
    }
};

QTEST_MAIN(TestClientAvatar)
#include "tst_client_avatar.moc"
