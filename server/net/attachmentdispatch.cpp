// The Dispatcher's attachment handlers, apart from dispatcher.cpp so that the feature stays in its own files.
#include "net/clientsession.h"
#include "net/dispatcher.h"
#include "services/attachmentservice.h"
#include "services/exportservice.h"

#include <QPointer>

namespace confab::server {

using protocol::ErrorCode;

namespace {
//! Dispatcher::answer lives in dispatcher.cpp, where its template is instantiated.
template<class T>
void replyWith(ClientSession &session, const QString &requestId, const Outcome<T> &outcome) {
    if (outcome.ok())
        session.reply(requestId, outcome.value());
    else
        session.replyError(requestId, outcome.failure().toFrame());
}

protocol::Error notServed() {
    return {ErrorCode::Invalid, QStringLiteral("this server does not support that request yet"),
            QStringLiteral("type"), std::nullopt};
}
} // namespace

void Dispatcher::chunk(ClientSession &session, const protocol::Chunk &chunk) {
    if (!m_attachments) {
        session.replyError(QString(),
                           {ErrorCode::Invalid, QStringLiteral("this server does not accept chunks"),
                            QStringLiteral("chunk"), std::nullopt});
        return;
    }
    if (const auto failure = m_attachments->chunk(session.identity(), chunk))
        session.replyError(QString(), failure->toFrame());
}

void Dispatcher::handle(const Call &call, const protocol::AttachmentBegin &request) {
    if (!m_attachments)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_attachments->begin(call.who, request));
}

void Dispatcher::handle(const Call &call, const protocol::AttachmentStatus &request) {
    if (!m_attachments)
        return call.session.replyError(call.requestId, notServed());
    replyWith(call.session, call.requestId, m_attachments->status(call.who, request));
}

void Dispatcher::handle(const Call &call, const protocol::AttachmentFinish &request) {
    if (!m_attachments)
        return call.session.replyError(call.requestId, notServed());
    // Image work runs off this thread; the connection may be gone when it is done.
    m_attachments->finish(call.who, request,
                          [session = QPointer<ClientSession>(&call.session),
                           requestId = call.requestId](Outcome<protocol::AttachmentDone> outcome) {
                              if (session)
                                  replyWith(*session, requestId, outcome);
                          });
}

void Dispatcher::handle(const Call &call, const protocol::AttachmentFetch &request) {
    if (!m_attachments)
        return call.session.replyError(call.requestId, notServed());
    // Data exports are fetched like attachments (their bytes are blobs too), by their owner only.
    const auto outcome = m_exports && ExportService::isExportId(request.attachmentId) ? m_exports->fetch(call.who, request)
                                                                                      : m_attachments->fetch(call.who, request);
    if (!outcome.ok())
        return call.session.replyError(call.requestId, outcome.failure().toFrame());
    const AttachmentService::Download &download = outcome.value();
    call.session.reply(call.requestId, download.reply);
    if (!download.blob)
        return;
    // Paced by the socket: the connection's other replies and events go out between the chunks.
    call.session.queueDownload({download.reply.attachment.id, download.reply.offset,
                                download.reply.offset + download.reply.length,
                                [service = m_attachments, blob = *download.blob](qint64 offset, qint64 end) {
                                    return service->downloadChunk(blob, offset, end);
                                }});
}

} // namespace confab::server
