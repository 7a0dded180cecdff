#pragma once

#include <QByteArray>
#include <QString>

#include <deque>
#include <functional>

namespace confab::server {

/*!
 * The download chunks of one connection, sent as the socket drains rather than all at once: a chunk
 * is read from the store and written only while less than kLowWaterBytes wait in the socket, so the
 * replies and events of that connection go out between the chunks of a large file instead of behind
 * it, and a peer that stops reading holds no more than that in memory. Several downloads on one
 * connection take turns, a chunk each.
 */
class DownloadPacer {
public:
    //! About two chunks: enough that the socket never runs dry between two bytesWritten signals.
    static constexpr qint64 kLowWaterBytes = 512 * 1024;

    struct Download {
        QString attachmentId;
        qint64 offset = 0;
        qint64 end = 0;
        //! The next chunk from `offset`; empty when the bytes cannot be read (the download stops short).
        std::function<QByteArray(qint64 offset, qint64 end)> read;
    };
    //! `queued` tells how many bytes wait in the socket; `send` writes one binary frame.
    DownloadPacer(std::function<qint64()> queued, std::function<void(const QByteArray &)> send)
        : m_queued(std::move(queued)), m_send(std::move(send)) {}

    void add(Download download);
    //! Sends chunks while the socket has room; call after add() and whenever the socket wrote bytes.
    void pump();
    bool idle() const { return m_downloads.empty(); }
    void clear() { m_downloads.clear(); }

private:
    std::function<qint64()> m_queued;
    std::function<void(const QByteArray &)> m_send;
    std::deque<Download> m_downloads;
    bool m_pumping = false;
};

} // namespace confab::server
