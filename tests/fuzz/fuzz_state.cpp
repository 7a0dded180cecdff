// Fuzz target (d): the client's state layer (ConversationState over its SQLite cache) fed random
// sequences of decoded frames, as a misbehaving or hostile server could send them: pushes (events
// of every kind, stream text, markers, mutes, conversations), and the replies it applies (sync
// with resets and removals, history pages after and before, the list, my sent messages).
//
// An input that starts with `{` is first one JSON text frame (the seeds are docs/protocol.md's
// examples), decoded and applied after a preamble that makes the docs' conversation known. Then
// every input is read as a program: a few bytes pick each frame and its values from small pools
// (two known conversations and one unknown, seqs near what is applied, message ids tied to
// seqs), so that duplicates, gaps, out-of-order pushes and snapshots meet often.
//
// Checked after every frame, besides no crash and no sanitizer report:
//  - a conversation's applied seq never goes back (unless a snapshot reset or removal said so);
//  - no message is held twice (one row per message id);
//  - markers (everyone's delivered and read, and my read seq) never move back;
//  - no unread count is negative.
#include "conversationstate.h"

#include "protocol/frames.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace confab::client;
using namespace confab::protocol;

namespace {

void quiet(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "fatal: %s\n", qPrintable(message));
        std::abort();
    }
}

void ensureApp()
{
    static int argc = 1;
    static char name[] = "fuzz_state";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = [] {
        if (!qEnvironmentVariableIsSet("CONFAB_FUZZ_VERBOSE"))
            qInstallMessageHandler(quiet);
        return new QCoreApplication(argc, argv);
    }();
    Q_UNUSED(app);
}

[[noreturn]] void violated(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_state: invariant broken: %s (%s)\n", what, qPrintable(detail));
    std::abort();
}

const QString kMe = QStringLiteral("u-me");
const QStringList kMembers = {kMe, QStringLiteral("u-a"), QStringLiteral("u-b")};
const QStringList kConversations = {QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c_7Hq2"),
                                    QStringLiteral("c-unknown")};

struct Bytes {
    const std::uint8_t *at;
    std::size_t left;
    std::uint8_t next()
    {
        if (left == 0)
            return 0;
        --left;
        return *at++;
    }
};

ConversationInfo info(const QString &id, qint64 lastSeq, qint64 readSeq)
{
    ConversationInfo c;
    c.id = id;
    c.kind = ConversationKind::Group;
    c.title = id;
    c.lastSeq = lastSeq;
    c.readSeq = readSeq;
    c.unread = std::max<qint64>(0, lastSeq - readSeq);
    c.memberCount = kMembers.size();
    MemberInfo me;
    me.id = kMe;
    me.name = QStringLiteral("Me");
    c.me = me;
    return c;
}

ConversationDetail snapshot(const QString &id, qint64 lastSeq, Bytes &in)
{
    ConversationDetail d;
    d.conversation = info(id, lastSeq, in.next() % 8);
    for (const QString &m : kMembers) {
        MemberInfo member;
        member.id = m;
        member.name = m;
        d.members.append(member);
        d.markers.append({m, qint64(in.next() % 8), qint64(in.next() % 8)});
    }
    return d;
}

MessageInfo message(const QString &conversationId, qint64 seq, Bytes &in)
{
    MessageInfo m;
    m.id = conversationId + u'-' + QString::number(seq); // one id per seq, as the server keeps it
    m.seq = seq;
    m.senderId = kMembers.value(in.next() % kMembers.size());
    m.clientId = u'k' + m.id;
    m.body = QStringLiteral("text %1").arg(seq);
    m.createdAt = seq;
    if (in.next() % 4 == 0 && seq > 1)
        m.threadId = conversationId + u'-' + QString::number(seq - 1 - in.next() % seq);
    if (in.next() % 5 == 0)
        m.stream = StreamInfo{StreamState::Streaming, std::nullopt, std::nullopt};
    return m;
}

