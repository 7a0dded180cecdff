#pragma once

// What the blind-room tests share: people with every connection they had, and the scan of the raw
// frames they received for anything that identifies another member (DESIGN.md invariant 5).
// Included by one test file each (tst_blind, tst_blindsetup).

#include "harness.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <memory>
#include <vector>

using namespace confab::protocol;
using namespace confab::test;

namespace blindscan {
inline const QString kPassword = QStringLiteral("correct horse 1");

//! Someone taking part, with every connection they ever had (closed ones too: their frames count).
struct Person {
    QString username;
    QString displayName;
    QString id;
    std::vector<std::unique_ptr<TestClient>> connections;
    QStringList avatars{}; //!< the hashes of every avatar they showed
    TestClient &client() { return *connections.back(); }
};

inline bool registerPerson(const QString &url, Person &p) {
    auto c = std::make_unique<TestClient>();
    if (!c->open(url))
        return false;
    AuthRegister reg;
    reg.username = p.username;
    reg.password = kPassword;
    reg.displayName = p.displayName;
    reg.device = QStringLiteral("test");
    const Frame reply = c->request(reg);
    const auto *ok = std::get_if<AuthOk>(&reply);
    if (!ok) {
        qWarning("sign-up of %s failed: %s", qPrintable(p.username), qPrintable(TestClient::describe(reply)));
        return false;
    }
    p.id = ok->user.id;
    p.connections.push_back(std::move(c));
    return true;
}

inline bool registerPerson(Harness &h, Person &p) {
    return registerPerson(h.server().url(), p);
}

//! A new connection for `p`, as after a restart of their app.
inline bool reconnect(Harness &h, Person &p) {
    p.client().close();
    auto c = std::make_unique<TestClient>();
    if (!c->open(h.server().url()) || !c->signIn(p.username, kPassword))
        return false;
    p.connections.push_back(std::move(c));
    return true;
}

inline void collectStrings(const QJsonValue &value, QStringList &out) {
    if (value.isString()) {
        out.append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectStrings(v, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out.append(it.key());
            collectStrings(it.value(), out);
        }
    }
}

/*!
 * What in `raw` would identify `p`, or an empty string. The raw text is searched, and so is every
 * decoded string, so that an escaped form ("\u005aelda") cannot hide a name. The user id is matched
 * exactly, username, display name and avatar hashes without regard to case, and so is each word of the display
 * name on its own, as a whole word: ids are runs of random letters and digits, and must not match
 * a short name by chance.
 */
inline QString identityIn(const QString &raw, const Person &p) {
    QStringList haystacks{raw};
    collectStrings(QJsonDocument::fromJson(raw.toUtf8()).object(), haystacks);
    for (const QString &haystack : std::as_const(haystacks)) {
        if (haystack.contains(p.id))
            return p.id;
        for (const QString &avatar : p.avatars) {
            if (haystack.contains(avatar, Qt::CaseInsensitive))
                return avatar;
        }
        for (const QString &name : {p.username, p.displayName}) {
            if (haystack.contains(name, Qt::CaseInsensitive))
                return name;
        }
        static const QRegularExpression separators(QStringLiteral("[\\s\\-]+"));
        for (const QString &word : p.displayName.split(separators, Qt::SkipEmptyParts)) {
            const QRegularExpression whole(
                QStringLiteral("(?<![A-Za-z0-9])%1(?![A-Za-z0-9])").arg(QRegularExpression::escape(word)),
                QRegularExpression::CaseInsensitiveOption);
            if (haystack.contains(whole))
                return word;
        }
    }
    return {};
}

inline QString frameType(const QString &raw) {
    return QJsonDocument::fromJson(raw.toUtf8()).object().value(QStringLiteral("type")).toString();
}

inline std::function<bool(const Frame &)> eventOf(const QString &conversationId, EventKind kind) {
    return [conversationId, kind](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == conversationId && e->kind == kind;
    };
}

inline std::optional<ConversationDetail> detailOf(TestClient &c, const QString &conversationId) {
    const Frame reply = c.request(ConversationGet{conversationId});
    if (const auto *detail = std::get_if<ConversationDetail>(&reply))
        return *detail;
    qWarning("conversation.get failed: %s", qPrintable(TestClient::describe(reply)));
    return std::nullopt;
}

//! How `c` appears in the room: their own alias, from `me`.
inline MemberInfo meIn(TestClient &c, const QString &conversationId) {
    const auto detail = detailOf(c, conversationId);
    return detail && detail->conversation.me ? *detail->conversation.me : MemberInfo{};
}

inline bool isAliasName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][a-z]+ [A-Z][a-z]+$"));
    return pattern.match(name).hasMatch();
}

//! "조용한 수달": two words of Hangul syllables.
inline bool isKoreanAliasName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[\\x{AC00}-\\x{D7A3}]+ [\\x{AC00}-\\x{D7A3}]+$"));
    return pattern.match(name).hasMatch();
}

inline std::function<bool(const Frame &)> revealedIn(const QString &conversationId) {
    return [conversationId](const Frame &f) {
        const auto *e = std::get_if<Event>(&f);
        return e && e->conversationId == conversationId && e->kind == EventKind::Revealed;
    };
}

//! The member `memberId` as `c` sees them in the room.
inline std::optional<MemberInfo> memberIn(TestClient &c, const QString &conversationId, const QString &memberId) {
    const auto detail = detailOf(c, conversationId);
    if (!detail)
        return std::nullopt;
    for (const MemberInfo &m : detail->members) {
        if (m.id == memberId)
            return m;
    }
    return std::nullopt;
}

//! Every raw frame `receiver` got on any of their connections.
inline QStringList framesOf(const Person &receiver) {
    QStringList frames;
    for (const auto &connection : receiver.connections)
        frames += connection->rawTexts();
    return frames;
}

/*!
 * Checks the frames `receiver` got: nothing identifies anyone in `hidden`, and, when `shown` is
 * given, that person's user id, username and display name did arrive (so the scan is not blind).
 */
inline QString checkFrames(const Person &receiver, const QList<const Person *> &hidden, const Person *shown = nullptr) {
    const QStringList frames = framesOf(receiver);
    for (const QString &raw : frames) {
        for (const Person *other : hidden) {
            const QString found = identityIn(raw, *other);
            if (!found.isEmpty())
                return QStringLiteral("%1 received \"%2\" (%3) in: %4")
                    .arg(receiver.username, found, other->username, raw.left(400));
        }
    }
    if (shown) {
        for (const QString &part : {shown->id, shown->username, shown->displayName}) {
            if (!std::any_of(frames.begin(), frames.end(), [&](const QString &raw) { return raw.contains(part); }))
                return QStringLiteral("%1 never received %2 of %3").arg(receiver.username, part, shown->username);
        }
    }
    return {};
}

} // namespace blindscan

using namespace blindscan;
