#include "messagelistmodel.h"

#include "mentionmatch.h"
#include "messageformat.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <array>

namespace confab::client {

using namespace confab::protocol;

namespace {
constexpr qint64 kGroupGapMs = 5 * 60 * 1000;

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}
} // namespace

QVariantMap AttachmentView::toVariant() const
{
    static const char *const kStates[] = {"loading", "waiting", "uploading", "failed", "ready", "downloading", "saved"};
    const bool image = mime.startsWith(QLatin1StringView("image/"));
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("size"), size},
        {QStringLiteral("sizeText"), size > 0 ? QLocale().formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat)
                                              : QString()},
        {QStringLiteral("mime"), mime},
        {QStringLiteral("image"), image},
        {QStringLiteral("width"), width},
        {QStringLiteral("height"), height},
        {QStringLiteral("preview"), preview.isEmpty() ? QString() : QStringLiteral("data:image/png;base64,") + preview},
        {QStringLiteral("thumbnailUrl"), thumbnailPath.isEmpty() ? QString() : QUrl::fromLocalFile(thumbnailPath).toString()},
        {QStringLiteral("fileUrl"), filePath.isEmpty() ? QString() : QUrl::fromLocalFile(filePath).toString()},
        {QStringLiteral("progress"), progress},
        {QStringLiteral("state"), QString::fromLatin1(kStates[int(state)])},
        {QStringLiteral("error"), error},
    };
}

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent) {}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString MessageListModel::avatarColor(const QString &id)
{
    // Twelve colours dark enough for white initials on top.
    static constexpr std::array kPalette{"#C2410C", "#B45309", "#4D7C0F", "#15803D", "#0F766E", "#0E7490",
                                         "#1D4ED8", "#4338CA", "#6D28D9", "#A21CAF", "#BE185D", "#B91C1C"};
    const QByteArray hash = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1);
    return QString::fromLatin1(kPalette[quint8(hash[0]) % kPalette.size()]);
}

QString MessageListModel::initials(const QString &name)
{
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    QString out;
    for (const QString &w : words.mid(0, 2))
        out += w.left(1).toUpper();
    return out.isEmpty() ? QStringLiteral("?") : out;
}

int MessageListModel::storedCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.pending ? 0 : 1;
    return n;
}

int MessageListModel::readCount(const Row &row) const
{
    int n = 0;
    for (const MarkerInfo &m : m_markers) {
        if (m.memberId != m_me && m.readSeq >= row.message.seq)
            ++n;
    }
    return n;
}

