#pragma once

#include "connection.h"
#include "conversationstate.h"
#include "typing.h"

#include <QHash>
#include <QObject>

namespace confab::client {

/*!
 * Who is around and who is typing: the ephemeral part of what the server pushes (never stored),
 * and mine (typing while the composer has text, away). Pushed `typing.update` and `presence`
 * frames come in here; nobody's typing outlives a dropped link.
 */
class Presence : public QObject {
    Q_OBJECT
public:
    Presence(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    //! A pushed frame: `typing.update` and `presence` are taken, the rest ignored.
    void apply(const protocol::Frame &pushed);
    //! Signed in (again): the server's timings, and an away user stays away.
    void start(const protocol::Limits &limits);

    QList<QString> typers(const QString &conversationId) const { return m_typingIn.typers(conversationId); }
    //! "online", "away" or "offline".
    QString of(const QString &userId) const { return m_presence.value(userId, QStringLiteral("offline")); }
    const QHash<QString, QString> &all() const { return m_presence; }

    //! The composer's text of a conversation changed: I am typing there, or stopped.
    void composerTextChanged(const QString &conversationId, const QString &text);
    void stopTyping(const QString &conversationId) { m_typingOut.stop(conversationId); }
    bool sendTyping() const { return m_sendTyping; }
    void setSendTyping(bool send);
    bool away() const { return m_away; }
    void setAway(bool away);

signals:
    void typingChanged(const QString &conversationId);
    void presenceChanged(const QString &userId);
    void sendTypingChanged();
    void awayChanged();

private:
    void handle(const protocol::TypingUpdate &update);
    void handle(const protocol::PresenceUpdate &update);
    void handle(const auto &) {}

    Connection &m_connection;
    ConversationState &m_state;
    TypingTracker m_typingIn;
    TypingNotifier m_typingOut;
    QHash<QString, QString> m_presence;
    bool m_sendTyping = true;
    bool m_away = false;
};

} // namespace confab::client
