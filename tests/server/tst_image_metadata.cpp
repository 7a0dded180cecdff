// Image metadata (DESIGN.md invariant 8) against a real server on both databases: images that carry
// their author's name in every place beside the pixels (JPEG COM and APPn, PNG text chunks, eXIf,
// tIME and iCCP, WebP EXIF, XMP and ICCP, GIF comment, plain-text and application extensions) are
// uploaded into a blind room and a group; the stored file, the thumbnail and the preview that
// another member receives hold the pixels and neither the name nor the segment it was in.
#include "domain/gif.h"
#include "harness.h"
#include "imagebytes.h"
#include "transfers.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>

using namespace confab::protocol;
using namespace confab::test;

namespace {
const QByteArray kAuthor = "author: Zelda Quincy-Marsh <zelda7qm>";

struct Sample {
    QByteArray format;
    QString mime;
    QByteArray bytes;
};

QList<Sample> samples() {
    return {{"png", QStringLiteral("image/png"), imagebytes::png(kAuthor)},
            {"jpeg", QStringLiteral("image/jpeg"), imagebytes::jpeg(kAuthor)},
            {"webp", QStringLiteral("image/webp"), imagebytes::webp(kAuthor)},
            {"gif", QStringLiteral("image/gif"), imagebytes::gif(kAuthor)}};
}

//! The uploader's name or username in `bytes`, in any case, as Latin-1/UTF-8 or UTF-16 (ICC
//! descriptions are UTF-16); empty when there is none.
QByteArray nameIn(const QByteArray &bytes) {
    const QByteArray lower = bytes.toLower();
    for (const QByteArray &needle : {QByteArray("quincy"), QByteArray("zelda7qm")}) {
        QByteArray utf16be, utf16le;
        for (const char c : needle) {
            utf16be += QByteArray(1, '\0') + c;
            utf16le += c + QByteArray(1, '\0');
        }
        for (const QByteArray &form : {needle, utf16be, utf16le}) {
            if (lower.contains(form))
                return form;
        }
    }
    return {};
}

QByteArray formatOf(const QByteArray &bytes) {
    if (bytes.startsWith("\x89PNG"))
        return "png";
    if (bytes.startsWith("\xFF\xD8"))
        return "jpeg";
    if (bytes.startsWith("RIFF"))
        return "webp";
    if (bytes.startsWith("GIF8"))
        return "gif";
    return "unknown";
}

//! The segments of an image that are not pixels (or what an encoder always writes); empty when clean.
QByteArrayList metadataIn(const QByteArray &bytes) {
    const QByteArray format = formatOf(bytes);
    QByteArrayList found;
    if (format == "png") {
        static const QByteArrayList pixels{"IHDR", "PLTE", "tRNS", "pHYs", "IDAT", "IEND"};
        for (const QByteArray &chunk : imagebytes::pngChunks(bytes))
            if (!pixels.contains(chunk))
                found += chunk;
    } else if (format == "jpeg") {
        for (const QByteArray &segment : imagebytes::jpegSegments(bytes)) {
            // The encoder's own JFIF header (version and a fixed density) is the only APPn kept.
            const bool app = segment.startsWith("ffe") || segment == "fffe" || segment == "!";
            if (app && segment != "ffe0 JFIF")
                found += segment;
        }
    } else if (format == "webp") {
        static const QByteArrayList pixels{"VP8 ", "VP8L", "VP8X", "ALPH"};
        for (const QByteArray &chunk : imagebytes::webpChunks(bytes))
            if (!pixels.contains(chunk))
                found += chunk;
    } else if (format == "gif") {
        static const QByteArrayList pixels{"image", "gce", "app NETSCAPE2.0 3", "trailer"};
        for (const QByteArray &block : imagebytes::gifBlocks(bytes))
            if (!pixels.contains(block))
                found += block;
    } else {
        found += "not an image";
    }
    return found;
}

//! What is wrong with `bytes` as a clean copy of a built image (`what` names it); empty when clean.
QString problemsIn(const QByteArray &bytes, const QString &what) {
    if (const QByteArray name = nameIn(bytes); !name.isEmpty())
        return QStringLiteral("%1 holds the name (%2)").arg(what, QString::fromLatin1(name.toHex()));
    if (const QByteArrayList segments = metadataIn(bytes); !segments.isEmpty())
        return QStringLiteral("%1 holds %2").arg(what, QString::fromLatin1(segments.join(", ")));
    const QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return QStringLiteral("%1 does not decode").arg(what);
    const QRgb left = image.pixel(image.width() / 6, image.height() / 2);
    const QRgb right = image.pixel(image.width() * 5 / 6, image.height() / 2);
    if (qRed(left) < 200 || qBlue(left) > 60 || qBlue(right) < 200 || qRed(right) > 60)
        return QStringLiteral("%1 lost its pixels").arg(what);
    return {};
}

QString createRoom(TestClient &owner, const QString &member, ConversationKind kind) {
    const Frame reply = owner.request(ConversationCreate{kind, QStringLiteral("Pictures"), {member}});
    const auto *detail = std::get_if<ConversationDetail>(&reply);
    return detail ? detail->conversation.id : QString();
}

//! What another member receives of an attachment: the file, the thumbnail and the preview.
struct Received {
    QString error;
    QByteArray file;
    QByteArray thumbnail;
    QByteArray preview;
};

Received receive(TestClient &c, const QString &attachmentId) {
    Received out;
    const Fetched file = fetch(c, attachmentId);
    const Fetched thumbnail = fetch(c, attachmentId, true);
    const auto *data = std::get_if<AttachmentData>(&thumbnail.reply);
    if (!std::holds_alternative<AttachmentData>(file.reply) || !data || !data->attachment.preview) {
        out.error = TestClient::describe(file.reply) + u' ' + TestClient::describe(thumbnail.reply);
        return out;
    }
    out.file = file.bytes;
    out.thumbnail = thumbnail.bytes;
    out.preview = QByteArray::fromBase64(data->attachment.preview->toLatin1());
    return out;
}

//! Uploads `sample` as `uploader` and has `other` receive it; fails the test on any error.
std::optional<Received> share(TestClient &uploader, TestClient &other, const QString &room,
                              const Sample &sample) {
    const Frame done =
        upload(uploader, room, QStringLiteral("IMG_0001.") + QString::fromLatin1(sample.format), sample.bytes,
               sample.mime);
    const auto *info = std::get_if<AttachmentDone>(&done);
    if (!info) {
        qWarning("%s upload failed: %s", sample.format.constData(), qPrintable(TestClient::describe(done)));
        return std::nullopt;
    }
    Received received = receive(other, info->attachment.id);
    if (!received.error.isEmpty()) {
        qWarning("%s fetch failed: %s", sample.format.constData(), qPrintable(received.error));
        return std::nullopt;
    }
    if (info->attachment.width != imagebytes::kWidth || info->attachment.height != imagebytes::kHeight ||
        sha256Hex(received.file) != info->attachment.sha256) {
        qWarning("%s: wrong size or sha256 in %s", sample.format.constData(),
                 qPrintable(TestClient::describe(done)));
        return std::nullopt;
    }
    return received;
}
} // namespace