MessageListModel::Status MessageListModel::status(const Row &row) const
{
    if (row.failed)
        return Status::Failed;
    if (row.pending)
        return Status::Sending;
    // Against every other member: read by all, delivered to all, else just stored.
    bool any = false, allRead = true, allDelivered = true;
    for (const MarkerInfo &m : m_markers) {
        if (m.memberId == m_me)
            continue;
        any = true;
        allRead = allRead && m.readSeq >= row.message.seq;
        allDelivered = allDelivered && m.deliveredSeq >= row.message.seq;
    }
    if (any && allRead)
        return Status::Read;
    if (any && allDelivered)
        return Status::Delivered;
    return Status::Sent;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = index.row();
    const Row &row = m_rows.at(i);
    const MessageInfo &m = row.message;
    const Row *prev = rowAt(i - 1);
    const Row *next = rowAt(i + 1);
    const auto sameGroup = [](const Row *a, const Row *b) {
        return a && b && !a->isSystem() && !b->isSystem() && a->message.senderId == b->message.senderId &&
               std::abs(b->message.createdAt - a->message.createdAt) < kGroupGapMs &&
               dayOf(a->message.createdAt) == dayOf(b->message.createdAt);
    };
    const MemberInfo sender = m_members.value(m.senderId);
    switch (role) {
    case MessageIdRole:
        return m.id;
    case ClientIdRole:
        return m.clientId;
    case SeqRole:
        return m.seq;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole:
        return sender.name.isEmpty() ? tr("Former member") : sender.name;
    case Qt::DisplayRole:
    case BodyRole:
        return m.deleted ? QString() : m.body;
    case CreatedAtRole:
        return m.createdAt;
    case TimeTextRole:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.createdAt).time(), QLocale::ShortFormat);
    case EditedRole:
        return m.editedAt.has_value();
    case DeletedRole:
        return m.deleted;
    case OwnRole:
        return m.senderId == m_me;
    case StatusRole:
        return QVariant::fromValue(status(row));
    case ReadCountRole:
        return readCount(row);
    case FirstInGroupRole:
        return !sameGroup(prev, &row);
    case LastInGroupRole:
        return !sameGroup(&row, next);
    case DayStartRole:
        return !prev || dayOf(prev->message.createdAt) != dayOf(m.createdAt);
    case DayTextRole: {
        const QDate day = dayOf(m.createdAt);
        const QDate today = QDate::currentDate();
        if (day == today)
            return tr("Today");
        if (day == today.addDays(-1))
            return tr("Yesterday");
        return QLocale().toString(day, QLocale::LongFormat);
    }
    case ErrorRole:
        return row.error;
    case AvatarColorRole:
        return avatarColor(m.senderId);
    case InitialsRole:
        return initials(sender.name);
    case AvatarRole:
        return sender.alias ? QString() : sender.avatar.value_or(QString());
    case AttachmentsRole: {
        QVariantList out;
        for (const QString &id : attachmentKeys(row)) {
            AttachmentView view = m_attachments.value(id);
            view.id = id;
            out.append(view.toVariant());
        }
        return out;
    }
    case ReactionsRole:
        return reactionsOf(m.id);
    case ReplyToRole:
        return m.replyTo ? quote(*m.replyTo) : QVariantMap();
    case StreamStateRole:
        return m.stream ? enumName(m.stream->state) : QString();
    case ReplyCountRole:
        return m.replyCount.value_or(0);
    case MentionsRole: {
        QVariantList out;
        for (const Mention &mention : m.mentions) {
            const bool me = mention.room.value_or(false) || mention.memberId == m_me;
            out.append(QVariantMap{{QStringLiteral("start"), mention.start},
                                   {QStringLiteral("length"), mention.length},
                                   {QStringLiteral("me"), me && m.senderId != m_me}});
        }
        return out;
    }
    case MentionsMeRole:
        return mentionsMe(m, m_me);
    case SystemRole:
        return row.isSystem();
    case SystemTextRole:
        return row.isSystem() ? systemText(row) : QString();
    case SenderBotRole:
        return sender.bot.value_or(false);
    case ForwardedRole:
        return m.forwarded.value_or(false);
    case SenderBlockedRole:
        return fromBlocked(row);
    case CollapsedRole:
        return fromBlocked(row) && !m_shownBlocked.contains(m.id);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{MessageIdRole, "messageId"},   {ClientIdRole, "clientId"},         {SeqRole, "seq"},
            {SenderIdRole, "senderId"},     {SenderNameRole, "senderName"},     {BodyRole, "body"},
            {CreatedAtRole, "createdAt"},   {TimeTextRole, "timeText"},         {EditedRole, "edited"},
            {DeletedRole, "deleted"},       {OwnRole, "own"},                   {StatusRole, "status"},
            {ReadCountRole, "readCount"},   {FirstInGroupRole, "firstInGroup"}, {LastInGroupRole, "lastInGroup"},
            {DayStartRole, "dayStart"},     {DayTextRole, "dayText"},           {ErrorRole, "errorText"},
            {AvatarColorRole, "avatarColor"}, {InitialsRole, "initials"}, {AttachmentsRole, "attachments"},
            {ReactionsRole, "reactions"}, {ReplyToRole, "replyTo"}, {StreamStateRole, "streamState"},
            {ReplyCountRole, "replyCount"}, {MentionsRole, "mentions"}, {MentionsMeRole, "mentionsMe"},
            {SystemRole, "system"}, {SystemTextRole, "systemText"},
            {SenderBotRole, "senderBot"}, {ForwardedRole, "forwarded"},
            {SenderBlockedRole, "senderBlocked"}, {CollapsedRole, "collapsed"}, {AvatarRole, "avatar"}};
}

void MessageListModel::show(const QString &conversationId, ConversationKind kind, const QString &myMemberId,
                            const QList<MessageInfo> &messages, const QList<Event> &events,
                            const QList<OutboxItem> &pending, qint64 readSeq)
{
    beginResetModel();
    m_conversationId = conversationId;
    m_kind = kind;
    m_me = myMemberId;
    m_reactions.clear();
    m_readSeq = readSeq;
    m_rows = rowsOf(messages, events);
    findFirstUnread();
    endResetModel();
    setPending(pending);
    emit conversationChanged();
    emit firstUnreadRowChanged();
    emit countChanged();
}

void MessageListModel::setMembers(const QList<MemberInfo> &members, const QList<MarkerInfo> &markers)
{
    m_members.clear();
    for (const MemberInfo &m : members)
        m_members.insert(m.id, m);
    m_markers = markers;
    refreshAll();
}

