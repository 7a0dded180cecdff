#include "desktopnotifier.h"

#include "blindnames.h"
#include "chatclient.h"
#include "mentionmatch.h"
#include "messageformat.h"
#include "notificationsink.h"
#include "settings.h"

#include <QWindow>

namespace confab::app {

using namespace confab::protocol;

DesktopNotifier::DesktopNotifier(client::ChatClient *client, Settings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings)
{
    // Connected after ChatClient's own handler, so the cache already holds the message.
    connect(&client->connection(), &client::Connection::pushed, this, &DesktopNotifier::onPushed);
    // Reading a conversation (here or on another device) takes its notification away.
    connect(client->conversations(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                if (!m_sink)
                    return;
                for (int row = from.row(); row <= to.row(); ++row) {
                    const QModelIndex i = m_client->conversations()->index(row);
                    if (i.data(client::ConversationListModel::UnreadRole).toInt() == 0)
                        m_sink->withdraw(i.data(client::ConversationListModel::ConversationIdRole).toString());
                }
            });
}

void DesktopNotifier::setSink(NotificationSink *sink)
{
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = sink;
    if (sink)
        connect(sink, &NotificationSink::activated, this, &DesktopNotifier::openRequested);
}

IncomingMessage DesktopNotifier::describe(const QString &conversationId, const MessageInfo &message) const
{
    IncomingMessage in;
    in.conversationId = conversationId;
    in.body = client::MessageFormat::plainText(message.body); // what it says, without its markup
    in.attachmentCount = int(message.attachments.size());
    in.deleted = message.deleted;
    if (const auto c = m_client->conversations()->conversation(conversationId)) {
        in.conversationTitle = c->title;
        in.kind = enumName(c->kind);
        in.level = c->notify.value_or(c->muted ? NotifyLevel::Nothing : NotifyLevel::All);
        in.fromMe = c->me ? message.senderId == c->me->id : message.senderId == m_client->userId();
        in.mentionsMe = client::mentionsMe(message, c->me ? c->me->id : m_client->userId());
        in.fromBlocked = c->kind != ConversationKind::Blind && m_client->blocks()->isBlocked(message.senderId);
    } else {
        in.fromMe = message.senderId == m_client->userId();
    }
    // Member names come from the server as each member may see them: aliases in blind rooms.
    if (m_client->cache().isOpen()) {
        for (const MemberInfo &m : m_client->cache().members(conversationId)) {
            if (m.id == message.senderId) {
                in.senderName = client::blind::displayName(m, m_client->language());
                break;
            }
        }
    }
    return in;
}

NotificationContext DesktopNotifier::context() const
{
    NotificationContext context;
    context.enabled = m_settings->notificationsEnabled();
    context.doNotDisturb = m_settings->doNotDisturb();
    context.showPreview = m_settings->showPreview();
    context.windowActive = m_window && m_window->isVisible() && m_window->isActive()
                           && m_window->visibility() != QWindow::Minimized;
    context.conversationInView = m_client->currentConversationId();
    return context;
}

void DesktopNotifier::onPushed(const Frame &frame)
{
    const auto *event = std::get_if<Event>(&frame);
    if (!event || event->kind != EventKind::Message || !event->message || !m_sink)
        return;
    const MessageInfo &message = *event->message;
    if (m_seen.contains(message.id))
        return;
    const auto text = NotificationPolicy::decide(describe(event->conversationId, message), context());
    if (!text)
        return;
    m_seen.insert(message.id);
    m_seenOrder.append(message.id);
    if (m_seenOrder.size() > 500)
        m_seen.remove(m_seenOrder.takeFirst());
    NotificationText shown = *text;
    // The sender's picture when it is here already; blind rooms never (memberSource-like: aliases have none).
    if (m_client->cache().isOpen()) {
        for (const MemberInfo &m : m_client->cache().members(event->conversationId)) {
            if (m.id == message.senderId && !m.alias && m.avatar)
                shown.icon = m_client->avatars()->source(*m.avatar, client::Avatars::smallSide()).toLocalFile();
        }
    }
    m_sink->show(shown);
    emit notified(shown);
}

} // namespace confab::app
