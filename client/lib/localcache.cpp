#include "localcache.h"

#include "cacheschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! The outbox's text columns are NOT NULL; a cleared QString binds as NULL.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
template <class T> QString listToText(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}
template <class T> std::optional<T> fromText(const QString &text)
{
    auto r = T::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
    return r.ok() ? std::optional(r.value()) : std::nullopt;
}
template <class T> QList<T> listFromText(const QString &text)
{
    QList<T> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        auto r = T::fromJson(v.toObject());
        if (r.ok())
            out.append(r.value());
    }
    return out;
}
} // namespace

LocalCache::LocalCache() : m_connection(QStringLiteral("confab-cache-") + QUuid::createUuid().toString(QUuid::Id128)) {}

LocalCache::~LocalCache()
{
    close();
}

bool LocalCache::open(const QString &path, QString *error)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = db.lastError().text();
            return false;
        }
    }
    // Not in a transaction: the journal mode and durability of this connection.
    for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL")}) {
        if (!exec(pragma)) {
            *error = QSqlDatabase::database(m_connection).lastError().text();
            return false;
        }
    }
    if (!cacheschema::migrate(QSqlDatabase::database(m_connection, false), error)) {
        close();
        return false;
    }
    return true;
}

void LocalCache::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool LocalCache::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool LocalCache::exec(const QString &sql, const QVariantList &params) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(sql)) {
        qWarning("confab cache: %s", qPrintable(q.lastError().text()));
        return false;
    }
    for (qsizetype i = 0; i < params.size(); ++i)
        q.bindValue(int(i), params[i]);
    if (!q.exec()) {
        qWarning("confab cache: %s", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

void LocalCache::saveConversation(const ConversationInfo &c)
{
    exec(QStringLiteral("INSERT INTO conversations (id, info) VALUES (?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET info = excluded.info"),
         {c.id, toText(c.toJson())});
}

void LocalCache::removeConversation(const QString &id)
{
    exec(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {id});
    exec(QStringLiteral("DELETE FROM messages WHERE conversation_id = ?"), {id});
    exec(QStringLiteral("DELETE FROM reactions WHERE conversation_id = ?"), {id});
    exec(QStringLiteral("DELETE FROM timeline_events WHERE conversation_id = ?"), {id});
    exec(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {id});
    removePins(id);
}

QList<ConversationInfo> LocalCache::conversations() const
{
    QList<ConversationInfo> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT info FROM conversations"));
    while (q.next()) {
        if (auto c = fromText<ConversationInfo>(q.value(0).toString()))
            out.append(*c);
    }
    return out;
}

std::optional<ConversationInfo> LocalCache::conversation(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT info FROM conversations WHERE id = ?"));
    q.bindValue(0, id);
    if (q.exec() && q.next())
        return fromText<ConversationInfo>(q.value(0).toString());
    return std::nullopt;
}

void LocalCache::saveMembers(const QString &id, const QList<MemberInfo> &members, const QList<MarkerInfo> &markers)
{
    exec(QStringLiteral("UPDATE conversations SET members = ?, markers = ? WHERE id = ?"),
         {listToText(members), listToText(markers), id});
}

QList<MemberInfo> LocalCache::members(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT members FROM conversations WHERE id = ?"));
    q.bindValue(0, id);
    return q.exec() && q.next() ? listFromText<MemberInfo>(q.value(0).toString()) : QList<MemberInfo>();
}

QList<MarkerInfo> LocalCache::markers(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT markers FROM conversations WHERE id = ?"));
    q.bindValue(0, id);
    return q.exec() && q.next() ? listFromText<MarkerInfo>(q.value(0).toString()) : QList<MarkerInfo>();
}

qint64 LocalCache::syncedSeq(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT synced_seq FROM conversations WHERE id = ?"));
    q.bindValue(0, id);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void LocalCache::setSyncedSeq(const QString &id, qint64 seq)
{
    exec(QStringLiteral("UPDATE conversations SET synced_seq = ? WHERE id = ? AND synced_seq < ?"), {seq, id, seq});
}

void LocalCache::saveMessage(const QString &conversationId, const MessageInfo &m)
{
    // One row per message: a message that comes back under another seq (a server that broke its
    // promise) replaces its old row rather than showing twice.
    exec(QStringLiteral("DELETE FROM messages WHERE conversation_id = ? AND id = ? AND seq <> ?"),
         {conversationId, m.id, m.seq});
    exec(QStringLiteral("INSERT INTO messages (conversation_id, seq, id, info) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (conversation_id, seq) DO UPDATE SET id = excluded.id, info = excluded.info"),
         {conversationId, m.seq, m.id, toText(m.toJson())});
}

std::optional<MessageInfo> LocalCache::message(const QString &conversationId, const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT info FROM messages WHERE conversation_id = ? AND id = ?"));
    q.bindValue(0, conversationId);
    q.bindValue(1, messageId);
    if (q.exec() && q.next())
        return fromText<MessageInfo>(q.value(0).toString());
    return std::nullopt;
}

QList<MessageInfo> LocalCache::messages(const QString &conversationId, qint64 beforeSeq, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT info FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?"));
    q.bindValue(0, conversationId);
    q.bindValue(1, beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    q.bindValue(2, limit);
    QList<MessageInfo> out;
    if (q.exec()) {
        while (q.next()) {
            if (auto m = fromText<MessageInfo>(q.value(0).toString()))
                out.prepend(*m);
        }
    }
    return out;
}

void LocalCache::clearMessages(const QString &conversationId)
{
    exec(QStringLiteral("DELETE FROM messages WHERE conversation_id = ?"), {conversationId});
    exec(QStringLiteral("DELETE FROM timeline_events WHERE conversation_id = ?"), {conversationId});
}

void LocalCache::saveTimelineEvent(const Event &event)
{
    exec(QStringLiteral("INSERT INTO timeline_events (conversation_id, seq, info) VALUES (?, ?, ?) "
                        "ON CONFLICT (conversation_id, seq) DO UPDATE SET info = excluded.info"),
         {event.conversationId, event.seq, toText(event.toJson())});
}

void LocalCache::savePins(const Pins &pins)
{
    exec(QStringLiteral("INSERT INTO pins (conversation_id, info) VALUES (?, ?) "
                        "ON CONFLICT (conversation_id) DO UPDATE SET info = excluded.info"),
         {pins.conversationId, toText(pins.toJson())});
}

void LocalCache::removePins(const QString &conversationId)
{
    exec(QStringLiteral("DELETE FROM pins WHERE conversation_id = ?"), {conversationId});
}

QList<Pins> LocalCache::allPins() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QList<Pins> out;
    if (q.exec(QStringLiteral("SELECT info FROM pins"))) {
        while (q.next()) {
            if (auto pins = fromText<Pins>(q.value(0).toString()))
                out.append(*pins);
        }
    }
    return out;
}

QList<Event> LocalCache::timelineEvents(const QString &conversationId, qint64 fromSeq, qint64 toSeq) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT info FROM timeline_events WHERE conversation_id = ? AND seq >= ? AND seq <= ? "
                             "ORDER BY seq"));
    q.bindValue(0, conversationId);
    q.bindValue(1, fromSeq);
    q.bindValue(2, toSeq);
    QList<Event> out;
    if (q.exec()) {
        while (q.next()) {
            if (auto e = fromText<Event>(q.value(0).toString()))
                out.append(*e);
        }
    }
    return out;
}

