// Fuzz target (d): the cluster bus decoder (server/net/busmessages.h). Any bytes as the payload of a
// NOTIFY from another instance; whatever decodes must encode again and decode to the same message.
// Seeds: the bus examples of docs/self-hosting.md (fixture fuzzbusseeds).
#include "net/busmessages.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace confab::server;

namespace {
[[noreturn]] void fail(const QByteArray &text)
{
    std::fprintf(stderr, "bus round trip failed for: %s\n", text.constData());
    std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto decoded = bus::decode(bytes);
    if (!decoded) {
        (void)decoded.errorString().size();
        return 0;
    }
    if (decoded->parkedId) {
        const QByteArray again = bus::encodeParked(decoded->envelope, *decoded->parkedId);
        auto redecoded = bus::decode(again);
        if (!redecoded || redecoded->parkedId != decoded->parkedId
            || bus::encodeParked(redecoded->envelope, *redecoded->parkedId) != again)
            fail(again);
        return 0;
    }
    if (!decoded->message)
        return 0; // a kind this version does not know: ignored, nothing to write back
    const QByteArray again = bus::encode(decoded->envelope, *decoded->message);
    auto redecoded = bus::decode(again);
    if (!redecoded || !redecoded->message || !(*redecoded->message == *decoded->message)
        || bus::encode(redecoded->envelope, *redecoded->message) != again)
        fail(again);
    return 0;
}
