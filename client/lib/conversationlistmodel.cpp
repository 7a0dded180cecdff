#include "conversationlistmodel.h"

#include "conversationstate.h"

#include "blindnames.h"
#include "messageformat.h"

#include <algorithm>
#include <utility>

namespace confab::client {

using namespace confab::protocol;

ConversationListModel::ConversationListModel(QObject *parent) : QAbstractListModel(parent) {}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

qint64 ConversationListModel::activity(const ConversationInfo &c)
{
    return c.lastMessage ? c.lastMessage->createdAt : c.createdAt;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ConversationInfo &c = row.info;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return c.title;
    case ConversationIdRole:
        return c.id;
    case KindRole:
        return enumName(c.kind);
    case LastMessageRole:
        return lastFromBlocked(c) ? tr("Message from a blocked user") : row.lastLine;
    case LastSenderIsMeRole:
        return c.lastMessage && c.me && c.lastMessage->senderId == c.me->id;
    case LastActivityRole:
        return activity(c);
    case UnreadRole:
        return c.unread;
    case MutedRole:
        return c.muted;
    case BlindRole:
        return c.kind == ConversationKind::Blind;
    case MemberCountRole:
        return c.memberCount;
    case MyAliasRole:
        return c.kind == ConversationKind::Blind && c.me ? blind::aliasName(*c.me, m_language) : QString();
    case DescriptionRole:
        return c.description.value_or(QString());
    case TypingRole:
        return row.typing;
    case IsNewRole:
        return row.isNew;
    case LastSenderNameRole:
        return lastFromBlocked(c) ? QString() : row.lastSender;
    case LastDeletedRole:
        return c.lastMessage && c.lastMessage->deleted;
    case UnreadMentionsRole:
        return c.unreadMentions.value_or(0);
    case NotifyLevelRole:
        return enumName(c.notify.value_or(c.muted ? NotifyLevel::Nothing : NotifyLevel::All));
    case DraftRole:
        return c.id == m_open || !m_draftOf ? QString() : m_draftOf(c.id);
    case MarkedUnreadRole:
        return c.markedUnread.value_or(false);
    default:
        return {};
    }
}

bool ConversationListModel::lastFromBlocked(const ConversationInfo &c) const
{
    return m_isBlocked && c.lastMessage && c.kind != ConversationKind::Blind && !c.lastMessage->deleted &&
           m_isBlocked(c.lastMessage->senderId);
}

void ConversationListModel::blocksChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {LastMessageRole, LastSenderNameRole});
}

void ConversationListModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    for (Row &row : m_rows)
        row.lastSender = lastSenderOf(row.info); // blind rooms' aliases follow the language
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {MyAliasRole, LastSenderNameRole});
}

ConversationListModel::Row ConversationListModel::makeRow(const ConversationInfo &c) const
{
    return Row{c, {}, false, lastSenderOf(c), lastLineOf(c)};
}

QString ConversationListModel::lastLineOf(const ConversationInfo &c)
{
    // One line of the text without its markup: the first line, the rest elided by the view.
    return c.lastMessage ? MessageFormat::plainText(c.lastMessage->body).section(u'\n', 0, 0) : QString();
}

QString ConversationListModel::lastSenderOf(const ConversationInfo &c) const
{
    // A direct conversation's title names the other side already; my own lines say "You" in QML.
    if (!c.lastMessage || c.kind == ConversationKind::Direct || !m_nameOf)
        return {};
    if (c.me && c.lastMessage->senderId == c.me->id)
        return {};
    return m_nameOf(c.id, c.lastMessage->senderId);
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"}, {KindRole, "kind"},
            {TitleRole, "title"},                   {LastMessageRole, "lastMessage"},
            {LastSenderIsMeRole, "lastSenderIsMe"}, {LastActivityRole, "lastActivity"},
            {UnreadRole, "unread"},                 {MutedRole, "muted"},
            {BlindRole, "blind"},                   {MemberCountRole, "memberCount"},
            {MyAliasRole, "myAlias"},               {TypingRole, "typing"},
            {DescriptionRole, "description"},       {IsNewRole, "isNew"},
            {LastSenderNameRole, "lastSenderName"}, {LastDeletedRole, "lastDeleted"},
            {UnreadMentionsRole, "unreadMentions"}, {NotifyLevelRole, "notifyLevel"},
            {DraftRole, "draft"},                   {MarkedUnreadRole, "markedUnread"}};
}

