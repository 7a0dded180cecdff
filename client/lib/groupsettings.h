#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>

namespace confab::client {

class Connection;
class ConversationState;

/*!
 * The settings of the open group or blind room: its name and description, my mute, its members
 * (added, removed, their roles) and leaving it. What I may change follows the server's rules
 * (protocol.md: conversation.update, conversation.members.*); the server checks them again.
 * The members themselves are ChatClient's MemberListModel (its removable/roleChangeable roles).
 * It reads the state and asks the connection; it knows nothing of ChatClient.
 */
class GroupSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(QString conversationId READ conversationId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString description READ description NOTIFY changed)
    Q_PROPERTY(bool muted READ muted NOTIFY changed)
    //! When the conversation notifies me: "all", "mentions" or "nothing" (muted).
    Q_PROPERTY(QString notifyLevel READ notifyLevel NOTIFY changed)
    //! "owner", "admin" or "member".
    Q_PROPERTY(QString myRole READ myRole NOTIFY changed)
    //! A group or blind room (direct conversations have no such settings).
    Q_PROPERTY(bool isGroup READ isGroup NOTIFY changed)
    //! Owners and admins rename, describe, add and remove members.
    Q_PROPERTY(bool canManage READ canManage NOTIFY changed)
    //! Only the owner changes roles.
    Q_PROPERTY(bool canChangeRoles READ canChangeRoles NOTIFY changed)
    //! Why the last change was refused, or empty.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // Blind rooms (groupsettingsblind.cpp): who sees whom, and whether members invite.
    Q_PROPERTY(bool isBlind READ isBlind NOTIFY changed)
    //! "off" (names stay hidden), "mutual" (pairs who agree) or "scheduled" (also everyone at revealAt).
    Q_PROPERTY(QString revealPolicy READ revealPolicy NOTIFY changed)
    //! The scheduled reveal, while it is to come (else invalid).
    Q_PROPERTY(QDateTime revealAt READ revealAt NOTIFY changed)
    //! When the scheduled reveal showed every name (else invalid).
    Q_PROPERTY(QDateTime revealedAt READ revealedAt NOTIFY changed)
    Q_PROPERTY(bool membersInvite READ membersInvite NOTIFY changed)
public:
    GroupSettings(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    QString conversationId() const;
    QString title() const;
    QString description() const;
    bool muted() const;
    QString notifyLevel() const;
    QString myRole() const;
    bool isGroup() const;
    bool canManage() const;
    bool canChangeRoles() const;
    QString error() const { return m_error; }
    bool isBlind() const;
    QString revealPolicy() const;
    QDateTime revealAt() const;
    QDateTime revealedAt() const;
    bool membersInvite() const;

    //! Renames and/or describes the group: only what differs from now is sent.
    Q_INVOKABLE void save(const QString &title, const QString &description);
    Q_INVOKABLE void setMuted(bool muted);
    //! "all", "mentions" or "nothing"; every device of mine follows (conversation.notify.level).
    Q_INVOKABLE void setNotifyLevel(const QString &level);
    //! Looks the username up and adds them; memberAdded or an error follows.
    Q_INVOKABLE void addMember(const QString &username);
    Q_INVOKABLE void removeMember(const QString &memberId);
    //! `role`: "owner" (hands ownership over; I become an admin), "admin" or "member".
    Q_INVOKABLE void setRole(const QString &memberId, const QString &role);
    //! Leaves the group; it disappears from my list (ownership passes on when I own it).
    Q_INVOKABLE void leave();
    Q_INVOKABLE void clearError();
    //! Blind rooms, the owner: puts a member (alias id) into group "A" or "B", or none ("").
    Q_INVOKABLE void setMemberGroup(const QString &memberId, const QString &group);
    //! Blind rooms, the owner: `policy` as revealPolicy; `revealAt` only for "scheduled" (a new
    //! time moves it; another policy cancels it).
    Q_INVOKABLE void setRevealPolicy(const QString &policy, const QDateTime &revealAt, bool membersInvite);

signals:
    void changed();
    void errorChanged();
    void memberAdded(const QString &username);
    void left(const QString &conversationId);
    //! A request was refused: what and why, for the user (error holds it too).
    void failed(const QString &message);

private:
    void fail(const QString &what, const QString &why);
    void request(const QString &what, const auto &frame);

    Connection &m_connection;
    ConversationState &m_state;
    QString m_error;
};

} // namespace confab::client
