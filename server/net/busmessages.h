#pragma once

// The messages server instances send each other over PostgreSQL NOTIFY (ClusterBus). Each kind is a
// value type that lists its fields for the protocol library's visitors (shared/protocol/json.h), as
// the client protocol's frames do; the list at the bottom is the one place that names the kinds.
//
// The wire format is bus version 1 (docs/self-hosting.md, "Several instances"): one compact JSON object
// per NOTIFY, the kind in "t", the sender's instance id in "o", its send time in "ts". Instances of
// different versions share the bus during a rolling upgrade, so the format only grows: kinds are
// appended, fields are added as optional ones, and an instance ignores (and logs) a kind it does
// not know. A kind whose meaning changes gets a new name instead ("pr" replaced "p").

#include "protocol/json.h"

#include <QByteArray>
#include <QHash>

#include <optional>
#include <variant>

namespace confab::server::bus {

using protocol::IntRule;
using protocol::ListRule;
using protocol::MapRule;
using protocol::TextRule;
namespace rule = protocol::rule;

inline constexpr int kVersion = 1;

//! Every user id a frame is meant for, or every user of a presence picture: as many as there are users.
inline constexpr int kMaxUsers = 1 << 20;
//! A whole client frame (its encoded JSON text) carried as a string.
inline constexpr TextRule kFrameText{.minChars = 1, .controls = true};
//! "online", "away", "offline"; kept as text so that a later status reaches LiveService as sent.
inline constexpr TextRule kStatus{.minChars = 1, .maxChars = 32, .idChars = true};

//! A log event another instance wrote, by reference; sent inside the writing transaction.
struct EventAppended {
    QString conversationId;
    qint64 seq = 0;
    static void fields(auto &self, auto &v)
    {
        v("c", self.conversationId, rule::Id);
        v("s", self.seq, rule::Seq);
    }
    CONFAB_WIRE(EventAppended)
};

//! A client frame (typing, markers, presence, conversation details) for these users' connections.
struct FrameToUsers {
    QList<QString> userIds;
    QString frame;
    bool droppable = false; //!< Fanout::Delivery::Droppable
    static void fields(auto &self, auto &v)
    {
        v("u", self.userIds, ListRule{.maxItems = kMaxUsers}, rule::Id);
        v("f", self.frame, kFrameText);
        v("d", self.droppable);
    }
    CONFAB_WIRE(FrameToUsers)
};

//! A session was signed out or revoked: its connections close everywhere.
struct EndSession {
    QString sessionId;
    static void fields(auto &self, auto &v) { v("s", self.sessionId, rule::Id); }
    CONFAB_WIRE(EndSession)
};

//! A user was disabled: all their connections close everywhere.
struct EndUser {
    QString userId;
    static void fields(auto &self, auto &v) { v("u", self.userId, rule::Id); }
    CONFAB_WIRE(EndUser)
};

//! The status of the sender's connections per user; `complete` lists every user connected there.
struct Presence {
    QHash<QString, QString> statuses;
    bool complete = false;
    static void fields(auto &self, auto &v)
    {
        v("u", self.statuses, MapRule{.maxItems = kMaxUsers}, kStatus);
        v("all", self.complete);
    }
    CONFAB_WIRE(Presence)
};

//! An instance (re)started listening and asks everyone, or just `to`, for their complete Presence.
struct Hello {
    std::optional<QString> to;
    static void fields(auto &self, auto &v) { v("to", self.to, rule::Id); }
    CONFAB_WIRE(Hello)
};

//! The sender is alive; one silent for three intervals is taken as gone with its connections.
struct Heartbeat {
    static void fields(auto &, auto &) {}
    CONFAB_WIRE(Heartbeat)
};

// Every message kind with its wire name. Only append, never reorder, never reuse a name.
// Retired: "p" (presence as session counts, before "pr"); today's instances ignore it as unknown.
#define CONFAB_BUS_MESSAGES(X)                                                                              \
    X(EventAppended, "e")                                                                                    \
    X(FrameToUsers, "f")                                                                                     \
    X(EndSession, "end")                                                                                     \
    X(EndUser, "endu")                                                                                       \
    X(Presence, "pr")                                                                                        \
    X(Hello, "hello")                                                                                        \
    X(Heartbeat, "hb")

namespace detail {
template <class Skip, class... T> struct VariantOf {
    using type = std::variant<T...>;
};
} // namespace detail
#define CONFAB_X(T, name) , T
using Message = detail::VariantOf<void CONFAB_BUS_MESSAGES(CONFAB_X)>::type;
#undef CONFAB_X
inline constexpr int kKindCount = int(std::variant_size_v<Message>);

//! The wire name of a message's kind ("e", "pr", …).
QString kindName(const Message &message);

//! What every message carries besides its own fields.
struct Envelope {
    QString origin;   //!< "o": the sending instance
    qint64 sentAt = 0; //!< "ts": epoch ms, for the NOTIFY lag metric
    static void fields(auto &self, auto &v)
    {
        v("o", self.origin, rule::Id);
        v("ts", self.sentAt, IntRule{.defaulted = true});
    }
};

//! One NOTIFY payload, decoded.
struct Decoded {
    Envelope envelope;
    //! "ref": the message itself was too large for NOTIFY and waits in the bus store under this id.
    std::optional<QString> parkedId;
    QString kind;                   //!< "t" as sent (empty when parked)
    std::optional<Message> message; //!< absent when parked, or when this version does not know `kind`
};

/*!
 * Decodes one payload: a JSON object with a valid envelope, and either "ref" or a "t" with the
 * fields of its kind. A kind this version does not know decodes (without a message): the caller
 * ignores it. Anything else is an error saying what was wrong.
 */
protocol::Result<Decoded> decode(QByteArrayView payload);

QByteArray encode(const Envelope &envelope, const Message &message);
//! The stand-in for a message parked in the bus store.
QByteArray encodeParked(const Envelope &envelope, const QString &parkedId);

} // namespace confab::server::bus