void LocalCache::saveDraft(const Draft &draft, qint64 now)
{
    if (draft.text.isEmpty() && draft.files.isEmpty() && draft.replyTo.isEmpty()) {
        exec(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {draft.conversationId});
        return;
    }
    exec(QStringLiteral("INSERT INTO drafts (conversation_id, text, files, reply_to, updated_at) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text, files = excluded.files, "
                        "reply_to = excluded.reply_to, updated_at = excluded.updated_at"),
         {draft.conversationId, draft.text.isNull() ? QStringLiteral("") : draft.text,
          QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(draft.files)).toJson(QJsonDocument::Compact)),
          draft.replyTo.isNull() ? QStringLiteral("") : draft.replyTo, now});
}

QList<LocalCache::Draft> LocalCache::drafts() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QList<Draft> out;
    if (!q.exec(QStringLiteral("SELECT conversation_id, text, files, reply_to FROM drafts ORDER BY conversation_id")))
        return out;
    while (q.next()) {
        Draft d;
        d.conversationId = q.value(0).toString();
        d.text = q.value(1).toString();
        for (const QJsonValue &f : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
            d.files.append(f.toString());
        d.replyTo = q.value(3).toString();
        out.append(d);
    }
    return out;
}

void LocalCache::applyReaction(const QString &conversationId, const QString &messageId, const QString &actorId,
                               const QString &emoji, bool add, qint64 seq)
{
    exec(QStringLiteral("INSERT INTO reactions (conversation_id, message_id, actor_id, emoji, present, seq) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, message_id, actor_id, emoji) "
                        "DO UPDATE SET present = excluded.present, seq = excluded.seq WHERE excluded.seq > reactions.seq"),
         {conversationId, messageId, actorId, emoji, add ? 1 : 0, seq});
}

