// MessageListModel's lines of the conversation's own events (SystemLines): where they go among the
// messages, which join into one line, and what a line says.
#include "blindnames.h"
#include "messagelistmodel.h"
#include "systemlines.h"

namespace confab::client {

using namespace confab::protocol;

MessageListModel::Row MessageListModel::systemRow(const QList<Event> &events)
{
    Row row;
    row.system = events;
    // Ordered, grouped by day and marked read as the last event it tells of.
    row.message.seq = events.last().seq;
    row.message.createdAt = events.first().at;
    return row;
}

QList<MessageListModel::Row> MessageListModel::rowsOf(const QList<MessageInfo> &messages, const QList<Event> &events) const
{
    QList<Row> rows;
    qsizetype e = 0;
    const auto addEvent = [&rows, this](const Event &event) {
        if (!SystemLines::shown(event, m_kind))
            return;
        if (!rows.isEmpty() && rows.last().isSystem() && SystemLines::joins(rows.last().system.last(), event)) {
            rows.last().system.append(event);
            rows.last().message.seq = event.seq;
        } else {
            rows.append(systemRow({event}));
        }
    };
    for (const MessageInfo &m : messages) {
        for (; e < events.size() && events[e].seq < m.seq; ++e)
            addEvent(events[e]);
        rows.append(Row{m, false, false, {}, {}, {}});
    }
    for (; e < events.size(); ++e)
        addEvent(events[e]);
    return rows;
}

void MessageListModel::addSystemEvent(const Event &event)
{
    if (event.conversationId != m_conversationId || !SystemLines::shown(event, m_kind))
        return;
    int pos = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (r.pending)
            break;
        if (r.isSystem() && r.system.last().seq >= event.seq && r.firstSeq() <= event.seq)
            return; // shown already
        if (r.message.seq < event.seq)
            pos = i + 1;
    }
    // Right after a line it joins: that line tells of one more.
    if (pos > 0 && m_rows[pos - 1].isSystem() && SystemLines::joins(m_rows[pos - 1].system.last(), event)) {
        Row &line = m_rows[pos - 1];
        line.system.append(event);
        line.message.seq = event.seq;
        emit dataChanged(index(pos - 1), index(pos - 1));
        return;
    }
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, systemRow({event}));
    endInsertRows();
    if (pos + 1 < m_rows.size())
        emit dataChanged(index(pos + 1), index(pos + 1)); // the message after it starts a group now
    emit countChanged();
}

QString MessageListModel::systemText(const Row &row) const
{
    const auto nameOf = [this](const QString &memberId) {
        if (const auto it = m_systemNames.constFind(memberId); it != m_systemNames.cend())
            return *it;
        // A member gone since: the name their own events carried.
        for (const Row &r : m_rows) {
            for (const Event &e : r.system) {
                if (e.member && e.member->id == memberId)
                    return blind::aliasName(*e.member, m_language);
            }
        }
        return QString();
    };
    return SystemLines::text(row.system, m_kind, nameOf, m_language);
}

} // namespace confab::client
