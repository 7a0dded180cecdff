// Fuzz target (a): the protocol decoders. Any bytes into decodeFrame (text frames) and decodeChunk
// (binary attachment chunks); whatever decodes must encode again and decode to the same frame.
#include "protocol/binary.h"
#include "protocol/frames.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace confab::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Limits limits;
    auto decoded = decodeFrame(bytes, limits.maxFrameBytes);
    if (decoded.ok()) {
        // A frame the server accepted is one it can also write: encode, decode, same encoding.
        const QByteArray again = encodeFrame(decoded->frame, decoded->envelope);
        auto redecoded = decodeFrame(again, limits.maxFrameBytes);
        if (!redecoded.ok() || encodeFrame(redecoded->frame, redecoded->envelope) != again) {
            std::fprintf(stderr, "round trip failed for: %s\n", again.constData());
            std::abort();
        }
    } else {
        // The error names a code and never more than the message limit.
        (void)decoded.error().message.size();
    }
    auto chunk = decodeChunk(bytes, limits.maxBinaryFrameBytes);
    if (chunk.ok()) {
        const QByteArray again = encodeChunk(chunk.value());
        auto redecoded = decodeChunk(again, limits.maxBinaryFrameBytes);
        if (!redecoded.ok() || !(redecoded.value() == chunk.value())) {
            std::fprintf(stderr, "chunk round trip failed\n");
            std::abort();
        }
    }
    return 0;
}
