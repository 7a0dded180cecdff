// Fuzz target (c): the server's image pipeline, as storeUpload runs it on an uploaded file: the type
// from the content, the size check from the header, decode, strip, thumbnail and preview; and the
// GIF block rewriter on every input, whatever its type. Checked: nothing crashes, hangs or trips a
// sanitizer; nothing past the pixel cap is accepted; what is made decodes within its limits and
// holds no segment beside the pixels; the GIF rewriter's output is its own fixed point.
#include "domain/gif.h"
#include "domain/images.h"
#include "imagebytes.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace confab::server::images;
namespace imagebytes = confab::test::imagebytes;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &detail = {}) {
    std::fprintf(stderr, "fuzz_images: %s %s\n", what, detail.constData());
    std::abort();
}

void quiet(QtMsgType type, const QMessageLogContext &, const QString &message) {
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "fatal: %s\n", qPrintable(message));
        std::abort();
    }
}

QSize decodedSize(const QByteArray &bytes, const char *format) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return QImageReader(&buffer, format).read().size();
}

//! Made images hold only pixels and what the encoders always write (see tst_image_metadata).
void checkClean(const QByteArray &bytes, const char *what) {
    QByteArrayList extra;
    if (bytes.startsWith("\x89PNG")) {
        for (const QByteArray &chunk : imagebytes::pngChunks(bytes))
            if (!QByteArrayList{"IHDR", "PLTE", "tRNS", "pHYs", "IDAT", "IEND"}.contains(chunk))
                extra += chunk;
    } else if (bytes.startsWith("\xFF\xD8")) {
        for (const QByteArray &segment : imagebytes::jpegSegments(bytes))
            if ((segment.startsWith("ffe") || segment == "fffe" || segment == "!") && segment != "ffe0 JFIF")
                extra += segment;
    } else if (bytes.startsWith("RIFF")) {
        for (const QByteArray &chunk : imagebytes::webpChunks(bytes))
            if (!QByteArrayList{"VP8 ", "VP8L", "VP8X", "ALPH"}.contains(chunk))
                extra += chunk;
    } else if (bytes.startsWith("GIF8")) {
        for (const QByteArray &block : imagebytes::gifBlocks(bytes))
            if (!QByteArrayList{"image", "gce", "app NETSCAPE2.0 3", "trailer"}.contains(block))
                extra += block;
    } else {
        extra += "unknown format";
    }
    if (!extra.isEmpty())
        fail(what, extra.join(','));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_images";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = [] {
        qInstallMessageHandler(quiet); // corrupt images make Qt's readers warn on every input
        return new QCoreApplication(argc, argv);
    }();
    Q_UNUSED(app);
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const CleanGif gif = stripGif(bytes, kMaxPixels);
    if (!gif.bytes.isEmpty()) {
        const CleanGif again = stripGif(gif.bytes, kMaxPixels);
        if (again.bytes != gif.bytes || again.frames != gif.frames)
            fail("stripGif is not its own fixed point");
        checkClean(gif.bytes, "stripGif kept");
    }

    const QByteArray format = formatFor(QMimeDatabase().mimeTypeForData(bytes).name());
    if (format.isEmpty())
        return 0;
    const Processed out = process(bytes, format, true);
    if (!out.ok)
        return 0;
    if (out.width <= 0 || out.height <= 0 || out.width * out.height > kMaxPixels)
        fail("accepted an image past the pixel cap");
    const QSize thumbnail = decodedSize(out.thumbnail, nullptr);
    if (thumbnail.isEmpty() || thumbnail.width() > kThumbnailSide || thumbnail.height() > kThumbnailSide)
        fail("thumbnail out of bounds");
    const QSize preview = decodedSize(out.preview, "png");
    if (preview.isEmpty() || preview.width() > kPreviewSide || preview.height() > kPreviewSide)
        fail("preview out of bounds");
    checkClean(out.thumbnail, "thumbnail kept");
    checkClean(out.preview, "preview kept");
    checkClean(out.stripped, "stored file kept");
    if (format != "gif" &&
        decodedSize(out.stripped, format.constData()) != QSize(int(out.width), int(out.height)))
        fail("the stored file is not the image");
    return 0;
}
