#include "conversationstore.h"

#include "storage/database.h"
#include "storage/mentionstore.h"

namespace confab::server {

namespace {
const QString kConversationColumns =
    QStringLiteral("c.id, c.kind, c.title, c.created_by, c.created_at, c.last_seq, c.archived, c.direct_key, c.alias_secret, c.description");
const QString kMemberColumns = QStringLiteral(
    "m.conversation_id, m.user_id, m.role, m.joined_at, m.joined_seq, m.last_delivered_seq, m.last_read_seq, "
    "m.notify_level, m.alias, m.alias_id, m.group_label, m.active, u.username, u.display_name, m.public_read_seq, u.bot, u.status, m.marked_unread, u.deleted_at, u.avatar");
constexpr int kMemberColumnCount = 20;
constexpr int kConversationColumnCount = 10;

Conversation readConversation(const QSqlQuery &q, int at = 0)
{
    Conversation c;
    c.id = q.value(at).toString();
    c.kind = protocol::enumFromName<ConversationKind>(q.value(at + 1).toString()).value_or(ConversationKind::Group);
    c.title = q.value(at + 2).toString();
    c.createdBy = q.value(at + 3).toString();
    c.createdAt = q.value(at + 4).toLongLong();
    c.lastSeq = q.value(at + 5).toLongLong();
    c.archived = q.value(at + 6).toInt() != 0;
    c.directKey = q.value(at + 7).toString();
    c.aliasSecret = q.value(at + 8).toString();
    c.description = q.value(at + 9).toString();
    return c;
}

Member readMember(const QSqlQuery &q, int at = 0)
{
    Member m;
    m.conversationId = q.value(at).toString();
    m.userId = q.value(at + 1).toString();
    m.role = protocol::enumFromName<Role>(q.value(at + 2).toString()).value_or(Role::Member);
    m.joinedAt = q.value(at + 3).toLongLong();
    m.joinedSeq = q.value(at + 4).toLongLong();
    m.deliveredSeq = q.value(at + 5).toLongLong();
    m.readSeq = q.value(at + 6).toLongLong();
    m.notify = protocol::enumFromName<protocol::NotifyLevel>(q.value(at + 7).toString()).value_or(protocol::NotifyLevel::All);
    m.alias = q.value(at + 8).toString();
    m.aliasId = q.value(at + 9).toString();
    m.group = q.value(at + 10).toString();
    m.active = q.value(at + 11).toInt() != 0;
    m.username = q.value(at + 12).toString();
    m.displayName = q.value(at + 13).toString();
    m.publicReadSeq = q.value(at + 14).toLongLong();
    m.bot = q.value(at + 15).toInt() != 0;
    m.status = q.value(at + 16).toString();
    m.markedUnread = q.value(at + 17).toInt() != 0;
    m.deleted = !q.value(at + 18).isNull();
    m.avatar = q.value(at + 19).toString();
    return m;
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

void ConversationStore::create(const Conversation &c)
{
    m_db.exec(QStringLiteral("INSERT INTO conversations (id, kind, title, created_by, created_at, last_seq, archived, "
                             "direct_key, alias_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {c.id, protocol::enumName(c.kind), c.title.isNull() ? QStringLiteral("") : c.title, nullable(c.createdBy), c.createdAt, c.lastSeq, int(c.archived),
               nullable(c.directKey), nullable(c.aliasSecret)})
        .finish();
}

std::optional<Conversation> ConversationStore::byId(const QString &id)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(" FROM conversations c WHERE c.id = ?"), {id});
    std::optional<Conversation> c;
    if (q.next())
        c = readConversation(q);
    q.finish();
    return c;
}

std::optional<Conversation> ConversationStore::directByKey(const QString &key)
{
    QSqlQuery &q = m_db.exec(
        QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(" FROM conversations c WHERE c.direct_key = ?"), {key});
    std::optional<Conversation> c;
    if (q.next())
        c = readConversation(q);
    q.finish();
    return c;
}

qint64 ConversationStore::nextSeq(const QString &conversationId)
{
    if (!m_db.batchOpen())
        return takeSeq(conversationId);
    // In a group commit, the first event of a conversation locks its row and takes a seq; the
    // others count on from it here and the row is written once, at the commit. Updating the row
    // per event would leave a chain of row versions that every later lookup in the same
    // transaction walks: quadratic in the batch's size.
    if (m_batchNumber != m_db.batchNumber()) {
        m_batchNumber = m_db.batchNumber();
        m_batchSeqs.clear();
    }
    const auto it = m_batchSeqs.find(conversationId);
    if (it == m_batchSeqs.end()) {
        const qint64 seq = takeSeq(conversationId);
        m_batchSeqs.insert(conversationId, {seq, seq});
        m_db.atBatchCommit([this, conversationId] { writeBatchSeq(conversationId); });
        return seq;
    }
    return ++it->last;
}

void ConversationStore::releaseSeq(const QString &conversationId, qint64 seq)
{
    if (!m_db.batchOpen() || m_batchNumber != m_db.batchNumber())
        return;
    const auto it = m_batchSeqs.find(conversationId);
    if (it != m_batchSeqs.end() && it->last == seq)
        --it->last;
}

void ConversationStore::writeBatchSeq(const QString &conversationId)
{
    const BatchSeq seqs = m_batchSeqs.value(conversationId);
    if (seqs.last != seqs.written)
        m_db.exec(QStringLiteral("UPDATE conversations SET last_seq = ? WHERE id = ?"), {seqs.last, conversationId})
            .finish();
}

qint64 ConversationStore::takeSeq(const QString &conversationId)
{
    QSqlQuery &q = m_db.exec(
        QStringLiteral("UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq"),
        {conversationId});
    if (!q.next()) {
        q.finish();
        throw StoreError(StoreError::Kind::Internal, QStringLiteral("no conversation ") + conversationId);
    }
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    return seq;
}

void ConversationStore::setTitle(const QString &conversationId, const QString &title)
{
    m_db.exec(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"), {title, conversationId}).finish();
}

void ConversationStore::setDescription(const QString &conversationId, const QString &description)
{
    m_db.exec(QStringLiteral("UPDATE conversations SET description = ? WHERE id = ?"), {description, conversationId})
        .finish();
}

void ConversationStore::setNotifyLevel(const QString &conversationId, const QString &userId,
                                       protocol::NotifyLevel level)
{
    m_db.exec(QStringLiteral("UPDATE members SET notify_level = ? WHERE conversation_id = ? AND user_id = ?"),
              {protocol::enumName(level), conversationId, userId})
        .finish();
}

bool ConversationStore::setMarkedUnread(const QString &conversationId, const QString &userId, bool marked)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("UPDATE members SET marked_unread = ? WHERE conversation_id = ? AND "
                                            "user_id = ? AND marked_unread <> ?"),
                             {int(marked), conversationId, userId, int(marked)});
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    return changed;
}