void MessageListModel::refreshAll()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void MessageListModel::prependOlder(const QList<MessageInfo> &older, const QList<Event> &events, bool more)
{
    QList<MessageInfo> freshMessages;
    QList<Event> freshEvents;
    const qint64 oldest = oldestSeq();
    for (const MessageInfo &m : older) {
        if (oldest == 0 || m.seq < oldest)
            freshMessages.append(m);
    }
    for (const Event &e : events) {
        if (oldest == 0 || e.seq < oldest)
            freshEvents.append(e);
    }
    const QList<Row> fresh = rowsOf(freshMessages, freshEvents);
    if (!fresh.isEmpty()) {
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        m_rows = fresh + m_rows;
        endInsertRows();
        // Its row moves down, or it was above the window until now and came in with this page.
        const int before = m_firstUnreadRow;
        findFirstUnread();
        if (m_firstUnreadRow != before)
            emit firstUnreadRowChanged();
        // The row after the insert may have lost its day separator or group header.
        if (m_rows.size() > fresh.size())
            emit dataChanged(index(int(fresh.size())), index(int(fresh.size())));
        emit countChanged();
    }
    setCanLoadOlder(more);
}

void MessageListModel::upsertMessage(const MessageInfo &message)
{
    // Already here (an edit, a delete, or the event after the ack)?
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (!r.pending && r.message.id == message.id) {
            r.message = message;
            emit dataChanged(index(i), index(i));
            refreshQuotesOf(message.id); // replies show the new text (or the tombstone)
            return;
        }
    }
    // A pending message of mine becomes stored: remove the pending row.
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].pending && m_rows[i].message.clientId == message.clientId && message.senderId == m_me) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
            break;
        }
    }
    // Insert in seq order among stored rows (usually at the end of them).
    int pos = storedCount();
    while (pos > 0 && m_rows[pos - 1].message.seq > message.seq)
        --pos;
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, Row{message, false, false, {}, {}, {}});
    endInsertRows();
    if (pos > 0)
        emit dataChanged(index(pos - 1), index(pos - 1)); // its group may have ended here
    emit countChanged();
}

void MessageListModel::setStreamBody(const QString &messageId, const QString &body)
{
    const int i = rowOfMessage(messageId);
    if (i < 0)
        return;
    MessageInfo &m = m_rows[i].message;
    // A push that arrives after the final message (or after a delete) must not bring old text back.
    if (!m.stream || m.stream->state != StreamState::Streaming || m.deleted || m.body == body)
        return;
    m.body = body;
    emit dataChanged(index(i), index(i), {BodyRole, Qt::DisplayRole});
    refreshQuotesOf(messageId);
}

void MessageListModel::setPending(const QList<OutboxItem> &pending)
{
    const int stored = storedCount();
    if (m_rows.size() > stored) {
        beginRemoveRows({}, stored, int(m_rows.size()) - 1);
        m_rows.resize(stored);
        endRemoveRows();
    }
    QList<Row> rows;
    for (const OutboxItem &item : pending) {
        if (item.conversationId != m_conversationId)
            continue;
        MessageInfo m;
        m.clientId = item.clientId;
        m.body = item.body;
        m.senderId = m_me;
        m.createdAt = item.createdAt;
        m.replyTo = item.replyTo;
        m.mentions = item.mentions;
        QList<QString> keys;
        for (const OutboxFile &f : item.files)
            keys.append(f.key);
        rows.append(Row{m, true, item.failed, item.error, keys, {}});
    }
    if (!rows.isEmpty()) {
        beginInsertRows({}, stored, stored + int(rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }
    emit countChanged();
}

void MessageListModel::setCanLoadOlder(bool can)
{
    if (m_canLoadOlder == can)
        return;
    m_canLoadOlder = can;
    emit canLoadOlderChanged();
}

void MessageListModel::setAttachment(const AttachmentView &view)
{
    m_attachments.insert(view.id, view);
    for (int i = 0; i < m_rows.size(); ++i) {
        if (attachmentKeys(m_rows[i]).contains(view.id))
            emit dataChanged(index(i), index(i), {AttachmentsRole});
    }
    emit attachmentChanged(view.id);
}

QVariantMap MessageListModel::attachmentById(const QString &id) const
{
    AttachmentView view = m_attachments.value(id);
    view.id = id;
    return view.toVariant();
}

std::optional<AttachmentView> MessageListModel::attachment(const QString &id) const
{
    const auto it = m_attachments.constFind(id);
    return it == m_attachments.cend() ? std::nullopt : std::optional(*it);
}

QList<QString> MessageListModel::takeUnknownAttachments()
{
    QList<QString> out;
    for (const Row &r : std::as_const(m_rows)) {
        for (const QString &id : attachmentKeys(r)) {
            if (!m_attachments.contains(id)) {
                AttachmentView loading;
                loading.id = id;
                m_attachments.insert(id, loading);
                out.append(id);
            }
        }
    }
    return out;
}

void MessageListModel::findFirstUnread()
{
    m_firstUnreadRow = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (!r.pending && !r.isSystem() && r.message.seq > m_readSeq && r.message.senderId != m_me) {
            m_firstUnreadRow = i;
            return;
        }
    }
}

bool MessageListModel::unreadStartsAbove() const
{
    // Unread messages are the newest: when the oldest one shown is unread and follows a gap
    // after my marker, older unread ones exist that are not loaded yet.
    // (Lines of the conversation's own events above it do not count: they are no messages.)
    bool firstShown = m_firstUnreadRow >= 0;
    for (int i = 0; firstShown && i < m_firstUnreadRow; ++i)
        firstShown = m_rows[i].isSystem();
    return firstShown && m_canLoadOlder && oldestSeq() > m_readSeq + 1 && storedCount() < kUnreadWindow;
}

qint64 MessageListModel::oldestSeq() const
{
    for (const Row &r : m_rows) {
        if (!r.pending)
            return r.firstSeq();
    }
    return 0;
}

qint64 MessageListModel::newestSeq() const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (!m_rows[i].pending)
            return m_rows[i].message.seq;
    }
    return 0;
}