Event randomEvent(const ConversationState &state, Bytes &in)
{
    Event e;
    e.conversationId = kConversations.value(in.next() % kConversations.size());
    // Mostly the next seq; sometimes a duplicate, an old one, or one after a gap.
    e.seq = std::max<qint64>(1, state.syncedSeq(e.conversationId) + qint64(in.next() % 5) - 1);
    e.kind = static_cast<EventKind>(in.next() % 17);
    e.at = e.seq;
    const QString target = e.conversationId + u'-' + QString::number(1 + in.next() % std::max<qint64>(1, e.seq));
    switch (e.kind) {
    case EventKind::Message:
    case EventKind::StreamEnded:
        e.message = message(e.conversationId, e.kind == EventKind::Message ? e.seq : std::max<qint64>(1, e.seq - 1), in);
        if (e.kind == EventKind::StreamEnded)
            e.message->stream = StreamInfo{StreamState::Complete, std::nullopt, std::nullopt};
        break;
    case EventKind::Edit:
    case EventKind::Delete:
        e.messageId = target;
        e.body = QStringLiteral("edited");
        break;
    case EventKind::Reaction:
        e.messageId = target;
        e.actorId = kMembers.value(in.next() % kMembers.size());
        e.emoji = in.next() % 2 ? QStringLiteral("👍") : QStringLiteral("🎉");
        e.add = in.next() % 2 == 0;
        break;
    case EventKind::Renamed:
        e.title = QStringLiteral("renamed %1").arg(e.seq);
        break;
    case EventKind::Described:
        e.description = in.next() % 2 ? QString() : QStringLiteral("about");
        break;
    default:
        break;
    }
    return e;
}

QList<Event> events(const ConversationState &state, const QString &conversationId, Bytes &in)
{
    QList<Event> out;
    const int count = in.next() % 4;
    for (int i = 0; i < count; ++i) {
        Event e = randomEvent(state, in);
        e.conversationId = conversationId;
        out.append(e);
    }
    return out;
}

//! One frame of the program, applied the way the client applies it.
void step(ConversationState &state, Bytes &in)
{
    const QString conversationId = kConversations.value(in.next() % kConversations.size());
    const qint64 near = state.syncedSeq(conversationId);
    switch (in.next() % 12) {
    case 0:
    case 1:
    case 2:
        state.apply(randomEvent(state, in));
        break;
    case 3:
        state.apply(StreamUpdate{conversationId, conversationId + u'-' + QString::number(1 + in.next() % 8),
                                 near, QStringLiteral("streamed")});
        break;
    case 4:
        state.apply(MarkerUpdate{conversationId, kMembers.value(in.next() % kMembers.size()), qint64(in.next() % 10),
                                 qint64(in.next() % 10)});
        break;
    case 5:
        state.apply(MuteUpdate{conversationId, in.next() % 2 == 0});
        break;
    case 6:
        state.apply(snapshot(conversationId, near + in.next() % 3, in));
        break;
    case 7: {
        SyncEntry entry;
        entry.conversationId = conversationId;
        const int how = in.next() % 4;
        entry.removed = how == 0;
        entry.reset = how == 1;
        entry.hasMore = in.next() % 2 == 0;
        if (entry.reset) {
            const ConversationDetail d = snapshot(conversationId, near + in.next() % 20, in);
            entry.conversation = d.conversation;
            entry.members = d.members;
            entry.markers = d.markers;
        }
        entry.events = events(state, conversationId, in);
        state.applySync(SyncResult{{entry}, 0}, in.next() % 2 == 0);
        break;
    }
    case 8: {
        History page{conversationId, events(state, conversationId, in), in.next() % 2 == 0};
        if (in.next() % 2)
            state.applyHistoryAfter(page, near);
        else
            state.applyOlder(conversationId, page);
        break;
    }
    case 9:
        state.applySent(conversationId, MessageSent{conversationId, message(conversationId, near + 1, in)});
        break;
    case 10: {
        Conversations list;
        list.conversations.append(info(conversationId, near, in.next() % 10));
        state.applyList(list);
        break;
    }
    case 11:
        if (in.next() % 3 == 0)
            state.setOpenConversation(conversationId);
        else
            state.markRead(conversationId, in.next() % 12);
        break;
    }
}