void ConversationStore::setArchived(const QString &conversationId, bool archived)
{
    m_db.exec(QStringLiteral("UPDATE conversations SET archived = ? WHERE id = ?"), {int(archived), conversationId}).finish();
}

void ConversationStore::setGroup(const QString &conversationId, const QString &userId, const QString &group)
{
    m_db.exec(QStringLiteral("UPDATE members SET group_label = ? WHERE conversation_id = ? AND user_id = ?"),
              {nullable(group), conversationId, userId})
        .finish();
}

void ConversationStore::upsertMember(const Member &m)
{
    m_db.exec(QStringLiteral("INSERT INTO members (conversation_id, user_id, role, joined_at, joined_seq, "
                             "last_delivered_seq, last_read_seq, public_read_seq, notify_level, alias, alias_id, group_label, active) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                             "ON CONFLICT (conversation_id, user_id) DO UPDATE SET active = 1, role = excluded.role, "
                             "joined_at = excluded.joined_at, joined_seq = excluded.joined_seq"),
              {m.conversationId, m.userId, protocol::enumName(m.role), m.joinedAt, m.joinedSeq, m.deliveredSeq,
               m.readSeq, m.publicReadSeq, protocol::enumName(m.notify), nullable(m.alias), nullable(m.aliasId), nullable(m.group)})
        .finish();
}

QList<Member> ConversationStore::readMembers(QSqlQuery &q)
{
    QList<Member> members;
    while (q.next())
        members.append(readMember(q));
    q.finish();
    return members;
}

std::optional<Member> ConversationStore::member(const QString &conversationId, const QString &userId)
{
    auto members = readMembers(m_db.exec(QStringLiteral("SELECT ") + kMemberColumns +
                                             QStringLiteral(" FROM members m JOIN users u ON u.id = m.user_id "
                                                            "WHERE m.conversation_id = ? AND m.user_id = ?"),
                                         {conversationId, userId}));
    return members.isEmpty() ? std::nullopt : std::optional(members.first());
}

std::optional<Access> ConversationStore::access(const QString &conversationId, const QString &userId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(", ") + kMemberColumns +
                                 QStringLiteral(" FROM members m JOIN conversations c ON c.id = m.conversation_id "
                                                "JOIN users u ON u.id = m.user_id "
                                                "WHERE m.conversation_id = ? AND m.user_id = ? AND m.active = 1"),
                             {conversationId, userId});
    std::optional<Access> result;
    if (q.next())
        result = Access{readConversation(q, 0), readMember(q, kConversationColumnCount)};
    q.finish();
    return result;
}

QList<Member> ConversationStore::members(const QString &conversationId, bool includeFormer)
{
    return readMembers(m_db.exec(QStringLiteral("SELECT ") + kMemberColumns +
                                     QStringLiteral(" FROM members m JOIN users u ON u.id = m.user_id "
                                                    "WHERE m.conversation_id = ? AND m.active >= ? "
                                                    "ORDER BY m.joined_seq, m.user_id"),
                                 {conversationId, includeFormer ? 0 : 1}));
}