void MessageListModel::setReactions(const QList<LocalCache::Reaction> &reactions)
{
    m_reactions.clear();
    for (const LocalCache::Reaction &r : reactions)
        m_reactions[r.messageId].append(r);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {ReactionsRole});
}

void MessageListModel::setMessageReactions(const QString &messageId, const QList<LocalCache::Reaction> &reactions)
{
    if (reactions.isEmpty())
        m_reactions.remove(messageId);
    else
        m_reactions.insert(messageId, reactions);
    const int row = rowOfMessage(messageId);
    if (row >= 0)
        emit dataChanged(index(row), index(row), {ReactionsRole});
}

QVariantList MessageListModel::reactionsOf(const QString &messageId) const
{
    // Grouped by emoji in the order each was first used, as chips.
    QList<QString> order;
    QHash<QString, int> counts;
    QSet<QString> mine;
    for (const LocalCache::Reaction &r : m_reactions.value(messageId)) {
        if (!counts.contains(r.emoji))
            order.append(r.emoji);
        ++counts[r.emoji];
        if (r.actorId == m_me)
            mine.insert(r.emoji);
    }
    QVariantList out;
    for (const QString &emoji : order) {
        out.append(QVariantMap{{QStringLiteral("emoji"), emoji},
                               {QStringLiteral("count"), counts.value(emoji)},
                               {QStringLiteral("mine"), mine.contains(emoji)}});
    }
    return out;
}

bool MessageListModel::hasMyReaction(const QString &messageId, const QString &emoji) const
{
    const auto list = m_reactions.value(messageId);
    return std::any_of(list.cbegin(), list.cend(),
                       [&](const LocalCache::Reaction &r) { return r.actorId == m_me && r.emoji == emoji; });
}

int MessageListModel::rowOfMessage(const QString &messageId) const
{
    if (messageId.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].pending && m_rows[i].message.id == messageId)
            return i;
    }
    return -1;
}

QString MessageListModel::lastOwnMessageId() const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const Row &r = m_rows[i];
        if (!r.pending && r.message.senderId == m_me && !r.message.deleted)
            return r.message.id;
    }
    return {};
}

QString MessageListModel::lastThreadRootId() const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const Row &r = m_rows[i];
        if (!r.pending && !r.message.deleted && r.message.replyCount.value_or(0) > 0)
            return r.message.id;
    }
    return {};
}

std::optional<MessageInfo> MessageListModel::message(const QString &messageId) const
{
    const int row = rowOfMessage(messageId);
    if (row >= 0)
        return m_rows[row].message;
    return m_lookup && !messageId.isEmpty() ? m_lookup(messageId) : std::nullopt;
}

QVariantMap MessageListModel::quote(const QString &messageId) const
{
    const auto m = message(messageId);
    if (!m)
        return {{QStringLiteral("id"), messageId}, {QStringLiteral("sender"), QString()},
                {QStringLiteral("excerpt"), QString()}, {QStringLiteral("deleted"), false},
                {QStringLiteral("loaded"), false}};
    const QString name = m->senderId == m_me ? tr("You") : m_members.value(m->senderId).name;
    // One line of at most 120 characters of the text without its markup: enough to recognise it.
    QString excerpt = MessageFormat::plainText(m->body).section(u'\n', 0, 0).simplified();
    if (excerpt.size() > 120)
        excerpt = excerpt.left(119) + u'…';
    if (excerpt.isEmpty() && !m->attachments.isEmpty())
        excerpt = tr("Attachment");
    return {{QStringLiteral("id"), m->id},
            {QStringLiteral("sender"), name.isEmpty() ? tr("Former member") : name},
            {QStringLiteral("excerpt"), m->deleted ? QString() : excerpt},
            {QStringLiteral("deleted"), m->deleted},
            {QStringLiteral("loaded"), rowOfMessage(messageId) >= 0}};
}

void MessageListModel::refreshQuotesOf(const QString &messageId)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].message.replyTo == messageId)
            emit dataChanged(index(i), index(i), {ReplyToRole});
    }
}

} // namespace confab::client
