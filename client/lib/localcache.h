#pragma once

#include "protocol/pinframes.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <QString>

namespace confab::client {

//! A file of an unsent message: where it is on disk and how far its upload got.
struct OutboxFile {
    QString key;           //!< local id, unique in the outbox
    QString path;
    QString name;
    qint64 size = 0;
    QString mime;          //!< as guessed here; the server detects the real one
    QString sha256;        //!< lower-case hex, of the bytes at `path` when attached
    QString uploadId;      //!< empty until attachment.begin was answered
    QString attachmentId;
    qint64 offset = 0;     //!< bytes the server confirmed
    bool done = false;     //!< attachment.done received
    bool failed = false;   //!< refused for good; waits for Retry
    QString error;
};

//! A message written by this user that the server has not acknowledged yet.
struct OutboxItem {
    QString clientId;
    QString conversationId;
    QString body;
    std::optional<QString> replyTo;
    qint64 createdAt = 0;
    bool failed = false;  //!< refused for good; waits for Retry or Delete
    QString error;
    QList<OutboxFile> files; //!< sent once every one is done
    QList<protocol::Mention> mentions = {}; //!< structured mentions in `body`, sent with it
    bool uploadsDone() const
    {
        return std::all_of(files.cbegin(), files.cend(), [](const OutboxFile &f) { return f.done; });
    }
};

/*!
 * One account's local state in SQLite: conversations, members, recent history and the timeline's
 * own events, the outbox and the drafts. Every write is committed at once, so that the outbox
 * survives a crash of the app. Its schema is versioned (cacheschema.h).
 */
class LocalCache {
public:
    LocalCache();
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;

    void saveConversation(const protocol::ConversationInfo &conversation);
    void removeConversation(const QString &conversationId);
    QList<protocol::ConversationInfo> conversations() const;
    std::optional<protocol::ConversationInfo> conversation(const QString &conversationId) const;
    void saveMembers(const QString &conversationId, const QList<protocol::MemberInfo> &members,
                     const QList<protocol::MarkerInfo> &markers);
    QList<protocol::MemberInfo> members(const QString &conversationId) const;
    QList<protocol::MarkerInfo> markers(const QString &conversationId) const;

    //! The newest event seq applied for a conversation: what `sync` asks after.
    qint64 syncedSeq(const QString &conversationId) const;
    void setSyncedSeq(const QString &conversationId, qint64 seq);

    void saveMessage(const QString &conversationId, const protocol::MessageInfo &message);
    std::optional<protocol::MessageInfo> message(const QString &conversationId, const QString &messageId) const;
    //! Up to `limit` messages before `beforeSeq` (all when 0), ascending by seq.
    QList<protocol::MessageInfo> messages(const QString &conversationId, qint64 beforeSeq, int limit) const;
    //! Forgets the conversation's history (its messages and timeline events): a snapshot follows.
    void clearMessages(const QString &conversationId);

    //! The timeline's own events (membership, roles, renames, reveals): shown among the messages by seq.
    void saveTimelineEvent(const protocol::Event &event);
    //! Those with a seq in [fromSeq, toSeq], ascending.
    QList<protocol::Event> timelineEvents(const QString &conversationId, qint64 fromSeq, qint64 toSeq) const;

    //! What is pinned in a conversation (the state keeps it up to date); none: not known.
    void savePins(const protocol::Pins &pins);
    void removePins(const QString &conversationId);
    QList<protocol::Pins> allPins() const;

    //! What the user wrote and did not send in one conversation (Drafts keeps them here).
    struct Draft {
        QString conversationId;
        QString text;
        QStringList files; //!< paths or file URLs
        QString replyTo;   //!< a message id, or empty
    };
    //! Stores a draft; an empty one is removed.
    void saveDraft(const Draft &draft, qint64 now);
    QList<Draft> drafts() const;

    //! One member's reaction with one emoji, as its newest `reaction` event left it.
    struct Reaction {
        QString messageId;
        QString actorId;
        QString emoji;
    };
    //! Applies a `reaction` event; an event older than the one already applied for the same
    //! message, actor and emoji changes nothing, so that history pages may arrive in any order.
    void applyReaction(const QString &conversationId, const QString &messageId, const QString &actorId,
                       const QString &emoji, bool add, qint64 seq);
    //! The reactions present in a conversation (of one message when `messageId` is given), oldest first.
    QList<Reaction> reactions(const QString &conversationId, const QString &messageId = {}) const;

    void addToOutbox(const OutboxItem &item);
    QList<OutboxItem> outbox() const; //!< in the order written
    void removeFromOutbox(const QString &clientId);
    void markOutboxFailed(const QString &clientId, const QString &error);
    void retryOutbox(const QString &clientId);
    //! A new body for a message not sent yet, with its mentions (mentiontext::carryOver).
    void editOutbox(const QString &clientId, const QString &body, const QList<protocol::Mention> &mentions = {});
    //! Stores an upload's progress (upload id, offset, done, failed) for a restart to resume from.
    void saveOutboxFile(const OutboxFile &file);

    //! Attachment metadata seen so far (from attachment.done or attachment.fetch).
    void saveAttachment(const protocol::AttachmentInfo &info);
    std::optional<protocol::AttachmentInfo> attachment(const QString &attachmentId) const;

private:
    bool exec(const QString &sql, const QVariantList &params = {}) const;
    QString m_connection;
};

} // namespace confab::client
