// ChatClient: blind rooms. Aliases in the UI language, the mutual reveal, reports, and the check
// of file names before they are sent into a blind room.
#include "blindnames.h"
#include "chatclient.h"

#include <QFileInfo>
#include <QPointer>
#include <QUrl>

namespace confab::client {

using namespace confab::protocol;

void ChatClient::setLanguage(const QString &language)
{
    const QString lang = language == QLatin1StringView("ko") ? language : QStringLiteral("en");
    if (lang == m_language)
        return;
    m_language = lang;
    m_conversations.setLanguage(lang);
    if (!m_current.isEmpty() && m_cache.isOpen()) {
        // Names (aliases) in the new language, without reloading: the scroll position and older
        // messages stay.
        m_messages.setMembers(displayMembers(m_current), m_cache.markers(m_current));
        const auto c = m_cache.conversation(m_current);
        m_members.reset(m_cache.members(m_current), myMemberId(m_current), m_language,
                        c ? c->revealOffers : QList<RevealOffer>());
    }
    // Every row again: day separators ("Today"), "You" and times are formatted in data().
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{&m_messages, &m_thread, &m_search}) {
        if (model->rowCount() > 0)
            emit model->dataChanged(model->index(0, 0), model->index(model->rowCount() - 1, 0));
    }
    emit languageChanged();
    emit typingChanged();
}

QList<MemberInfo> ChatClient::displayMembers(const QString &conversationId) const
{
    if (!m_cache.isOpen() || conversationId.isEmpty())
        return {};
    return blind::forDisplay(m_cache.members(conversationId), m_language);
}

bool ChatClient::currentRevealsAllowed() const
{
    const auto c = m_conversations.conversation(m_current);
    return c && c->kind == ConversationKind::Blind && c->reveals.value_or(true);
}

bool ChatClient::currentRevealOffered() const
{
    const auto c = m_conversations.conversation(m_current);
    if (!c || !c->me)
        return false;
    return std::any_of(c->revealOffers.begin(), c->revealOffers.end(),
                       [&](const RevealOffer &o) { return o.from == c->me->id && !o.to; });
}

bool ChatClient::currentIsOwner() const
{
    const auto c = m_conversations.conversation(m_current);
    return c && c->role == Role::Owner;
}

namespace {
//! Refusals are told to the user; success shows in the events that follow.
auto reportFailure(ChatClient *client)
{
    return [client = QPointer<ChatClient>(client)](const Frame &reply) {
        if (const auto *e = std::get_if<Error>(&reply); e && client)
            emit client->errorOccurred(e->message);
    };
}
} // namespace

void ChatClient::offerReveal(const QString &conversationId, const QString &memberId)
{
    ConversationReveal request{conversationId, memberId.isEmpty() ? std::nullopt : std::optional(memberId), true};
    m_connection.request(request, reportFailure(this));
}

void ChatClient::withdrawReveal(const QString &conversationId, const QString &memberId)
{
    ConversationReveal request{conversationId, memberId.isEmpty() ? std::nullopt : std::optional(memberId), false};
    m_connection.request(request, reportFailure(this));
}

void ChatClient::setRevealsAllowed(const QString &conversationId, bool allowed)
{
    m_connection.request(ConversationReveals{conversationId, allowed}, reportFailure(this));
}

void ChatClient::reportMember(const QString &conversationId, const QString &memberId, const QString &reason)
{
    const QString why = reason.trimmed().left(field::kReportReasonMaxChars);
    if (why.isEmpty())
        return;
    m_connection.request(MembersReport{conversationId, memberId, why},
                         [this, conversationId, memberId](const Frame &reply) {
                             if (std::holds_alternative<Ok>(reply))
                                 emit memberReported(conversationId, memberId);
                             else if (const auto *e = std::get_if<Error>(&reply))
                                 emit errorOccurred(e->message);
                         });
}

QVariantMap ChatClient::revealPreview(const QString &conversationId, const QString &memberId) const
{
    const auto c = m_conversations.conversation(conversationId);
    if (!c || c->kind != ConversationKind::Blind || !c->me)
        return {};
    QVariantMap preview{{QStringLiteral("toRoom"), memberId.isEmpty()},
                        {QStringLiteral("memberId"), memberId},
                        {QStringLiteral("alias"), blind::aliasName(*c->me, m_language)},
                        {QStringLiteral("displayName"), m_displayName},
                        {QStringLiteral("username"), m_username},
                        {QStringLiteral("others"), std::max<qint64>(0, c->memberCount - 1)}};
    const QString me = c->me->id;
    preview.insert(QStringLiteral("offered"), std::any_of(c->revealOffers.begin(), c->revealOffers.end(), [&](const RevealOffer &o) {
                       return o.from == me && o.to.value_or(QString()) == memberId;
                   }));
    if (!memberId.isEmpty()) {
        for (const MemberInfo &m : displayMembers(conversationId)) {
            if (m.id == memberId)
                preview.insert(QStringLiteral("target"), m.name);
        }
        // They already offered to me or to the room: my offer reveals us to each other at once.
        preview.insert(QStringLiteral("theyOffered"), std::any_of(c->revealOffers.begin(), c->revealOffers.end(),
                                                                  [&](const RevealOffer &o) {
                                                                      return o.from == memberId && (!o.to || *o.to == me);
                                                                  }));
    }
    return preview;
}

QStringList ChatClient::identifyingFileNames(const QString &conversationId, const QStringList &files) const
{
    const auto c = m_conversations.conversation(conversationId);
    if (!c || c->kind != ConversationKind::Blind)
        return {};
    QStringList names;
    for (const QString &file : files) {
        const QUrl url(file);
        const QString path = url.isLocalFile() ? url.toLocalFile() : file;
        const QString name = QFileInfo(path).fileName();
        if (blind::fileNameNamesUser(name, m_username, m_displayName) && !names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace confab::client
