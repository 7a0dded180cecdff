#include "messageactions.h"

#include "connection.h"
#include "conversationstate.h"
#include "drafts.h"
#include "mentiontext.h"
#include "messagelistmodel.h"

#include <QClipboard>
#include <QGuiApplication>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! Older pages loaded at most to find a message jumped to (50 messages each).
constexpr int kMaxJumpPages = 20;
} // namespace

MessageActions::MessageActions(Connection &connection, ConversationState &state, MessageListModel &messages,
                               Drafts &drafts, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state), m_messages(messages), m_drafts(drafts)
{
    // Another conversation: the editing ends; the reply being written stays in the old one's draft
    // and the new one's (if any) comes back.
    connect(&state, &ConversationState::opened, this, [this] {
        if (m_messages.conversationId() == currentConversationId())
            return;
        cancelEdit();
        showDraftReply();
    });
    connect(&messages, &MessageListModel::conversationChanged, this, [this] {
        cancelEdit();
        showDraftReply();
    });
    connect(&messages, &MessageListModel::countChanged, this, [this] {
        if (!m_jumpId.isEmpty())
            tryJump();
    });
}

void MessageActions::request(const QString &what, const auto &frame)
{
    m_connection.request(frame, [this, what](const Reply<Ok> &reply) {
        if (!reply)
            emit failed(tr("%1: %2").arg(what, reply.error().message));
    });
}

QString MessageActions::currentConversationId() const
{
    return m_state.openConversation();
}

bool MessageActions::canEdit(const QString &messageId) const
{
    const auto m = m_messages.message(messageId);
    return m && !m->deleted && m->seq > 0 && m->senderId == m_messages.myMemberId();
}

bool MessageActions::canDelete(const QString &messageId) const
{
    const auto m = m_messages.message(messageId);
    if (!m || m->deleted || m->seq <= 0)
        return false;
    if (m->senderId == m_messages.myMemberId())
        return true;
    const auto c = m_state.conversation(currentConversationId());
    return c && c->kind != ConversationKind::Direct && (c->role == Role::Owner || c->role == Role::Admin);
}

void MessageActions::startEdit(const QString &messageId)
{
    if (!canEdit(messageId) || m_editingId == messageId)
        return;
    m_editingId = messageId;
    emit editingChanged();
    const int row = m_messages.rowOfMessage(messageId);
    if (row >= 0)
        emit jumpRequested(messageId, row);
}

bool MessageActions::editLast()
{
    const QString id = m_messages.lastOwnMessageId();
    if (id.isEmpty())
        return false;
    startEdit(id);
    return true;
}

void MessageActions::cancelEdit()
{
    if (m_editingId.isEmpty())
        return;
    m_editingId.clear();
    emit editingChanged();
}

void MessageActions::saveEdit(const QString &messageId, const QString &body)
{
    const auto m = m_messages.message(messageId);
    if (m && canEdit(messageId) && !body.trimmed().isEmpty() && body != m->body)
        request(tr("The message could not be edited"),
                MessageEdit{currentConversationId(), messageId, body,
                            mentiontext::carryOver(m->body, m->mentions, body)});
    if (m_editingId == messageId)
        cancelEdit();
}

void MessageActions::remove(const QString &messageId)
{
    if (!canDelete(messageId))
        return;
    if (m_editingId == messageId)
        cancelEdit();
    request(tr("The message could not be deleted"), MessageDelete{currentConversationId(), messageId});
}

void MessageActions::toggleReaction(const QString &messageId, const QString &emoji)
{
    const auto m = m_messages.message(messageId);
    if (!m || m->deleted || emoji.isEmpty())
        return;
    const bool add = !m_messages.hasMyReaction(messageId, emoji);
    request(tr("The reaction could not be saved"), MessageReact{currentConversationId(), messageId, emoji, add});
}

