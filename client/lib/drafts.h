#pragma once

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>

#include <functional>

namespace confab::client {

/*!
 * What the user has written but not sent yet, per conversation: the composer's text, the files
 * waiting in its tray and the message it answers. Text belongs to the conversation it was typed in
 * (DESIGN.md, invariant 10): the composer writes into the draft of the conversation it shows and,
 * when another conversation opens, shows that one's draft instead. Kept in memory for now.
 */
class Drafts : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
public:
    using QObject::QObject;

    Q_INVOKABLE QString text(const QString &conversationId) const { return m_drafts.value(conversationId).text; }
    //! The attached files as paths or file URLs, in the order they were added.
    Q_INVOKABLE QStringList files(const QString &conversationId) const { return m_drafts.value(conversationId).files; }
    //! The id of the message the draft answers, or empty.
    Q_INVOKABLE QString replyTo(const QString &conversationId) const { return m_drafts.value(conversationId).replyTo; }
    //! Something is written, attached or answered.
    Q_INVOKABLE bool has(const QString &conversationId) const { return m_drafts.contains(conversationId); }

    Q_INVOKABLE void setText(const QString &conversationId, const QString &text);
    Q_INVOKABLE void setFiles(const QString &conversationId, const QStringList &files);
    void setReplyTo(const QString &conversationId, const QString &messageId);
    //! Sent or discarded: nothing is left.
    Q_INVOKABLE void clear(const QString &conversationId);

signals:
    void changed(const QString &conversationId);

private:
    struct Draft {
        QString text;
        QStringList files;
        QString replyTo;
        bool isEmpty() const { return text.isEmpty() && files.isEmpty() && replyTo.isEmpty(); }
    };
    void update(const QString &conversationId, const std::function<void(Draft &)> &change);

    QHash<QString, Draft> m_drafts; //!< only conversations with something in them
};

} // namespace confab::client
