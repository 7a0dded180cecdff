// Avatars against a real server on SQLite and PostgreSQL: made from an upload's pixels alone (type
// from the bytes, the pixel cap, the centre square at each side), reaching conversation partners live
// and through sync, fetched only by whoever may see them, and removed.
#include "harness.h"
#include "imagebytes.h"

#include <QBuffer>
#include <QImage>

using namespace confab::protocol;
using namespace confab::test;

namespace {
const QByteArray kSecret = "Avatar Camera Owner Quillon";

AccountAvatar upload(const QByteArray &bytes)
{
    return AccountAvatar{QString::fromLatin1(bytes.toBase64()), std::nullopt};
}

QString directWith(TestClient &c, const QString &userId)
{
    const Frame reply = c.request(ConversationCreate{ConversationKind::Direct, {}, {userId}});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail ? detail->conversation.id : QString();
}

std::function<bool(const Frame &)> avatarOf(const QString &userId, const std::optional<QString> &avatar)
{
    return [userId, avatar](const Frame &f) {
        const auto *u = std::get_if<UserUpdated>(&f);
        return u && u->user.id == userId && u->user.avatar == avatar;
    };
}

std::optional<QString> memberAvatar(TestClient &c, const QString &conversationId, const QString &userId)
{
    const Frame reply = c.request(ConversationGet{conversationId});
    if (const auto *detail = std::get_if<ConversationDetail>(&reply)) {
        for (const MemberInfo &m : detail->members) {
            if (m.id == userId)
                return m.avatar;
        }
    }
    return std::nullopt;
}

QByteArray pngBomb()
{
    QByteArray ihdr = imagebytes::big32(20000) + imagebytes::big32(20000);
    ihdr += QByteArray::fromHex("0802000000");
    const QByteArray idat = qCompress(QByteArray(1000, '\0')).mid(4);
    return QByteArray::fromHex("89504e470d0a1a0a") + imagebytes::pngChunk("IHDR", ihdr) +
           imagebytes::pngChunk("IDAT", idat) + imagebytes::pngChunk("IEND", {});
}

QByteArray transparentPng()
{
    QImage image(60, 40, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

std::optional<ErrorCode> refusal(const Frame &reply, QString *field = nullptr)
{
    const auto *e = std::get_if<Error>(&reply);
    if (e && field)
        *field = e->field.value_or(QString());
    return e ? std::optional(e->code) : std::nullopt;
}
} // namespace

class TestAvatar : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    void avatarIsMadeFromPixelsAndReachesPartnersLive()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        auto sora = h.client(QStringLiteral("sora")); // shares nothing with Mina
        QVERIFY(mina && joon && sora);
        TestClient minaPhone;
        QVERIFY(minaPhone.open(h.server().url()) && minaPhone.signIn(QStringLiteral("mina")));
        const QString direct = directWith(*mina, joon->userId());
        QVERIFY(!direct.isEmpty());

        // A JPEG with EXIF, XMP, ICC, IPTC and a comment, 48×32: left half red, right half blue.
        const Frame reply = mina->request(upload(imagebytes::jpeg(kSecret)));
        const auto *set = std::get_if<AvatarSet>(&reply);
        QVERIFY2(set && set->avatar, qPrintable(TestClient::describe(reply)));
        const QString hash = *set->avatar;
        QCOMPARE(hash.size(), 64);

        // Live: the partner and my other device; not a stranger.
        QVERIFY(joon->waitForPushed(avatarOf(mina->userId(), hash)));
        QVERIFY(minaPhone.waitForPushed(avatarOf(mina->userId(), hash)));
        QVERIFY(std::holds_alternative<Conversations>(sora->request(ConversationList{})));
        QVERIFY(std::none_of(sora->pushed().begin(), sora->pushed().end(),
                             [](const Frame &f) { return std::holds_alternative<UserUpdated>(f); }));
        // Read afresh: the member, and my own sign-in.
        QCOMPARE(memberAvatar(*joon, direct, mina->userId()), std::optional(hash));
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("mina")));
        QCOMPARE(laptop.lastAuth().user.avatar, std::optional(hash));

        // Both sides, square, pixels only: the centre square keeps red on the left, blue on the right.
        for (const int side : {field::kAvatarSmallSide, field::kAvatarLargeSide}) {
            const Frame fetched = joon->request(AvatarFetch{hash, side});
            const auto *data = std::get_if<AvatarData>(&fetched);
            QVERIFY2(data, qPrintable(TestClient::describe(fetched)));
            QCOMPARE(data->side, qint64(side));
            QCOMPARE(data->mime, QStringLiteral("image/jpeg"));
            const QByteArray bytes = QByteArray::fromBase64(data->image.toLatin1());
            QVERIFY(!bytes.contains(kSecret));
            QVERIFY(!bytes.contains("Quillon"));
            const QByteArrayList segments = imagebytes::jpegSegments(bytes);
            for (const QByteArray &segment : segments) { // SOI, JFIF, tables, frame, scan: no APPn but APP0, no COM
                QVERIFY2(segment == "ffd8" || segment.startsWith("ffe0") || segment.startsWith("ffdb") ||
                             segment.startsWith("ffc") || segment.startsWith("ffdd") || segment == "ffda",
                         segment.constData());
            }
            const QImage image = QImage::fromData(bytes);
            QCOMPARE(image.size(), QSize(side, side));
            const QColor left = image.pixelColor(side / 8, side / 2), right = image.pixelColor(side - side / 8, side / 2);
            QVERIFY2(left.red() > 200 && left.blue() < 60, qPrintable(left.name()));
            QVERIFY2(right.blue() > 200 && right.red() < 60, qPrintable(right.name()));
        }
        // Smallest side at least the one asked for, else the largest.
        QCOMPARE(std::get<AvatarData>(joon->request(AvatarFetch{hash, 40})).side, qint64(field::kAvatarSmallSide));
        QCOMPARE(std::get<AvatarData>(joon->request(AvatarFetch{hash, 1024})).side, qint64(field::kAvatarLargeSide));
        // Mine to fetch too; a stranger's request reads as unknown.
        QVERIFY(std::holds_alternative<AvatarData>(mina->request(AvatarFetch{hash, 96})));
        QCOMPARE(refusal(sora->request(AvatarFetch{hash, 96})), std::optional(ErrorCode::NotFound));
        QCOMPARE(refusal(sora->request(AvatarFetch{QString(64, u'a'), 96})), std::optional(ErrorCode::NotFound));
    }

    void avatarReachesPartnersThroughSyncAndIsRemoved()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        auto joon = h.client(QStringLiteral("joon"));
        QVERIFY(mina && joon);
        const QString direct = directWith(*mina, joon->userId());
        QVERIFY(!direct.isEmpty());
        const qint64 seen = std::get<SyncResult>(joon->request(SyncRequest{{{direct, 1}}, 0})).serverTime;
        joon->close();

        const Frame reply = mina->request(upload(imagebytes::png(kSecret)));
        QVERIFY2(std::holds_alternative<AvatarSet>(reply), qPrintable(TestClient::describe(reply)));
        const QString hash = std::get<AvatarSet>(reply).avatar.value_or(QString());
        TestClient back;
        QVERIFY(back.open(h.server().url()) && back.signIn(QStringLiteral("joon")));
        const Frame after = back.request(SyncRequest{{{direct, 1}}, seen});
        const auto *result = std::get_if<SyncResult>(&after);
        QVERIFY2(result, qPrintable(TestClient::describe(after)));
        QCOMPARE(result->users.size(), 1);
        QCOMPARE(result->users.first().avatar, std::optional(hash));
        const Frame fetched = back.request(AvatarFetch{hash, 256});
        const auto *png = std::get_if<AvatarData>(&fetched);
        QVERIFY2(png, qPrintable(TestClient::describe(fetched)));
        QVERIFY(!QByteArray::fromBase64(png->image.toLatin1()).contains("Quillon"));

        // Removed: told live, gone from the member and from sign-in, and its pictures go with it.
        const Frame removed = mina->request(AccountAvatar{std::nullopt, true});
        QVERIFY2(std::holds_alternative<AvatarSet>(removed), qPrintable(TestClient::describe(removed)));
        QCOMPARE(std::get<AvatarSet>(removed).avatar, std::nullopt);
        QVERIFY(back.waitForPushed(avatarOf(mina->userId(), std::nullopt)));
        QCOMPARE(memberAvatar(back, direct, mina->userId()), std::nullopt);
        QCOMPARE(refusal(back.request(AvatarFetch{hash, 96})), std::optional(ErrorCode::NotFound));
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM avatars")).value(0).toInt(), 0);

        // The same picture twice, by two people: stored once, and one removing it leaves the other's.
        const QByteArray same = imagebytes::jpeg("plain");
        const QString a = std::get<AvatarSet>(mina->request(upload(same))).avatar.value_or(QString());
        const QString b = std::get<AvatarSet>(back.request(upload(same))).avatar.value_or(QString());
        QCOMPARE(a, b);
        QVERIFY(std::holds_alternative<AvatarSet>(mina->request(AccountAvatar{std::nullopt, true})));
        QVERIFY(std::holds_alternative<AvatarData>(back.request(AvatarFetch{b, 96})));
        QCOMPARE(h.database().firstColumn(QStringLiteral("SELECT COUNT(*) FROM avatars")).value(0).toInt(), 2);
    }

    void transparencyKeepsPng()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        const Frame reply = mina->request(upload(transparentPng()));
        QVERIFY2(std::holds_alternative<AvatarSet>(reply), qPrintable(TestClient::describe(reply)));
        const Frame fetched = mina->request(AvatarFetch{*std::get<AvatarSet>(reply).avatar, 96});
        const auto *data = std::get_if<AvatarData>(&fetched);
        QVERIFY2(data, qPrintable(TestClient::describe(fetched)));
        QCOMPARE(data->mime, QStringLiteral("image/png"));
        const QImage image = QImage::fromData(QByteArray::fromBase64(data->image.toLatin1()));
        QVERIFY(image.hasAlphaChannel());
        QCOMPARE(image.pixelColor(48, 48).alpha(), 0);
    }

    void refusals()
    {
        CONFAB_START_HARNESS(h, {});
        auto mina = h.client(QStringLiteral("mina"));
        QVERIFY(mina);
        QString field;
        QCOMPARE(refusal(mina->request(upload("just some text, not a picture")), &field), std::optional(ErrorCode::Invalid));
        QCOMPARE(field, QStringLiteral("image"));
        QCOMPARE(refusal(mina->request(upload(pngBomb())), &field), std::optional(ErrorCode::TooLarge));
        QCOMPARE(field, QStringLiteral("image"));
        QCOMPARE(refusal(mina->request(AccountAvatar{QStringLiteral("not base64 ☃"), std::nullopt})),
                 std::optional(ErrorCode::Invalid));
        QCOMPARE(refusal(mina->request(AccountAvatar{})), std::optional(ErrorCode::Invalid));
        QCOMPARE(refusal(mina->request(AccountAvatar{QStringLiteral("AAAA"), true})), std::optional(ErrorCode::Invalid));
        // Nothing was set by any of them.
        TestClient laptop;
        QVERIFY(laptop.open(h.server().url()) && laptop.signIn(QStringLiteral("mina")));
        QCOMPARE(laptop.lastAuth().user.avatar, std::nullopt);
        QVERIFY(mina->isConnected());
    }
};

QTEST_GUILESS_MAIN(TestAvatar)
#include "tst_avatar.moc"
