#pragma once

#include "connection.h"
#include "conversationstate.h"

#include <QObject>
#include <QVariantMap>

#include <functional>

namespace confab::client {

/*!
 * What is particular to blind rooms: the mutual reveal (offers, withdrawals, whether the owner
 * allows them), reports of members to the server's operator, and the checks that keep me from
 * naming myself by accident (file names). Aliases are shown in the UI language (blindnames.h).
 */
class BlindRooms : public QObject {
    Q_OBJECT
public:
    BlindRooms(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    //! Who I am, as the reveal would show me.
    void setIdentity(const QString &username, const QString &displayName)
    {
        m_username = username;
        m_displayName = displayName;
    }
    void setLanguage(const QString &language) { m_language = language; }

    void offerReveal(const QString &conversationId, const QString &memberId, bool offer);
    void setRevealsAllowed(const QString &conversationId, bool allowed);
    void reportMember(const QString &conversationId, const QString &memberId, const QString &reason);
    /*!
     * Creates a blind room in one request: `setup` is {title, description, members: [{username,
     * group ("A", "B" or "")}], myGroup, reveal ("off", "mutual", "scheduled"), revealAt (ms since
     * the epoch, for "scheduled"), membersInvite}. Every username must exist: a room missing
     * someone would be a different room, so none is made then. `done` gets the server's reply, or
     * nothing when it failed before (failedToCreate says why).
     */
    void createRoom(const QVariantMap &setup,
                    std::function<void(const protocol::Reply<protocol::ConversationDetail> &)> done);

    bool revealsAllowed(const QString &conversationId) const;
    bool revealOffered(const QString &conversationId) const;
    //! See ChatClient::revealPreview.
    QVariantMap revealPreview(const QString &conversationId, const QString &memberId) const;
    //! See ChatClient::identifyingFileNames.
    QStringList identifyingFileNames(const QString &conversationId, const QStringList &files) const;

signals:
    void memberReported(const QString &conversationId, const QString &memberId);
    void failed(const QString &message);
    //! createRoom did not get as far as asking the server: why.
    void failedToCreate(const QString &message);

private:
    Connection &m_connection;
    ConversationState &m_state;
    QString m_username, m_displayName;
    QString m_language = QStringLiteral("en");
};

} // namespace confab::client
