#pragma once

#include "localcache.h"
#include "protocol/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QQmlEngine>
#include <QVariantMap>

#include <functional>

namespace confab::client {

class ConversationState;
class Outbox;

//! What the timeline shows of one attachment: metadata, local files once cached, transfer state.
struct AttachmentView {
    enum class State { Loading, Waiting, Uploading, Failed, Ready, Downloading, Saved };
    QString id;            //!< the attachment id, or the outbox file key while unsent
    QString name;
    QString mime;
    qint64 size = 0;
    qint64 width = 0, height = 0;
    QString preview;       //!< tiny base64 PNG from the server
    QString thumbnailPath; //!< cached thumbnail, once here
    QString filePath;      //!< the whole file (cache or saved copy), once here
    double progress = -1;  //!< 0..1 while uploading or downloading
    State state = State::Loading;
    QString error;
    QVariantMap toVariant() const;
};

/*!
 * The timeline of the open conversation: stored messages by seq, with the lines of its own events
 * between them (SystemLines: several that follow each other make one row), then my unsent ones
 * from the outbox. Grouping (same sender within 5 minutes), day separators and delivery status
 * are roles, so that QML only lays them out.
 */
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(QString conversationId READ conversationId NOTIFY conversationChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool canLoadOlder READ canLoadOlder NOTIFY canLoadOlderChanged)
    Q_PROPERTY(int firstUnreadRow READ firstUnreadRow NOTIFY firstUnreadRowChanged)
    //! Blind rooms: when the scheduled reveal showed every name (ms since the epoch; 0: not yet).
    Q_PROPERTY(qint64 revealedAt READ revealedAt NOTIFY revealedChanged)
    //! The row the "names revealed" line goes above: the first message written after the reveal;
    //! `count` when none was (the line closes the timeline); -1 without a reveal.
    Q_PROPERTY(int revealRow READ revealRow NOTIFY revealedChanged)
public:
    enum class Status { Sending, Sent, Delivered, Read, Failed };
    Q_ENUM(Status)

    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        ClientIdRole,
        SeqRole,
        SenderIdRole,
        SenderNameRole,
        BodyRole,
        CreatedAtRole,
        TimeTextRole,      //!< "10:41" in the locale
        EditedRole,
        DeletedRole,
        OwnRole,
        StatusRole,        //!< Status
        ReadCountRole,     //!< how many others have read it (own messages)
        FirstInGroupRole,  //!< show avatar and name
        LastInGroupRole,   //!< show the time
        DayStartRole,      //!< a day separator goes above
        DayTextRole,       //!< "Tuesday, 3 March"
        ErrorRole,         //!< why a message failed
        AvatarColorRole,   //!< one of 12 colours, from the sender id
        InitialsRole,
        AttachmentsRole,   //!< list of {id, name, size, sizeText, mime, image, width, height, preview,
                           //!< thumbnailUrl, fileUrl, progress, state, error}
        ReactionsRole,     //!< list of {emoji, count, mine}, in the order first used
        ReplyToRole,       //!< the quoted message: {id, sender, excerpt, deleted, loaded}, or an empty map
        StreamStateRole,   //!< streamed messages: "streaming", "complete" or "interrupted"; "" for others
        ReplyCountRole,    //!< thread roots: how many replies (0 for other messages)
        MentionsRole,      //!< list of {start, length, me}: where the body mentions someone (me: me or @room)
        MentionsMeRole,    //!< someone else's message that mentions me or @room
        SystemRole,        //!< a line of the timeline's own events (members, roles, renames, reveals), not a message
        SystemTextRole,    //!< that line: "Mina added Joon, Sora and 2 others" (aliases in blind rooms)
        SenderBotRole,     //!< the sender is a bot
        ForwardedRole,     //!< forwarded from another conversation (the bubble says "Forwarded", never from where)
        SenderBlockedRole, //!< someone I block wrote it (never in blind rooms: aliases are not people here)
        CollapsedRole,     //!< shown as "Message from a blocked user" until showBlocked() (messagelistmodelblocks.cpp)
        AvatarRole,        //!< the hash of the sender's avatar (Avatars::source), "" when none; never in blind rooms
    };
    Q_ENUM(Role)

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString conversationId() const { return m_conversationId; }
    bool canLoadOlder() const { return m_canLoadOlder; }
    int firstUnreadRow() const { return m_firstUnreadRow; }
    qint64 revealedAt() const { return m_revealedAt; }
    int revealRow() const;
    /*!
     * The first message I have not read lies above the window (more arrived than one page
     * holds): the opener loads older pages until it is in, up to kUnreadWindow messages.
     */
    bool unreadStartsAbove() const;
    static constexpr int kUnreadWindow = 500;

    /*!
     * Follows the state: the conversation it opens is shown (its newest messages, my pending ones),
     * and what changes in it (messages, reactions, members and markers, older pages, the outbox)
     * changes the rows. `state` and `outbox` outlive the model.
     */
    void observe(const ConversationState *state, const Outbox *outbox);
    //! The UI language: blind rooms' aliases follow it.
    void setLanguage(const QString &language);
    //! Older messages of the shown conversation from the cache; false when it holds none older.
    bool loadOlderFromCache();

    //! Shows another conversation (or none with an empty id), of `kind`; `events`: its own events
    //! from the oldest of `messages` on.
    void show(const QString &conversationId, protocol::ConversationKind kind, const QString &myMemberId,
              const QList<protocol::MessageInfo> &messages, const QList<protocol::Event> &events,
              const QList<OutboxItem> &pending, qint64 readSeq);
    void setMembers(const QList<protocol::MemberInfo> &members, const QList<protocol::MarkerInfo> &markers);
    //! Older messages and the conversation's own events among them, on top.
    void prependOlder(const QList<protocol::MessageInfo> &older, const QList<protocol::Event> &events, bool more);
    //! One of the conversation's own events happened: its line, or the one before it grows.
    void addSystemEvent(const protocol::Event &event);
    //! A stored message arrived or changed (edit, delete); replaces a pending one with its client id.
    void upsertMessage(const protocol::MessageInfo &message);
    //! A streaming message grew: its whole text so far. Ignored once the message is final.
    void setStreamBody(const QString &messageId, const QString &body);
    void setPending(const QList<OutboxItem> &pending);
    void setCanLoadOlder(bool can);
    //! Updates one attachment wherever it is shown (by attachment id or outbox file key).
    void setAttachment(const AttachmentView &view);
    std::optional<AttachmentView> attachment(const QString &id) const;
    //! One attachment as in the attachments role (for the image viewer, which outlives delegates).
    Q_INVOKABLE QVariantMap attachmentById(const QString &id) const;
    //! Attachment ids of shown messages with nothing known about them yet; they count as loading from now on.
    QList<QString> takeUnknownAttachments();
    qint64 oldestSeq() const;
    qint64 newestSeq() const;

    //! Reactions of the shown conversation (all of them, or one message's).
    void setReactions(const QList<LocalCache::Reaction> &reactions);
    void setMessageReactions(const QString &messageId, const QList<LocalCache::Reaction> &reactions);
    //! Where quoted messages that are not shown are looked up (the cache).
    void setMessageLookup(std::function<std::optional<protocol::MessageInfo>(const QString &)> lookup)
    {
        m_lookup = std::move(lookup);
    }
    QString myMemberId() const { return m_me; }
    //! The row of a stored message, or -1 when it is not loaded.
    Q_INVOKABLE int rowOfMessage(const QString &messageId) const;
    //! My newest stored message that is not deleted (for Up in an empty composer), or empty.
    Q_INVOKABLE QString lastOwnMessageId() const;
    //! The newest shown message with replies (a thread's root), or empty.
    Q_INVOKABLE QString lastThreadRootId() const;
    //! One message as quoted by a reply: {id, sender, excerpt, deleted, loaded}.
    Q_INVOKABLE QVariantMap quote(const QString &messageId) const;
    //! My reaction `emoji` is on the message.
    bool hasMyReaction(const QString &messageId, const QString &emoji) const;
    std::optional<protocol::MessageInfo> message(const QString &messageId) const;

    //! The user ids I block: their messages are collapsed (blind rooms aside).
    void setBlockedUsers(const QSet<QString> &userIds);
    //! "Show" on a collapsed message: it stays open while the conversation is shown.
    Q_INVOKABLE void showBlocked(const QString &messageId);

    static QString avatarColor(const QString &id);
    static QString initials(const QString &name);