QList<LocalCache::Reaction> LocalCache::reactions(const QString &conversationId, const QString &messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(messageId.isEmpty()
                  ? QStringLiteral("SELECT message_id, actor_id, emoji FROM reactions WHERE conversation_id = ? "
                                   "AND present = 1 ORDER BY seq")
                  : QStringLiteral("SELECT message_id, actor_id, emoji FROM reactions WHERE conversation_id = ? "
                                   "AND present = 1 AND message_id = ? ORDER BY seq"));
    q.bindValue(0, conversationId);
    if (!messageId.isEmpty())
        q.bindValue(1, messageId);
    QList<Reaction> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

void LocalCache::addToOutbox(const OutboxItem &item)
{
    // One transaction: the message and its files are there together or not at all.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    // The files first: a crash in between leaves only rows that no message refers to.
    for (qsizetype i = 0; i < item.files.size(); ++i) {
        const OutboxFile &f = item.files[i];
        exec(QStringLiteral("INSERT INTO outbox_files (key, client_id, position, path, name, size, mime, sha256) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {f.key, item.clientId, qint64(i), f.path, f.name, f.size, f.mime, f.sha256});
    }
    exec(QStringLiteral("INSERT INTO outbox (client_id, conversation_id, body, reply_to, created_at) VALUES (?, ?, ?, ?, ?)"),
         {item.clientId, item.conversationId, item.body.isNull() ? QStringLiteral("") : item.body,
          item.replyTo ? QVariant(*item.replyTo) : QVariant(QMetaType::fromType<QString>()), item.createdAt});
    if (!item.mentions.isEmpty())
        exec(QStringLiteral("INSERT INTO outbox_mentions (client_id, mentions) VALUES (?, ?)"),
             {item.clientId, listToText(item.mentions)});
    db.commit();
}

QList<OutboxItem> LocalCache::outbox() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT client_id, conversation_id, body, reply_to, created_at, failed, error FROM outbox "
                          "ORDER BY position"));
    QList<OutboxItem> out;
    while (q.next()) {
        OutboxItem item;
        item.clientId = q.value(0).toString();
        item.conversationId = q.value(1).toString();
        item.body = q.value(2).toString();
        if (!q.value(3).isNull())
            item.replyTo = q.value(3).toString();
        item.createdAt = q.value(4).toLongLong();
        item.failed = q.value(5).toInt() != 0;
        item.error = q.value(6).toString();
        out.append(item);
    }
    QSqlQuery f(QSqlDatabase::database(m_connection, false));
    f.exec(QStringLiteral("SELECT client_id, key, path, name, size, mime, sha256, upload_id, attachment_id, "
                          "offset_bytes, done, failed, error FROM outbox_files ORDER BY client_id, position"));
    while (f.next()) {
        OutboxFile file;
        file.key = f.value(1).toString();
        file.path = f.value(2).toString();
        file.name = f.value(3).toString();
        file.size = f.value(4).toLongLong();
        file.mime = f.value(5).toString();
        file.sha256 = f.value(6).toString();
        file.uploadId = f.value(7).toString();
        file.attachmentId = f.value(8).toString();
        file.offset = f.value(9).toLongLong();
        file.done = f.value(10).toInt() != 0;
        file.failed = f.value(11).toInt() != 0;
        file.error = f.value(12).toString();
        const QString clientId = f.value(0).toString();
        for (OutboxItem &item : out) {
            if (item.clientId == clientId)
                item.files.append(file);
        }
    }
    QSqlQuery m(QSqlDatabase::database(m_connection, false));
    m.exec(QStringLiteral("SELECT client_id, mentions FROM outbox_mentions"));
    while (m.next()) {
        for (OutboxItem &item : out) {
            if (item.clientId == m.value(0).toString())
                item.mentions = listFromText<Mention>(m.value(1).toString());
        }
    }
    return out;
}

