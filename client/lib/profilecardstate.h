#pragma once

// The profile card: the person behind a name or avatar of a conversation (the timeline's sender,
// a row of the member list), as I may know them there. Outside blind rooms: name, @username,
// status, presence, and whether I block them. In blind rooms: the alias only, nothing to act on.

#include <QObject>
#include <QQmlEngine>

namespace confab::client {

class Blocks;
class ConversationState;
class Presence;

class ProfileCardState : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! A member is shown (open() found them).
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    //! The member id as the conversation knows it (an alias id in blind rooms).
    Q_PROPERTY(QString memberId READ memberId NOTIFY changed)
    //! The real user id, for Message and Block; empty in blind rooms.
    Q_PROPERTY(QString userId READ userId NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    //! Empty in blind rooms.
    Q_PROPERTY(QString username READ username NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    //! "online", "away", "offline"; "" in blind rooms (presence never shows there).
    Q_PROPERTY(QString presence READ presence NOTIFY changed)
    Q_PROPERTY(QString avatarColor READ avatarColor NOTIFY changed)
    Q_PROPERTY(QString initials READ initials NOTIFY changed)
    //! A blind room's member: the alias is all there is to show.
    Q_PROPERTY(bool alias READ alias NOTIFY changed)
    Q_PROPERTY(bool isMe READ isMe NOTIFY changed)
    Q_PROPERTY(bool bot READ bot NOTIFY changed)
    Q_PROPERTY(bool blocked READ blocked NOTIFY changed)
public:
    ProfileCardState(const ConversationState &state, const Presence &presence, const Blocks &blocks,
                QObject *parent = nullptr);

    //! Shows a member of a conversation; valid stays false when they are not known there.
    Q_INVOKABLE void open(const QString &conversationId, const QString &memberId);
    Q_INVOKABLE void close();
    void setLanguage(const QString &language);

    bool valid() const { return !m_memberId.isEmpty() && !m_name.isEmpty(); }
    QString memberId() const { return m_memberId; }
    QString userId() const { return m_alias ? QString() : m_memberId; }
    QString name() const { return m_name; }
    QString username() const { return m_username; }
    QString status() const { return m_status; }
    QString presence() const;
    QString avatarColor() const;
    QString initials() const;
    bool alias() const { return m_alias; }
    bool isMe() const { return m_isMe; }
    bool bot() const { return m_bot; }
    bool blocked() const;

signals:
    void changed();

private:
    void refresh();

    const ConversationState &m_state;
    const Presence &m_presence;
    const Blocks &m_blocks;
    QString m_language = QStringLiteral("en");
    QString m_conversationId, m_memberId;
    QString m_name, m_username, m_status;
    bool m_alias = false, m_isMe = false, m_bot = false;
};

} // namespace confab::client