signals:
    void conversationChanged();
    //! Also after older pages brought the first unread message into the window.
    void firstUnreadRowChanged();
    void revealedChanged();
    void countChanged();
    void canLoadOlderChanged();
    void attachmentChanged(const QString &id);

private:
    struct Row {
        protocol::MessageInfo message; //!< seq 0 while pending
        bool pending = false;
        bool failed = false;
        QString error;
        QList<QString> fileKeys; //!< pending rows: their outbox files
        QList<protocol::Event> system; //!< a line of the conversation's own events: those it tells of
        bool isSystem() const { return !system.isEmpty(); }
        //! The seq the row starts at (a line of several events spans several).
        qint64 firstSeq() const { return isSystem() ? system.first().seq : message.seq; }
    };
    static Row systemRow(const QList<protocol::Event> &events);
    //! The conversation's own events (from the cache) that go with a page of older messages.
    QList<protocol::Event> eventsAbove(const QList<protocol::MessageInfo> &older, bool more) const;
    void refreshNames(const QString &conversationId);
    //! Messages and events as rows in seq order, events that follow each other joined.
    QList<Row> rowsOf(const QList<protocol::MessageInfo> &messages, const QList<protocol::Event> &events) const;
    QString systemText(const Row &row) const;
    const QList<QString> &attachmentKeys(const Row &row) const
    {
        return row.pending ? row.fileKeys : row.message.attachments;
    }
    const Row *rowAt(int i) const { return i >= 0 && i < m_rows.size() ? &m_rows[i] : nullptr; }
    Status status(const Row &row) const;
    int readCount(const Row &row) const;
    int storedCount() const;
    void refreshAll();
    void showFromState(const QString &conversationId);
    void refreshMembers();

    QString m_conversationId;
    QString m_me;
    QList<Row> m_rows;
    QHash<QString, protocol::MemberInfo> m_members;
    QList<protocol::MarkerInfo> m_markers;
    QHash<QString, AttachmentView> m_attachments;
    QHash<QString, QList<LocalCache::Reaction>> m_reactions; //!< by message id
    std::function<std::optional<protocol::MessageInfo>(const QString &)> m_lookup;
    QVariantList reactionsOf(const QString &messageId) const;
    void refreshQuotesOf(const QString &messageId);
    bool m_canLoadOlder = false;
    int m_firstUnreadRow = -1;
    qint64 m_revealedAt = 0;
    qint64 m_readSeq = 0; //!< my read marker when the conversation was shown
    void findFirstUnread();
    const ConversationState *m_state = nullptr;
    const Outbox *m_outbox = nullptr;
    QString m_language = QStringLiteral("en");
    protocol::ConversationKind m_kind = protocol::ConversationKind::Group;
    //! How each member is called in the lines of events: aliases in blind rooms, never revealed names.
    QHash<QString, QString> m_systemNames;
    bool fromBlocked(const Row &row) const;
    QSet<QString> m_blocked;      //!< user ids I block
    QSet<QString> m_shownBlocked; //!< message ids of theirs the user chose to see
};

} // namespace confab::client