//! What was seen so far, to check that nothing moves back.
struct Watch {
    QHash<QString, qint64> synced;
    QHash<QString, qint64> readSeq;
    QHash<QString, MarkerInfo> markers; //!< conversation + '/' + member
    QSet<QString> startedOver;          //!< reset or removed since the last check
    QHash<QString, MarkerInfo> previous; //!< one conversation's, while it is checked

    //! Keeps a conversation's markers aside (in `previous`) for the comparison.
    void forgetMarkers(const QString &id)
    {
        previous.clear();
        for (auto it = markers.begin(); it != markers.end();) {
            if (it.key().startsWith(id + u'/')) {
                previous.insert(it.key(), *it);
                it = markers.erase(it);
            } else {
                ++it;
            }
        }
    }

    void check(const ConversationState &state)
    {
        for (const QString &id : kConversations) {
            const auto c = state.conversation(id);
            const bool over = startedOver.contains(id);
            const qint64 seq = state.syncedSeq(id);
            if (!over && seq < synced.value(id))
                violated("applied seq went back", id);
            synced.insert(id, seq);
            forgetMarkers(id);
            if (!c) {
                readSeq.remove(id);
                continue;
            }
            if (c->unread < 0)
                violated("negative unread count", id);
            if (!over && c->readSeq < readSeq.value(id))
                violated("my read marker went back", id);
            readSeq.insert(id, c->readSeq);
            QSet<QString> ids;
            for (const MessageInfo &m : state.cache().messages(id, 0, 100000)) {
                if (ids.contains(m.id))
                    violated("a message is held twice", m.id);
                ids.insert(m.id);
            }
            QHash<QString, MarkerInfo> now;
            for (const MarkerInfo &m : state.markers(id))
                now.insert(id + u'/' + m.memberId, m);
            for (auto it = now.cbegin(); it != now.cend(); ++it) {
                const auto before = previous.constFind(it.key());
                if (!over && before != previous.cend() &&
                    (it->deliveredSeq < before->deliveredSeq || it->readSeq < before->readSeq))
                    violated("a marker went back", it.key());
            }
            markers.insert(now);
        }
        startedOver.clear();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ensureApp();
    ConversationState state;
    QString error;
    if (!state.open(QStringLiteral(":memory:"), &error)) {
        std::fprintf(stderr, "fuzz_state: cannot open the cache: %s\n", qPrintable(error));
        std::abort();
    }
    state.setMyUserId(kMe);
    Watch watch;
    QObject::connect(&state, &ConversationState::historyReset, [&watch](const QString &id) { watch.startedOver.insert(id); });
    QObject::connect(&state, &ConversationState::conversationRemoved, [&watch](const QString &id) { watch.startedOver.insert(id); });

    std::uint8_t preamble[] = {3, 2, 1, 0, 5, 4, 3, 2, 1, 0, 3, 3};
    for (const QString &id : {QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c_7Hq2")}) {
        Bytes values{preamble, sizeof preamble};
        state.applyDetail(snapshot(id, 0, values));
    }
    watch.check(state);

    if (size > 0 && data[0] == '{') {
        // A recorded frame. The docs' conversation has seen everything before its examples' seqs.
        state.cache().setSyncedSeq(QStringLiteral("c_7Hq2"), 41);
        watch.synced.insert(QStringLiteral("c_7Hq2"), 41);
        auto decoded = decodeFrame(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
        if (decoded.ok())
            state.apply(decoded->frame);
        watch.check(state);
        // Then its bytes as a program too, so that the seeds' variants drive both ways.
    }
    Bytes in{data, std::min<std::size_t>(size, 192)}; // bounded: some sixty frames at most
    while (in.left > 0) {
        step(state, in);
        watch.check(state);
    }
    return 0;
}