class TestImageMetadata : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { addBackendRows(); }

    //! The built images are what the test needs: decodable, and holding the name in every segment.
    void builtImagesCarryTheName() {
        QFETCH_GLOBAL(int, backend);
        Q_UNUSED(backend);
        const QHash<QByteArray, QByteArrayList> expected{
            {"png", {"iCCP", "tEXt", "zTXt", "iTXt", "eXIf", "tIME"}},
            {"jpeg", {"ffe1 Exif", "ffe1 http://ns.ad", "ffe2 ICC_PROFILE", "ffed Photoshop 3.", "fffe"}},
            {"webp", {"ICCP", "EXIF", "XMP "}},
            {"gif", {"app NETSCAPE2.0 3 37", "ext fe", "app XMP DataXMP 255 45", "ext 1", "after"}}};
        for (const Sample &sample : samples()) {
            QVERIFY2(!nameIn(sample.bytes).isEmpty(), sample.format.constData());
            QCOMPARE(metadataIn(sample.bytes), expected.value(sample.format));
            QBuffer buffer(const_cast<QByteArray *>(&sample.bytes));
            QImageReader reader(&buffer, sample.format);
            const QImage image = reader.read();
            QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(image.size(), QSize(imagebytes::kWidth, imagebytes::kHeight));
            if (sample.format == "png" || sample.format == "jpeg") // what made thumbnails leak
                QVERIFY(!nameIn(image.text().toUtf8()).isEmpty() ||
                        !nameIn(image.colorSpace().description().toUtf8()).isEmpty());
        }
        // Both animation frames decode, and the loop survives the reader.
        const QByteArray gif = imagebytes::gif(kAuthor);
        QBuffer buffer(const_cast<QByteArray *>(&gif));
        QImageReader reader(&buffer, "gif");
        QCOMPARE(reader.imageCount(), 2);
    }

    void noNameReachesAnotherMember() {
        CONFAB_START_HARNESS(h, {});
        auto zelda = h.client(QStringLiteral("zelda7qm"));
        auto bram = h.client(QStringLiteral("bram"));
        QVERIFY(zelda && bram);
        const QString blind = createRoom(*zelda, bram->userId(), ConversationKind::Blind);
        const QString group = createRoom(*zelda, bram->userId(), ConversationKind::Group);
        QVERIFY(!blind.isEmpty() && !group.isEmpty());
        for (const QString &room : {blind, group}) {
            for (const Sample &sample : samples()) {
                const auto received = share(*zelda, *bram, room, sample);
                QVERIFY(received);
                const QString what = QString::fromLatin1(sample.format) +
                                     (room == blind ? QStringLiteral(" in the blind room: ")
                                                    : QStringLiteral(" in the group: "));
                const QString file = problemsIn(received->file, what + QStringLiteral("the file"));
                QVERIFY2(file.isEmpty(), qPrintable(file));
                QCOMPARE(formatOf(received->file), sample.format); // stored as the type it was
                const QString thumbnail =
                    problemsIn(received->thumbnail, what + QStringLiteral("the thumbnail"));
                QVERIFY2(thumbnail.isEmpty(), qPrintable(thumbnail));
                const QString preview = problemsIn(received->preview, what + QStringLiteral("the preview"));
                QVERIFY2(preview.isEmpty(), qPrintable(preview));
            }
        }
    }

    //! A GIF keeps its frames and its loop; a GIF cut short keeps the whole frames before the cut.
    void gifKeepsItsAnimation() {
        CONFAB_START_HARNESS(h, {});
        auto zelda = h.client(QStringLiteral("zelda7qm"));
        auto bram = h.client(QStringLiteral("bram"));
        QVERIFY(zelda && bram);
        const QString blind = createRoom(*zelda, bram->userId(), ConversationKind::Blind);
        QVERIFY(!blind.isEmpty());
        const QByteArray gif = imagebytes::gif(kAuthor);
        const auto whole = share(*zelda, *bram, blind, {"gif", QStringLiteral("image/gif"), gif});
        QVERIFY(whole);
        QCOMPARE(imagebytes::gifBlocks(whole->file),
                 (QByteArrayList{"app NETSCAPE2.0 3", "gce", "image", "gce", "image", "trailer"}));
        QBuffer buffer(const_cast<QByteArray *>(&whole->file));
        QImageReader reader(&buffer, "gif");
        QCOMPARE(reader.imageCount(), 2);
        QCOMPARE(reader.loopCount(), -1); // for ever, as uploaded
        QImage first = reader.read();
        QImage second = reader.read();
        QCOMPARE(qRed(first.pixel(4, 4)), 255);
        QCOMPARE(qBlue(second.pixel(4, 4)), 255); // the second frame is the first one mirrored
        QCOMPARE(reader.nextImageDelay(), 100);

        // Cut inside the second frame's data: the first frame is kept, ended properly.
        const QByteArray cut = gif.left(gif.size() - kAuthor.size() - 40);
        const auto shortened = share(*zelda, *bram, blind, {"gif", QStringLiteral("image/gif"), cut});
        QVERIFY(shortened);
        QCOMPARE(imagebytes::gifBlocks(shortened->file),
                 (QByteArrayList{"app NETSCAPE2.0 3", "gce", "image", "trailer"}));
    }

    //! The GIF rewriter on hostile input, in process: what it refuses and where it cuts.
    void gifRewriterEdges() {
        using confab::server::images::stripGif;
        const QByteArray gif = imagebytes::gif(kAuthor);
        QVERIFY(!stripGif("GIF89a", 1000).error.isEmpty());
        QVERIFY(!stripGif("PNG", 1000).error.isEmpty());
        QVERIFY(!stripGif(gif.left(13), 1000).error.isEmpty());  // the colour table is cut off
        QVERIFY(!stripGif(gif.left(300), 1000).error.isEmpty()); // no whole frame
        QVERIFY(!stripGif(gif, 48 * 32 - 1).error.isEmpty());    // a frame over the pixel limit
        QCOMPARE(stripGif(gif, 48 * 32).frames, 2);
        // Garbage where a block should start: the frames before it stay, and a trailer ends them.
        const qsizetype secondFrame = gif.lastIndexOf(QByteArray("\x21\xF9\x04", 3));
        const auto cut = stripGif(QByteArray(gif.left(secondFrame) + "\x99garbage" + kAuthor), 48 * 32);
        QCOMPARE(cut.frames, 1);
        QCOMPARE(imagebytes::gifBlocks(cut.bytes),
                 (QByteArrayList{"app NETSCAPE2.0 3", "gce", "image", "trailer"}));
        QVERIFY(nameIn(cut.bytes).isEmpty());
    }

    //! With strip_metadata off a group keeps the uploaded file, but never in thumbnails or previews.
    void thumbnailsAreCleanWhenFilesAreKept() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/strip_metadata"), QStringLiteral("false")}});
        auto zelda = h.client(QStringLiteral("zelda7qm"));
        auto bram = h.client(QStringLiteral("bram"));
        QVERIFY(zelda && bram);
        const QString group = createRoom(*zelda, bram->userId(), ConversationKind::Group);
        const QString blind = createRoom(*zelda, bram->userId(), ConversationKind::Blind);
        QVERIFY(!group.isEmpty() && !blind.isEmpty());
        for (const Sample &sample : samples()) {
            const auto kept = share(*zelda, *bram, group, sample);
            QVERIFY(kept);
            QCOMPARE(kept->file, sample.bytes);
            const QString thumbnail = problemsIn(kept->thumbnail, QString::fromLatin1(sample.format) +
                                                                      QStringLiteral(" thumbnail"));
            QVERIFY2(thumbnail.isEmpty(), qPrintable(thumbnail));
            const QString preview =
                problemsIn(kept->preview, QString::fromLatin1(sample.format) + QStringLiteral(" preview"));
            QVERIFY2(preview.isEmpty(), qPrintable(preview));
            // Blind rooms strip whatever the setting says.
            const auto stripped = share(*zelda, *bram, blind, sample);
            QVERIFY(stripped);
            const QString file = problemsIn(stripped->file, QString::fromLatin1(sample.format) +
                                                                QStringLiteral(" blind file"));
            QVERIFY2(file.isEmpty(), qPrintable(file));
        }
    }

    //! An image type the server cannot write again is refused where metadata must go.
    void unstrippableImagesAreRefused() {
        CONFAB_START_HARNESS(h, {{QStringLiteral("attachments/allowed_types"), QStringLiteral("image/*")}});
        auto zelda = h.client(QStringLiteral("zelda7qm"));
        auto bram = h.client(QStringLiteral("bram"));
        QVERIFY(zelda && bram);
        const QString group = createRoom(*zelda, bram->userId(), ConversationKind::Group);
        QVERIFY(!group.isEmpty());
        QByteArray bmp;
        QBuffer buffer(&bmp);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(QImage(8, 8, QImage::Format_RGB32).save(&buffer, "BMP"));
        const Frame refused =
            upload(*zelda, group, QStringLiteral("a.bmp"), bmp, QStringLiteral("image/bmp"));
        QVERIFY2(TestClient::isError(refused, ErrorCode::Invalid), qPrintable(TestClient::describe(refused)));
        QCOMPARE(std::get<Error>(refused).field, QStringLiteral("mime"));
        const Frame png = upload(*zelda, group, QStringLiteral("a.png"), imagebytes::png(kAuthor),
                                 QStringLiteral("image/png"));
        QVERIFY2(std::holds_alternative<AttachmentDone>(png), qPrintable(TestClient::describe(png)));
    }
};

QTEST_GUILESS_MAIN(TestImageMetadata)
#include "tst_image_metadata.moc"