void MessageActions::copyText(const QString &messageId) const
{
    const auto m = m_messages.message(messageId);
    // Headless users of the library (no QGuiApplication) have no clipboard.
    if (m && !m->deleted && qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        QGuiApplication::clipboard()->setText(m->body);
}

void MessageActions::startReply(const QString &messageId)
{
    const auto m = m_messages.message(messageId);
    if (!m || m->deleted || m->seq <= 0)
        return;
    m_replyTarget = m_messages.quote(messageId);
    m_drafts.setReplyTo(currentConversationId(), messageId);
    emit replyTargetChanged();
}

void MessageActions::cancelReply()
{
    m_drafts.setReplyTo(currentConversationId(), {});
    if (m_replyTarget.isEmpty())
        return;
    m_replyTarget.clear();
    emit replyTargetChanged();
}

void MessageActions::showDraftReply()
{
    const QString id = m_drafts.replyTo(currentConversationId());
    const QVariantMap target = id.isEmpty() ? QVariantMap() : m_messages.quote(id);
    if (target == m_replyTarget)
        return;
    m_replyTarget = target;
    emit replyTargetChanged();
}

void MessageActions::jumpTo(const QString &conversationId, const QString &messageId)
{
    if (conversationId.isEmpty() || messageId.isEmpty())
        return;
    m_jumpId.clear();
    if (currentConversationId() != conversationId)
        emit openWanted(conversationId);
    m_jumpId = messageId;
    m_jumpTries = 0;
    tryJump();
}

void MessageActions::tryJump()
{
    MessageListModel *messages = &m_messages;
    const int row = messages->rowOfMessage(m_jumpId);
    if (row >= 0) {
        const QString id = std::exchange(m_jumpId, QString());
        m_highlightedId = id;
        emit highlightedChanged();
        emit jumpRequested(id, row);
        return;
    }
    // Older than what is loaded: load pages until it is there, but not forever.
    if (messages->canLoadOlder() && m_jumpTries < kMaxJumpPages) {
        ++m_jumpTries;
        emit olderWanted();
    } else if (!messages->canLoadOlder() || m_jumpTries >= kMaxJumpPages) {
        m_jumpId.clear();
    }
}

QVariantList MessageActions::emojiCategories() const
{
    // Common emoji only (one code point sequence each, no skin tones): enough to react with.
    const auto category = [](const QString &name, const QString &icon, const QString &emoji) {
        return QVariantMap{{QStringLiteral("name"), name},
                           {QStringLiteral("icon"), icon},
                           {QStringLiteral("emoji"), emoji.split(u' ', Qt::SkipEmptyParts)}};
    };
    return {
        category(tr("Smileys"), QStringLiteral("😀"),
                 QStringLiteral("😀 😃 😄 😁 😆 😅 😂 🤣 😊 😇 🙂 🙃 😉 😌 😍 🥰 😘 😋 😛 😜 🤪 🤨 🧐 🤓 😎 🥳 😏 "
                                "😒 😞 😔 😟 😕 🙁 😣 😖 😫 😩 🥺 😢 😭 😤 😠 😡 🤯 😳 🥵 🥶 😱 😨 😰 😥 😓 🤗 "
                                "🤔 🤭 🤫 🤥 😶 😐 😑 😬 🙄 😯 😦 😧 😮 😲 🥱 😴 🤤 😪 😵 🤐 🥴 🤢 🤮 🤧 😷 🤒")),
        category(tr("Gestures"), QStringLiteral("👍"),
                 QStringLiteral("👍 👎 👌 🤌 ✌️ 🤞 🤟 🤘 🤙 👈 👉 👆 👇 ☝️ 👋 🤚 🖐️ ✋ 🖖 👏 🙌 👐 🤲 🙏 🤝 "
                                "💪 🫶 ✍️ 👀 🧠")),
        category(tr("Hearts"), QStringLiteral("❤️"),
                 QStringLiteral("❤️ 🧡 💛 💚 💙 💜 🖤 🤍 🤎 💔 ❣️ 💕 💞 💓 💗 💖 💘 💝 💯 💢 💥 💫 💦 💤")),
        category(tr("Celebration"), QStringLiteral("🎉"),
                 QStringLiteral("🎉 🎊 🎈 🎁 🎂 🍰 🥂 🍾 🏆 🥇 🏅 🎯 ✨ 🌟 ⭐ 🔥 🚀 ⚡ 🌈 ☀️")),
        category(tr("Objects"), QStringLiteral("💡"),
                 QStringLiteral("💡 📌 📎 📝 📅 📈 📉 📊 📦 🔒 🔑 🔔 🔕 💻 ⌨️ 🖥️ 📱 ☎️ 📷 🎧 ☕ 🍵 🍕 🍔 🍜 🍣 🍺")),
        category(tr("Symbols"), QStringLiteral("✅"),
                 QStringLiteral("✅ ☑️ ✔️ ❌ ❎ ➕ ➖ ❓ ❗ ‼️ ⁉️ ⚠️ 🚫 ⛔ 🔴 🟠 🟡 🟢 🔵 🟣 ⚫ ⚪ 🆗 🆕 🆒 🔝")),
    };
}

QStringList MessageActions::quickReactions() const
{
    return {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"), QStringLiteral("🎉"),
            QStringLiteral("😮"), QStringLiteral("🙏")};
}

} // namespace confab::client
