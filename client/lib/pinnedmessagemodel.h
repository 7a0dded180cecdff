#pragma once

#include "protocol/pinframes.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace confab::client {

class Connection;
class ConversationState;

/*!
 * The pinned messages of the open conversation, newest pin first: a small model over the
 * conversation state (one writer, many readers), the way NeoChat keeps a pinned-message model
 * beside its timeline. It asks pins.list when the state does not know a conversation's pins yet
 * (first open, after a reset sync), and pins and unpins through the connection; the events that
 * follow change the state, and the model follows it.
 */
class PinnedMessageModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    //! I may pin and unpin here (the server checks again).
    Q_PROPERTY(bool canPin READ canPin NOTIFY rightsChanged)
    //! Members (not only owners and admins) pin here.
    Q_PROPERTY(bool membersPin READ membersPin NOTIFY rightsChanged)
    //! I own this group or blind room: I decide whether members pin.
    Q_PROPERTY(bool canChangeRights READ canChangeRights NOTIFY rightsChanged)
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        SeqRole,      //!< the pinned message's seq (where it is in the timeline)
        PreviewRole,  //!< its first line as plain text ("" when it has only files)
        SenderRole,   //!< who wrote it (an alias in blind rooms)
        PinnedByRole, //!< who pinned it (an alias in blind rooms)
        PinnedAtRole, //!< when, as a QDateTime
        HasFilesRole, //!< it carries attachments
    };
    Q_ENUM(Role)

    PinnedMessageModel(Connection &connection, ConversationState &state, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool canPin() const;
    bool membersPin() const;
    bool canChangeRights() const;
    //! The UI language: blind rooms' aliases follow it.
    void setLanguage(const QString &language);

    //! Row `row` as a map of the role names (for the pinned bar, which shows one at a time).
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE bool isPinned(const QString &messageId) const;
    Q_INVOKABLE void pin(const QString &messageId) { request(messageId, true); }
    Q_INVOKABLE void unpin(const QString &messageId) { request(messageId, false); }
    //! The owner lets every member pin, or only owners and admins.
    Q_INVOKABLE void setMembersPin(bool allowed);
    //! Asks the server what is pinned in the open conversation (also done by itself when unknown).
    Q_INVOKABLE void reload();

signals:
    void countChanged();
    void rightsChanged();
    //! A request was refused: what and why, for the user.
    void failed(const QString &message);

private:
    void show(const QString &conversationId);
    void refresh();
    void request(const QString &messageId, bool pinned);
    QString nameOf(const QString &memberId) const;

    Connection &m_connection;
    ConversationState &m_state;
    QString m_conversationId;
    QList<protocol::PinInfo> m_pins;
    QHash<QString, QString> m_names; //!< member id → how I call them, in the open conversation
    QString m_language = QStringLiteral("en");
    bool m_asking = false; //!< a pins.list for m_conversationId is on its way
};

} // namespace confab::client