void ConversationListModel::observe(const ConversationState *state)
{
    connect(state, &ConversationState::conversationsReset, this, [this, state] { reset(state->conversations()); });
    connect(state, &ConversationState::conversationChanged, this, [this, state](const QString &id) {
        if (const auto c = state->conversation(id))
            upsert(*c);
    });
    connect(state, &ConversationState::conversationAdded, this, [this, state](const QString &id, bool isNew) {
        if (const auto c = state->conversation(id))
            upsert(*c);
        if (isNew)
            setNew(id, true);
    });
    connect(state, &ConversationState::conversationRemoved, this, &ConversationListModel::remove);
    connect(state, &ConversationState::opened, this, [this](const QString &id) {
        setNew(id, false);
        // The draft leaves the row of the conversation that opened and shows on the one that closed.
        const QString before = std::exchange(m_open, id);
        draftChanged(before);
        draftChanged(id);
    });
}

void ConversationListModel::reset(const QList<ConversationInfo> &conversations)
{
    beginResetModel();
    m_rows.clear();
    for (const ConversationInfo &c : conversations) {
        if (!c.archived)
            m_rows.append(makeRow(c));
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return activity(a.info) > activity(b.info); });
    endResetModel();
    emit countChanged();
    emit totalUnreadChanged();
}

void ConversationListModel::upsert(const ConversationInfo &c)
{
    const int at = indexOf(c.id);
    if (c.archived) {
        if (at >= 0)
            remove(c.id);
        return;
    }
    if (at < 0) {
        // Insert where it belongs by activity.
        int pos = 0;
        while (pos < m_rows.size() && activity(m_rows[pos].info) >= activity(c))
            ++pos;
        beginInsertRows({}, pos, pos);
        m_rows.insert(pos, makeRow(c));
        endInsertRows();
        emit countChanged();
        emit totalUnreadChanged();
        return;
    }
    m_rows[at].info = c;
    m_rows[at].lastSender = lastSenderOf(c);
    m_rows[at].lastLine = lastLineOf(c);
    emit dataChanged(index(at), index(at));
    // Move up when it became the most recent.
    int target = 0;
    while (target < at && activity(m_rows[target].info) >= activity(c))
        ++target;
    if (target < at) {
        beginMoveRows({}, at, at, {}, target);
        m_rows.move(at, target);
        endMoveRows();
    }
    emit totalUnreadChanged();
}

void ConversationListModel::remove(const QString &conversationId)
{
    const int at = indexOf(conversationId);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    emit countChanged();
    emit totalUnreadChanged();
}

void ConversationListModel::setTyping(const QString &conversationId, const QString &text)
{
    const int at = indexOf(conversationId);
    if (at < 0 || m_rows[at].typing == text)
        return;
    m_rows[at].typing = text;
    emit dataChanged(index(at), index(at), {TypingRole});
}

void ConversationListModel::draftChanged(const QString &conversationId)
{
    const int at = indexOf(conversationId);
    if (at >= 0)
        emit dataChanged(index(at), index(at), {DraftRole});
}

void ConversationListModel::setNew(const QString &conversationId, bool isNew)
{
    const int at = indexOf(conversationId);
    if (at < 0 || m_rows[at].isNew == isNew)
        return;
    m_rows[at].isNew = isNew;
    emit dataChanged(index(at), index(at), {IsNewRole});
}

std::optional<ConversationInfo> ConversationListModel::conversation(const QString &conversationId) const
{
    const int at = indexOf(conversationId);
    return at < 0 ? std::nullopt : std::optional(m_rows[at].info);
}

int ConversationListModel::totalUnread() const
{
    int total = 0;
    // What would notify counts: everything at "all", mentions at "mentions", nothing at "nothing".
    for (const Row &row : m_rows) {
        switch (row.info.notify.value_or(row.info.muted ? NotifyLevel::Nothing : NotifyLevel::All)) {
        case NotifyLevel::All:
            total += int(row.info.unread);
            break;
        case NotifyLevel::Mentions:
            total += int(row.info.unreadMentions.value_or(0));
            break;
        case NotifyLevel::Nothing:
            break;
        }
    }
    return total;
}

int ConversationListModel::indexOf(const QString &conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].info.id == conversationId)
            return i;
    }
    return -1;
}

QString ConversationListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].info.id : QString();
}

} // namespace confab::client
