#pragma once

#include "localcache.h"

#include "protocol/frames.h"

#include <QHash>
#include <QObject>

#include <limits>

namespace confab::client {

/*!
 * What this client knows about each conversation: its info, members and markers, and the events
 * it holds (the local cache). It is the only writer of the cache's conversation tables: pushed
 * frames and the replies that carry conversation data come in here (typed overloads of `handle`,
 * as the server's dispatcher routes requests), and it tells who cares through fine-grained
 * signals. It sends nothing: when it sees that it misses something (a gap, an unknown
 * conversation) it says so (syncWanted, conversationWanted, historyWanted) and Catchup asks.
 * It knows neither the models, nor ChatClient, nor QML; the tests and the fuzz target feed it
 * decoded frames alone.
 *
 * The outbox tables of the cache are the Outbox's: they hold what the user wrote, not what the
 * server said.
 */
class ConversationState : public QObject {
    Q_OBJECT
public:
    explicit ConversationState(QObject *parent = nullptr);

    //! Opens an account's cache (closing the one open before); conversationsReset follows.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_cache.isOpen(); }
    LocalCache &cache() { return m_cache; }
    const LocalCache &cache() const { return m_cache; }

    //! My user id: member id in every conversation that is not blind.
    void setMyUserId(const QString &userId) { m_myUserId = userId; }
    QString myUserId() const { return m_myUserId; }
    //! The conversation the user has open (its messages are read as they come: no unread count).
    void setOpenConversation(const QString &conversationId);  //!< opened follows
    QString openConversation() const { return m_open; }

    // ---- what is known ----
    std::optional<protocol::ConversationInfo> conversation(const QString &conversationId) const;
    //! In the cache's order (the list sorts by activity; ties keep this order).
    QList<protocol::ConversationInfo> conversations() const;
    QList<protocol::MemberInfo> members(const QString &conversationId) const;
    QList<protocol::MarkerInfo> markers(const QString &conversationId) const;
    //! How I appear in a conversation: my alias id in blind rooms, my user id elsewhere.
    QString myMemberId(const QString &conversationId) const;
    qint64 syncedSeq(const QString &conversationId) const;

    // ---- what comes in ----
    //! A pushed frame: events, conversations I was added to, stream text, mutes, markers.
    //! Frames about other things (typing, presence, settings) are ignored here.
    void apply(const protocol::Frame &pushed);
    //! The reply to `sync`. `firstSync`: the cache knew nothing, so what arrives is not news.
    void applySync(const protocol::SyncResult &result, bool firstSync);
    //! Someone's profile changed (user.updated, or `sync`): their name and status in every
    //! conversation that is not blind, and the title of our direct conversation.
    void applyProfile(const protocol::ProfileInfo &profile);
    //! "Deleted user" in the UI language: the name of every deleted account (`deleted` in frames).
    static QString deletedName();
    //! What the next `sync` asks profiles since: the last sync's server time, 0 before the first.
    qint64 profilesSince() const { return m_profilesSince; }
    //! A page of events after a seq (a catch-up that had more); `freshAfter` as for applyEvent.
    void applyHistoryAfter(const protocol::History &page, qint64 freshAfter);
    //! A page of older events for scrolling back: stored, and olderLoaded follows.
    void applyOlder(const QString &conversationId, const protocol::History &page);
    //! `conversation` (pushed or a reply to get/create).
    void applyDetail(const protocol::ConversationDetail &detail);
    //! `conversations`: the list as the server has it now.
    void applyList(const protocol::Conversations &list);
    //! My message was stored (the reply to message.send).
    void applySent(const QString &conversationId, const protocol::MessageSent &sent);
    /*!
     * Applies one log event; false when it revealed a gap (a resync is asked for). Thread roots
     * with a seq above `freshAfter` came in the same catch-up and already count their replies;
     * older ones count each reply applied here (a push counts into every root).
     */
    bool applyEvent(const protocol::Event &event, qint64 freshAfter = std::numeric_limits<qint64>::max());

    // ---- pinned messages (conversationstatepins.cpp) ----
    //! What is pinned in a conversation, newest pin first, as far as known: the reply to pins.list,
    //! kept up to date by the events (pinned, unpinned, edits, deletes) that follow it.
    QList<protocol::PinInfo> pins(const QString &conversationId) const;
    //! Whether pins.list answered for the conversation since it was last reset (else ask it).
    bool pinsKnown(const QString &conversationId) const;
    //! Members (not only owners and admins) pin here; always in direct conversations.
    bool membersPin(const QString &conversationId) const;
    //! I may pin and unpin here: direct conversations, owners and admins, or members when allowed.
    bool canPin(const QString &conversationId) const;
    //! The reply to pins.list: what is pinned now.
    void applyPins(const protocol::Pins &pins);

