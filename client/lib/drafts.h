#pragma once

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace confab::client {

class LocalCache;

/*!
 * What the user has written but not sent yet, per conversation: the composer's text, the files
 * waiting in its tray and the message it answers. Text belongs to the conversation it was typed in
 * (DESIGN.md, invariant 10): the composer writes into the draft of the conversation it shows and,
 * when another conversation opens, shows that one's draft instead. Kept in the account's local
 * cache (setCache), so that drafts outlive the app: each change is written a moment after the
 * typing pauses, and at once by flush() (the app closing, the account changing).
 */
class Drafts : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
public:
    explicit Drafts(QObject *parent = nullptr);
    ~Drafts() override;

    Q_INVOKABLE QString text(const QString &conversationId) const { return m_drafts.value(conversationId).text; }
    //! The attached files as paths or file URLs, in the order they were added.
    Q_INVOKABLE QStringList files(const QString &conversationId) const { return m_drafts.value(conversationId).files; }
    //! The id of the message the draft answers, or empty.
    Q_INVOKABLE QString replyTo(const QString &conversationId) const { return m_drafts.value(conversationId).replyTo; }
    //! Something is written, attached or answered.
    Q_INVOKABLE bool has(const QString &conversationId) const { return m_drafts.contains(conversationId); }
    //! What the conversation list says of a draft: the first line of its text, else how many files
    //! it holds; empty when there is neither (a reply target alone is no draft to show).
    QString summary(const QString &conversationId) const;

    Q_INVOKABLE void setText(const QString &conversationId, const QString &text);
    Q_INVOKABLE void setFiles(const QString &conversationId, const QStringList &files);
    void setReplyTo(const QString &conversationId, const QString &messageId);
    //! Sent or discarded: nothing is left.
    Q_INVOKABLE void clear(const QString &conversationId);

    /*!
     * Keeps the drafts in `cache` from now on: what was written before (unsaved drafts of another
     * account first go to their own cache) is replaced by the drafts stored there. Null: in memory.
     */
    void setCache(LocalCache *cache);
    //! Writes what changed to the cache now.
    void flush();
    //! How long the typing pauses before a change is written.
    static constexpr int kWriteDelayMs = 400;

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
    LocalCache *m_cache = nullptr;
    QSet<QString> m_unsaved;        //!< changed since the last write
    QTimer m_writeTimer;
};

} // namespace confab::client