QList<QString> ConversationStore::activeMemberIds(const QString &conversationId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT user_id FROM members WHERE conversation_id = ? AND active = 1"),
                             {conversationId});
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    return ids;
}

QList<QString> ConversationStore::contactsOf(const QString &userId)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT DISTINCT other.user_id FROM members mine "
                                            "JOIN conversations c ON c.id = mine.conversation_id "
                                            "JOIN members other ON other.conversation_id = mine.conversation_id "
                                            "WHERE mine.user_id = ? AND mine.active = 1 AND other.active = 1 "
                                            "AND c.kind <> 'blind'"),
                             {userId});
    QList<QString> ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    return ids;
}

void ConversationStore::deactivateMember(const QString &conversationId, const QString &userId)
{
    m_db.exec(QStringLiteral("UPDATE members SET active = 0 WHERE conversation_id = ? AND user_id = ?"),
              {conversationId, userId})
        .finish();
}

void ConversationStore::setRole(const QString &conversationId, const QString &userId, Role role)
{
    m_db.exec(QStringLiteral("UPDATE members SET role = ? WHERE conversation_id = ? AND user_id = ?"),
              {protocol::enumName(role), conversationId, userId})
        .finish();
}

ConversationStore::Markers ConversationStore::advanceMarkers(const QString &conversationId, const QString &userId,
                                                            qint64 delivered, qint64 read)
{
    // CASE rather than GREATEST/MAX: the two dialects spell the two-argument maximum differently.
    // The privacy check is inside the statement, so a settings change on another device cannot
    // slip between reading the setting and writing the marker.
    QSqlQuery &q = m_db.exec(
        QStringLiteral("UPDATE members SET "
                       "last_delivered_seq = CASE WHEN ? > last_delivered_seq THEN ? ELSE last_delivered_seq END, "
                       "last_read_seq = CASE WHEN ? > last_read_seq THEN ? ELSE last_read_seq END, "
                       "public_read_seq = CASE WHEN ? > public_read_seq AND "
                       "(SELECT receipts_private FROM users WHERE users.id = members.user_id) = 0 "
                       "THEN ? ELSE public_read_seq END "
                       "WHERE conversation_id = ? AND user_id = ? "
                       "RETURNING last_delivered_seq, last_read_seq, public_read_seq"),
        {delivered, delivered, read, read, read, read, conversationId, userId});
    Markers markers;
    if (q.next())
        markers = {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    q.finish();
    return markers;
}

QList<MembershipRow> ConversationStore::readMemberships(QSqlQuery &q)
{
    QList<MembershipRow> rows;
    while (q.next()) {
        MembershipRow row;
        row.conversation = readConversation(q, 0);
        row.me = readMember(q, kConversationColumnCount);
        row.memberCount = q.value(kConversationColumnCount + kMemberColumnCount).toLongLong();
        rows.append(row);
    }
    q.finish();
    return rows;
}

QList<MembershipRow> ConversationStore::membershipsOf(const QString &userId, bool includeArchived)
{
    auto rows = readMemberships(m_db.exec(
        QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(", ") + kMemberColumns +
            QStringLiteral(", (SELECT COUNT(*) FROM members x WHERE x.conversation_id = c.id AND x.active = 1) "
                           "FROM members m JOIN conversations c ON c.id = m.conversation_id "
                           "JOIN users u ON u.id = m.user_id "
                           "WHERE m.user_id = ? AND m.active = 1 AND c.archived <= ? ORDER BY c.last_seq DESC, c.id"),
        {userId, includeArchived ? 1 : 0}));
    MentionStore mentions(m_db);
    for (MembershipRow &row : rows) {
        row.unread = unreadCount(row.conversation.id, userId, row.me.readSeq);
        row.unreadMentions = mentions.unreadCount(row.conversation.id, userId, row.me.readSeq);
    }
    return rows;
}

std::optional<MembershipRow> ConversationStore::membershipOf(const QString &userId, const QString &conversationId)
{
    auto rows = readMemberships(m_db.exec(
        QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(", ") + kMemberColumns +
            QStringLiteral(", (SELECT COUNT(*) FROM members x WHERE x.conversation_id = c.id AND x.active = 1) "
                           "FROM members m JOIN conversations c ON c.id = m.conversation_id "
                           "JOIN users u ON u.id = m.user_id "
                           "WHERE m.user_id = ? AND m.conversation_id = ? AND m.active = 1"),
        {userId, conversationId}));
    if (rows.isEmpty())
        return std::nullopt;
    rows.first().unread = unreadCount(conversationId, userId, rows.first().me.readSeq);
    rows.first().unreadMentions = MentionStore(m_db).unreadCount(conversationId, userId, rows.first().me.readSeq);
    return rows.first();
}

qint64 ConversationStore::unreadCount(const QString &conversationId, const QString &userId, qint64 readSeq)
{
    QSqlQuery &q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND seq > ? "
                                            "AND sender_id <> ? AND deleted = 0"),
                             {conversationId, readSeq, userId});
    const qint64 count = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return count;
}

} // namespace confab::server
