#pragma once
// Images built byte by byte with a text in every place beside the pixels where cameras and editors
// write one (QImage cannot make them: it drops some of these on load and writes few of them), and
// walkers that list what a file holds besides its pixels. Used by tst_image_metadata and fuzz_images.
#include <QByteArray>
#include <QByteArrayList>

namespace confab::test::imagebytes {

inline constexpr int kWidth = 48; //!< every built image: left half red, right half blue
inline constexpr int kHeight = 32;

//! tEXt, zTXt, iTXt, eXIf (Artist), tIME and an iCCP profile whose description is `text`.
QByteArray png(const QByteArray &text);
//! APP1 EXIF (Artist), APP1 XMP, APP2 ICC profile (description), APP13 IPTC by-line, COM.
QByteArray jpeg(const QByteArray &text);
//! VP8X with ICCP, EXIF and XMP chunks around a lossless image.
QByteArray webp(const QByteArray &text);
//! Two frames that loop, with a comment, a plain-text and an XMP extension, the text in an extra
//! sub-block of the loop extension, and after the trailer.
QByteArray gif(const QByteArray &text);

//! The building blocks, also for tests that make other hand-built PNGs (a pixel bomb's header).
QByteArray big32(quint32 v);
QByteArray pngChunk(const char *type, const QByteArray &data);

//! PNG chunk types in order ("IHDR", …); "!" at the end when the file is cut short.
QByteArrayList pngChunks(const QByteArray &bytes);
//! JPEG markers up to the first SOS, as "ffe0"; each APPn is followed by its identifier
//! ("ffe0 JFIF"); "!" when cut short.
QByteArrayList jpegSegments(const QByteArray &bytes);
//! WebP chunk FourCCs after "RIFF….WEBP"; "!" when cut short.
QByteArrayList webpChunks(const QByteArray &bytes);
//! GIF blocks: "image", "gce", "app NETSCAPE2.0 3" (identifier and its data sub-block sizes),
//! "ext fe" (any other extension by label), "trailer", then "after" when bytes follow; "!" when cut short.
QByteArrayList gifBlocks(const QByteArray &bytes);

} // namespace confab::test::imagebytes
