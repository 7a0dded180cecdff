#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace confab::server::images {

//! A GIF with only what draws it: what gif::strip returns.
struct CleanGif {
    QByteArray bytes; //!< empty when the input was refused
    QString error;
    int frames = 0;
};

/*!
 * Rewrites a GIF block by block, keeping the header, logical screen, colour tables, graphic control
 * extensions, image descriptors with their LZW data, and the NETSCAPE2.0 loop count; comment,
 * plain-text and every other application extension (XMP, ICC, editors' own) are dropped, and so is
 * anything after the trailer. Animation survives, unlike a re-encode (Qt has no GIF writer).
 * A stream cut short or garbled after at least one whole frame keeps the whole frames before it;
 * with no whole frame, or a frame of more than `maxPixels`, it is refused.
 */
CleanGif stripGif(QByteArrayView in, qint64 maxPixels);

} // namespace confab::server::images
