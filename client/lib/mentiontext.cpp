#include "mentiontext.h"

#include <algorithm>

namespace confab::client::mentiontext {

namespace {
bool wordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.isMark();
}
} // namespace

QList<protocol::Mention> locate(const QString &text, const QList<Pick> &picks)
{
    QList<Pick> ordered = picks;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Pick &a, const Pick &b) { return a.label.size() > b.label.size(); });
    QList<protocol::Mention> found;
    const auto taken = [&found](qsizetype start, qsizetype length) {
        return std::any_of(found.cbegin(), found.cend(), [&](const protocol::Mention &m) {
            return start < m.start + m.length && m.start < start + length;
        });
    };
    for (const Pick &pick : std::as_const(ordered)) {
        if (pick.label.isEmpty())
            continue;
        for (qsizetype at = text.indexOf(pick.label); at >= 0; at = text.indexOf(pick.label, at + 1)) {
            const qsizetype end = at + pick.label.size();
            if (at > 0 && wordChar(text.at(at - 1)))
                continue; // "mail@Mina"
            if (end < text.size() && wordChar(text.at(end)))
                continue; // "@Minato"
            if (taken(at, pick.label.size()))
                continue;
            protocol::Mention m;
            m.start = at;
            m.length = pick.label.size();
            if (pick.memberId)
                m.memberId = pick.memberId;
            else
                m.room = true;
            found.append(m);
        }
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
    if (found.size() > protocol::field::kMaxMentionsPerMessage)
        found.resize(protocol::field::kMaxMentionsPerMessage);
    return found;
}

QList<protocol::Mention> carryOver(const QString &oldBody, const QList<protocol::Mention> &mentions,
                                   const QString &newBody)
{
    QList<Pick> picks;
    for (const protocol::Mention &m : mentions) {
        if (m.start < 0 || m.start + m.length > oldBody.size())
            continue;
        const Pick pick{m.room.value_or(false) ? std::nullopt : m.memberId, oldBody.mid(m.start, m.length)};
        if (!picks.contains(pick))
            picks.append(pick);
    }
    return locate(newBody, picks);
}

} // namespace confab::client::mentiontext
