#include "hiddentextcleanup.h"

#include "storage/database.h"

#include <protocol/text.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace confab::server {

namespace {

using protocol::text::findHidden;
using protocol::text::withoutHidden;

//! A cleaned name must stay a name: one that was nothing but hidden characters becomes "?".
QString cleanName(const QString &name, bool mayBeEmpty)
{
    const QString clean = withoutHidden(name);
    return clean.isEmpty() && !mayBeEmpty ? QStringLiteral("?") : clean;
}

void cleanColumn(Database &db, const QString &table, const QString &column, bool mayBeEmpty)
{
    // Tables of people, conversations and files: small enough to read once.
    QList<std::pair<QString, QString>> changes;
    QSqlQuery &q = db.exec(QStringLiteral("SELECT id, %1 FROM %2").arg(column, table));
    while (q.next()) {
        const QString value = q.value(1).toString();
        if (findHidden(value) || (!value.isEmpty() && value.trimmed().isEmpty()))
            changes.append({q.value(0).toString(), cleanName(value, mayBeEmpty)});
    }
    q.finish();
    for (const auto &[id, value] : std::as_const(changes))
        db.exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column), {value, id});
}

const QSet<QString> kNameKeys = {QStringLiteral("title"), QStringLiteral("description"),
                                 QStringLiteral("display_name"), QStringLiteral("name")};

QJsonValue cleanNames(const QJsonValue &value, bool &changed)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(cleanNames(item, changed));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out = value.toObject();
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (kNameKeys.contains(it.key()) && it.value().isString()) {
            const QString before = it.value().toString();
            const QString after = cleanName(before, it.key() != QLatin1StringView("display_name") &&
                                                        it.key() != QLatin1StringView("name"));
            if (after != before) {
                changed = true;
                it.value() = after;
            }
        } else if (it.value().isObject() || it.value().isArray()) {
            it.value() = cleanNames(it.value(), changed);
        }
    }
    return out;
}

} // namespace

void removeHiddenCharactersFromNames(Database &db)
{
    cleanColumn(db, QStringLiteral("users"), QStringLiteral("display_name"), false);
    cleanColumn(db, QStringLiteral("conversations"), QStringLiteral("title"), true);
    cleanColumn(db, QStringLiteral("conversations"), QStringLiteral("description"), true);
    cleanColumn(db, QStringLiteral("attachments"), QStringLiteral("name"), false);

    // The event log can be large: only payloads holding one of the characters that matter most
    // (bidirectional controls, zero-width characters, fillers) are read and rewritten.
    static constexpr char16_t kSuspects[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                                             0x2069, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF,
                                             0x061C, 0x00AD, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x2800, 0x180E};
    QSet<std::pair<QString, qint64>> seen;
    for (const char16_t c : kSuspects) {
        const QString pattern = QStringLiteral("%") + QChar(c) + QStringLiteral("%");
        QList<std::tuple<QString, qint64, QString>> changes;
        QSqlQuery &q = db.exec(
            QStringLiteral("SELECT conversation_id, seq, payload FROM events WHERE payload LIKE ?"), {pattern});
        while (q.next()) {
            const std::pair key{q.value(0).toString(), q.value(1).toLongLong()};
            if (seen.contains(key))
                continue;
            seen.insert(key);
            bool changed = false;
            const QJsonValue cleaned =
                cleanNames(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), changed);
            if (changed)
                changes.append({key.first, key.second,
                                QString::fromUtf8(QJsonDocument(cleaned.toObject()).toJson(QJsonDocument::Compact))});
        }
        q.finish();
        for (const auto &[conversation, seq, payload] : std::as_const(changes))
            db.exec(QStringLiteral("UPDATE events SET payload = ? WHERE conversation_id = ? AND seq = ?"),
                    {payload, conversation, seq});
    }
}

} // namespace confab::server
