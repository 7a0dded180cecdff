#include "threadmodel.h"

#include "blindnames.h"
#include "connection.h"
#include "conversationstate.h"
#include "messagelistmodel.h"
#include "outbox.h"

#include <QDateTime>
#include <QLocale>

namespace confab::client {

using namespace confab::protocol;

ThreadModel::ThreadModel(Connection &connection, ConversationState &state, MessageListModel &messages, Outbox &outbox,
                         QObject *parent)
    : QAbstractListModel(parent), m_connection(connection), m_state(state), m_messages(messages), m_outbox(outbox)
{
    connect(&state, &ConversationState::messageChanged, this, &ThreadModel::onMessage);
    connect(&state, &ConversationState::streamChanged, this, &ThreadModel::onMessage);
    connect(&state, &ConversationState::opened, this, &ThreadModel::openConversationChanged);
    connect(&state, &ConversationState::detailsChanged, this, [this](const QString &conversationId) {
        if (conversationId == m_state.openConversation())
            openConversationChanged();
    });
}

void ThreadModel::openConversationChanged()
{
    // Another conversation: its threads are not this one's.
    if (m_state.openConversation() != m_conversationId)
        close();
    else
        refreshNames();
}

int ThreadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ThreadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageInfo &m = m_rows.at(index.row());
    const QString name = m_names.value(m.senderId);
    switch (role) {
    case MessageIdRole:
        return m.id;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole:
        return name.isEmpty() ? tr("Former member") : name;
    case Qt::DisplayRole:
    case BodyRole:
        return m.deleted ? QString() : m.body;
    case CreatedAtRole:
        return m.createdAt;
    case TimeTextRole: {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(m.createdAt);
        return at.date() == QDate::currentDate() ? QLocale().toString(at.time(), QLocale::ShortFormat)
                                                 : QLocale().toString(at, QLocale::ShortFormat);
    }
    case OwnRole:
        return m.senderId == m_me;
    case DeletedRole:
        return m.deleted;
    case EditedRole:
        return m.editedAt.has_value();
    case IsRootRole:
        return index.row() == 0;
    case AvatarColorRole:
        return MessageListModel::avatarColor(m.senderId);
    case InitialsRole:
        return MessageListModel::initials(name);
    case StreamStateRole:
        return m.stream ? enumName(m.stream->state) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> ThreadModel::roleNames() const
{
    return {{MessageIdRole, "messageId"}, {SenderIdRole, "senderId"},       {SenderNameRole, "senderName"},
            {BodyRole, "body"},           {CreatedAtRole, "createdAt"},     {TimeTextRole, "timeText"},
            {OwnRole, "own"},             {DeletedRole, "deleted"},         {EditedRole, "edited"},
            {IsRootRole, "isRoot"},       {AvatarColorRole, "avatarColor"}, {InitialsRole, "initials"},
            {StreamStateRole, "streamState"}};
}

void ThreadModel::refreshNames()
{
    m_names.clear();
    for (const MemberInfo &m : blind::forDisplay(m_state.members(m_conversationId), m_language))
        m_names.insert(m.id, m.name);
    m_me = m_state.myMemberId(m_conversationId);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void ThreadModel::open(const QString &messageId)
{
    close();
    const QString conversationId = m_state.openConversation();
    if (messageId.isEmpty() || conversationId.isEmpty())
        return;
    m_conversationId = conversationId;
    // A reply opens its root's thread; the root is known once the server answers.
    const auto m = m_messages.message(messageId);
    m_rootId = m && m->threadId ? *m->threadId : messageId;
    refreshNames();
    emit rootChanged();
    fetch(0);
}

void ThreadModel::close()
{
    ++m_generation;
    const bool had = !m_rootId.isEmpty();
    beginResetModel();
    m_rows.clear();
    m_rootId.clear();
    m_conversationId.clear();
    m_hasMore = false;
    endResetModel();
    m_loading = false;
    m_error.clear();
    if (had)
        emit rootChanged();
    emit countChanged();
    emit loadingChanged();
}

void ThreadModel::loadMore()
{
    if (!canLoadMore())
        return;
    qint64 after = 0;
    for (const MessageInfo &m : std::as_const(m_rows).mid(1))
        after = std::max(after, m.seq);
    fetch(after);
}

void ThreadModel::fetch(qint64 after)
{
    m_loading = true;
    m_error.clear();
    emit loadingChanged();
    const quint64 generation = m_generation;
    m_connection.request(ThreadRequest{m_conversationId, m_rootId, after, 50},
                                  [this, generation](const Reply<Thread> &thread) {
        if (generation != m_generation)
            return; // closed or another thread meanwhile
        m_loading = false;
        if (thread) {
            if (m_rootId != thread->root.id) {
                m_rootId = thread->root.id;
                emit rootChanged();
            }
            upsert(thread->root);
            for (const MessageInfo &m : thread->replies)
                upsert(m);
            m_hasMore = thread->hasMore;
        } else {
            m_error = thread.error().message;
        }
        emit loadingChanged();
    });
}

void ThreadModel::upsert(const MessageInfo &message)
{
    const bool isRoot = message.id == m_rootId;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == message.id) {
            m_rows[i] = message;
            emit dataChanged(index(i), index(i));
            return;
        }
    }
    // The root first (it may arrive after a reply that was pushed meanwhile), replies by seq.
    int pos = isRoot ? 0 : int(m_rows.size());
    if (!isRoot) {
        while (pos > 0 && m_rows[pos - 1].seq > message.seq && m_rows[pos - 1].id != m_rootId)
            --pos;
    }
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, message);
    endInsertRows();
    emit countChanged();
}

void ThreadModel::onMessage(const QString &conversationId, const MessageInfo &message)
{
    if (m_rootId.isEmpty() || conversationId != m_conversationId)
        return;
    const bool belongs = message.id == m_rootId || message.threadId == m_rootId;
    // Before the first page, only changes to what is shown; the page brings the rest.
    if (belongs && (!m_rows.isEmpty() || message.id == m_rootId))
        upsert(message);
}

void ThreadModel::reply(const QString &text)
{
    if (m_rootId.isEmpty() || text.trimmed().isEmpty())
        return;
    m_outbox.send(m_conversationId, text, {}, m_rootId);
}

} // namespace confab::client