    // ---- what the user does here ----
    //! I am no longer a member: the conversation goes from the cache.
    void forget(const QString &conversationId);
    //! I saw everything up to `seq`: the badge clears. False when it was seen already.
    bool markRead(const QString &conversationId, qint64 seq);
    //! I marked the conversation unread (or took the mark away), here or on another device.
    void setMarkedUnread(const QString &conversationId, bool marked);
    //! Attachment metadata learnt from the server.
    void saveAttachment(const protocol::AttachmentInfo &info);

signals:
    //! The user opened a conversation (or none: empty).
    void opened(const QString &conversationId);
    //! The cache opened (or closed): everything known may be different.
    void conversationsReset();
    //! A conversation joined what is known. `isNew`: someone else brought it and I have not seen it.
    void conversationAdded(const QString &conversationId, bool isNew);
    void conversationChanged(const QString &conversationId);
    //! What the conversation's header and settings show changed: title, description, mute,
    //! members, my role (not a new last message or unread count).
    void detailsChanged(const QString &conversationId);
    void conversationRemoved(const QString &conversationId);
    void membersChanged(const QString &conversationId);
    void markersChanged(const QString &conversationId);
    //! A message was stored or changed (new, edited, deleted, streamed, replied to, sent by me).
    void messageChanged(const QString &conversationId, const protocol::MessageInfo &message);
    //! A new message event (not a change): someone (perhaps I, elsewhere) wrote it.
    void messageReceived(const QString &conversationId, const protocol::MessageInfo &message, qint64 seq);
    //! A streaming message's text so far (`message.stream` pushes).
    void streamChanged(const QString &conversationId, const protocol::MessageInfo &message);
    void reactionsChanged(const QString &conversationId, const QString &messageId);
    //! The history held for a conversation started over from a snapshot.
    void historyReset(const QString &conversationId);
    //! One of the conversation's own events (membership, roles, renames, reveals) was stored: its
    //! timeline shows it. Those that come in pages (a snapshot, older history) are in the cache.
    void timelineEventAdded(const protocol::Event &event);
    //! What is pinned in the conversation (or whether members pin) changed, or is unknown again.
    void pinsChanged(const QString &conversationId);
    //! Older messages (ascending) for scrolling back; `more`: there are older ones still.
    void olderLoaded(const QString &conversationId, const QList<protocol::MessageInfo> &older, bool more);

    //! My own profile changed (on another device, or confirmed for this one).
    void myProfileChanged(const protocol::ProfileInfo &me);

    //! Something was missed: catch up (`sync`).
    void syncWanted();
    //! What a running sync brings may be incomplete (it met a conversation it did not know):
    //! sync once more after it.
    void resyncWanted();
    //! A conversation is not known (or changed in a way shown only by fetching it).
    void conversationWanted(const QString &conversationId);
    //! A catch-up had more: the events after `seq`.
    void historyWanted(const QString &conversationId, qint64 seq, qint64 freshAfter);

private:
    // Pushed frames, by type.
    void handle(const protocol::Event &event) { applyEvent(event); }
    void handle(const protocol::ConversationDetail &detail) { applyDetail(detail); }
    void handle(const protocol::StreamUpdate &update);
    void handle(const protocol::MuteUpdate &update);
    void handle(const protocol::NotifyUpdate &update);
    void handle(const protocol::MarkerUpdate &update);
    void handle(const protocol::UserUpdated &update) { applyProfile(update.user); }
    void handle(const protocol::ConversationMarked &marked) { setMarkedUnread(marked.conversationId, marked.unread); }
    void handle(const auto &) {}

    void applySyncEntry(const protocol::SyncEntry &entry, bool markNew);
    void storeMessage(const QString &conversationId, const protocol::MessageInfo &message);
    void storeConversation(const protocol::ConversationInfo &incoming, bool persist = true);
    void storeMembers(const QString &conversationId, const QList<protocol::MemberInfo> &members,
                      QList<protocol::MarkerInfo> markers);
    void applyReaction(const protocol::Event &event);
    void applyMessageChange(const protocol::Event &event);
    void applyConversationChange(const protocol::Event &event);
    void countReply(const QString &conversationId, const protocol::MessageInfo &reply, qint64 freshAfter);
    static void applyChange(protocol::MessageInfo &message, const protocol::Event &event);
    //! Pinned, unpinned, who pins, and the edits and deletes of pinned messages.
    void applyPinEvent(const protocol::Event &event);
    //! The events the timeline shows as lines of their own (SystemLines decides which it shows).
    static bool isTimelineEvent(protocol::EventKind kind);

    LocalCache m_cache;
    //! The conversations as known now; the cache is written from here (streamed text and my
    //! sent messages change the last line here first, the cache with the next event).
    QHash<QString, protocol::ConversationInfo> m_conversations;
    QString m_myUserId;
    qint64 m_profilesSince = 0;
    QString m_open;
    struct PinState {
        QList<protocol::PinInfo> pins; //!< newest pin first
        bool membersPin = false;
        bool known = false; //!< pins.list answered; events alone may leave out older pins
    };
    //! Also in the cache (its `pins` table), written with each change.
    QHash<QString, PinState> m_pins;
};

} // namespace confab::client
