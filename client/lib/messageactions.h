#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace confab::client {

class Connection;
class ConversationState;
class Drafts;
class MessageListModel;

/*!
 * What the user does to messages of the open conversation: edit, delete, react, reply, copy, and
 * jumping to a message. Also holds the UI state that belongs to these actions (which message is
 * being edited in place, which one the composer replies to), so that QML only shows it.
 */
class MessageActions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! The message being edited in place, or empty.
    Q_PROPERTY(QString editingId READ editingId NOTIFY editingChanged)
    //! The message the composer answers: {id, sender, excerpt, deleted, loaded}, or an empty map.
    //! Part of the open conversation's draft: another conversation shows its own.
    Q_PROPERTY(QVariantMap replyTarget READ replyTarget NOTIFY replyTargetChanged)
    //! The message last jumped to, for the timeline to flash it.
    Q_PROPERTY(QString highlightedId READ highlightedId NOTIFY highlightedChanged)
public:
    //! `messages`: the timeline of the open conversation; `drafts`: where the reply being written is kept.
    MessageActions(Connection &connection, ConversationState &state, MessageListModel &messages, Drafts &drafts,
                   QObject *parent = nullptr);

    QString editingId() const { return m_editingId; }
    QVariantMap replyTarget() const { return m_replyTarget; }
    QString highlightedId() const { return m_highlightedId; }

    //! My own, stored, not deleted message.
    Q_INVOKABLE bool canEdit(const QString &messageId) const;
    //! Mine, or anyone's in a group or blind room where I am an owner or admin.
    Q_INVOKABLE bool canDelete(const QString &messageId) const;

    Q_INVOKABLE void startEdit(const QString &messageId);
    //! Up in an empty composer: edits my newest message; false when there is none.
    Q_INVOKABLE bool editLast();
    Q_INVOKABLE void cancelEdit();
    //! Sends the new text (blank or unchanged text just ends the editing).
    Q_INVOKABLE void saveEdit(const QString &messageId, const QString &body);
    Q_INVOKABLE void remove(const QString &messageId);
    //! Adds my reaction `emoji`, or removes it when it is there.
    Q_INVOKABLE void toggleReaction(const QString &messageId, const QString &emoji);
    Q_INVOKABLE void copyText(const QString &messageId) const;
    Q_INVOKABLE void startReply(const QString &messageId);
    Q_INVOKABLE void cancelReply();
    //! Opens the conversation and brings the message into view, loading older history if needed.
    Q_INVOKABLE void jumpTo(const QString &conversationId, const QString &messageId);
    //! The row of emoji offered in the context menu.
    Q_INVOKABLE QStringList quickReactions() const;
    //! The emoji picker's grid: [{name (in the UI language), icon, emoji: [...]}], common ones by category.
    Q_INVOKABLE QVariantList emojiCategories() const;

signals:
    void editingChanged();
    void replyTargetChanged();
    void highlightedChanged();
    //! The timeline should show `row` (the message jumped to).
    void jumpRequested(const QString &messageId, int row);
    //! To jump to a message: open its conversation, load older messages (ChatClient does both).
    void openWanted(const QString &conversationId);
    void olderWanted();
    //! A request was refused: what and why, for the user.
    void failed(const QString &message);

private:
    void tryJump();
    //! The open conversation's draft answers this message (or none): the reply bar shows it.
    void showDraftReply();
    void request(const QString &what, const auto &frame);

    QString currentConversationId() const;

    Connection &m_connection;
    ConversationState &m_state;
    MessageListModel &m_messages;
    Drafts &m_drafts;
    QString m_editingId;
    QVariantMap m_replyTarget;
    QString m_highlightedId;
    QString m_jumpId;
    int m_jumpTries = 0;
};

} // namespace confab::client
