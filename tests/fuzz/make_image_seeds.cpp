// Writes the seed corpus of fuzz_images: the images of tst_image_metadata, which carry metadata in
// every place the pipeline strips, and plain ones of each type.
//   make_image_seeds <folder>
#include "imagebytes.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <cstdio>

using namespace confab::test;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_image_seeds <folder>\n");
        return 2;
    }
    QDir dir(QString::fromLocal8Bit(argv[1]));
    dir.removeRecursively();
    QDir().mkpath(dir.path());
    const QByteArray text = "author: Seed Person";
    QList<QPair<QString, QByteArray>> seeds{{QStringLiteral("meta.png"), imagebytes::png(text)},
                                            {QStringLiteral("meta.jpg"), imagebytes::jpeg(text)},
                                            {QStringLiteral("meta.webp"), imagebytes::webp(text)},
                                            {QStringLiteral("meta.gif"), imagebytes::gif(text)}};
    QImage plain(40, 30, QImage::Format_ARGB32);
    plain.fill(qRgba(10, 200, 30, 128));
    for (const char *format : {"png", "jpeg", "webp", "gif"}) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (plain.save(&buffer, format)) // Qt writes no GIF: that one is skipped
            seeds.append({QStringLiteral("plain.") + QLatin1StringView(format), bytes});
    }
    for (const auto &[name, bytes] : std::as_const(seeds)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return 1;
    }
    std::printf("%lld seeds written to %s\n", static_cast<long long>(seeds.size()), argv[1]);
    return 0;
}
