#include "downloadpacer.h"

#include "protocol/binary.h"

namespace confab::server {

void DownloadPacer::add(Download download)
{
    if (download.offset < download.end)
        m_downloads.push_back(std::move(download));
}

void DownloadPacer::pump()
{
    if (m_pumping)
        return; // a send that wrote synchronously signalled bytesWritten from inside this loop
    m_pumping = true;
    while (!m_downloads.empty() && m_queued() < kLowWaterBytes) {
        Download download = std::move(m_downloads.front());
        m_downloads.pop_front();
        protocol::Chunk chunk;
        chunk.kind = protocol::ChunkKind::Download;
        chunk.id = download.attachmentId;
        chunk.offset = download.offset;
        chunk.bytes = download.read(download.offset, download.end);
        if (chunk.bytes.isEmpty())
            continue; // unreadable: the client sees fewer bytes than announced and fetches again
        m_send(protocol::encodeChunk(chunk));
        download.offset += chunk.bytes.size();
        if (download.offset < download.end)
            m_downloads.push_back(std::move(download)); // the others take their turn first
    }
    m_pumping = false;
}

} // namespace confab::server