void LocalCache::saveOutboxFile(const OutboxFile &f)
{
    exec(QStringLiteral("UPDATE outbox_files SET upload_id = ?, attachment_id = ?, offset_bytes = ?, done = ?, "
                        "failed = ?, error = ? WHERE key = ?"),
         {notNull(f.uploadId), notNull(f.attachmentId), f.offset, f.done ? 1 : 0, f.failed ? 1 : 0, notNull(f.error), f.key});
}

void LocalCache::saveAttachment(const AttachmentInfo &info)
{
    exec(QStringLiteral("INSERT INTO attachments (id, info) VALUES (?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET info = excluded.info"),
         {info.id, toText(info.toJson())});
}

std::optional<AttachmentInfo> LocalCache::attachment(const QString &attachmentId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT info FROM attachments WHERE id = ?"));
    q.bindValue(0, attachmentId);
    if (q.exec() && q.next())
        return fromText<AttachmentInfo>(q.value(0).toString());
    return std::nullopt;
}

void LocalCache::removeFromOutbox(const QString &clientId)
{
    exec(QStringLiteral("DELETE FROM outbox_files WHERE client_id = ?"), {clientId});
    exec(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"), {clientId});
    exec(QStringLiteral("DELETE FROM outbox_mentions WHERE client_id = ?"), {clientId});
}

void LocalCache::markOutboxFailed(const QString &clientId, const QString &error)
{
    exec(QStringLiteral("UPDATE outbox SET failed = 1, error = ? WHERE client_id = ?"), {error, clientId});
}

void LocalCache::retryOutbox(const QString &clientId)
{
    exec(QStringLiteral("UPDATE outbox SET failed = 0, error = '' WHERE client_id = ?"), {clientId});
    exec(QStringLiteral("UPDATE outbox_files SET failed = 0, error = '' WHERE client_id = ?"), {clientId});
}

void LocalCache::editOutbox(const QString &clientId, const QString &body, const QList<Mention> &mentions)
{
    exec(QStringLiteral("UPDATE outbox SET body = ? WHERE client_id = ?"), {body, clientId});
    exec(QStringLiteral("DELETE FROM outbox_mentions WHERE client_id = ?"), {clientId});
    if (!mentions.isEmpty())
        exec(QStringLiteral("INSERT INTO outbox_mentions (client_id, mentions) VALUES (?, ?)"),
             {clientId, listToText(mentions)});
}

} // namespace confab::client
