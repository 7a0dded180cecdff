#include "chatclient.h"

#include "blindnames.h"
#include "tokenstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSysInfo>
#include <QUuid>

namespace confab::client {

using namespace confab::protocol;

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
//! Refusals a retry cannot fix: the message is marked failed and waits for the user.
bool isNotFound(const Frame &reply)
{
    const auto *e = std::get_if<Error>(&reply);
    return e && e->code == ErrorCode::NotFound;
}
bool isFinal(const Error &e)
{
    return e.code == ErrorCode::Forbidden || e.code == ErrorCode::NotFound || e.code == ErrorCode::Invalid ||
           e.code == ErrorCode::TooLarge || e.code == ErrorCode::Unauthorized;
}
} // namespace

ChatClient::ChatClient(QString dataDir, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_tokens(tokens)
    , m_trust(QDir(m_dataDir).filePath(QStringLiteral("certificates.ini")))
    , m_typingOut([this](const QString &conversationId, bool active) {
        if (m_connection.isOnline())
            m_connection.request(Typing{conversationId, active}, [](const Frame &) {});
    })
{
    m_conversations.setNameOf([this](const QString &conversationId, const QString &memberId) {
        if (!m_cache.isOpen())
            return QString();
        for (const MemberInfo &m : m_cache.members(conversationId)) {
            if (m.id == memberId)
                return blind::displayName(m, m_language);
        }
        return QString(); // not known here yet: the line shows the text alone
    });
    connect(&m_typingIn, &TypingTracker::changed, this, [this](const QString &conversationId) {
        m_conversations.setTyping(conversationId, typingTextFor(conversationId));
        if (conversationId == m_current)
            emit typingChanged();
    });
    connect(&m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Online)
            m_typingIn.clear(); // nobody's typing can be trusted across a gap; the server re-sends
    });
    connect(&m_connection, &Connection::stateChanged, this, &ChatClient::connectionStateChanged);
    connect(&m_connection, &Connection::reconnectScheduled, this, &ChatClient::connectionStateChanged);
    connect(&m_connection, &Connection::authenticated, this, &ChatClient::onAuthenticated);
    connect(&m_connection, &Connection::pushed, this, &ChatClient::onPushed);
    m_connection.setCertificateTrust(&m_trust);
    connect(&m_connection, &Connection::certificateUntrusted, this,
            [this](const QString &hostPort, const QString &fingerprint, const QString &previous, const QString &reason) {
                m_untrustedCertificate = {{QStringLiteral("host"), hostPort},
                                          {QStringLiteral("fingerprint"), fingerprint},
                                          {QStringLiteral("previous"), previous},
                                          {QStringLiteral("reason"), reason}};
                emit untrustedCertificateChanged();
            });
    connect(&m_connection, &Connection::authenticationFailed, this, [this](const Error &e) {
        m_signedOut = true;
        emit connectionStateChanged();
        emit signInRefused(int(e.code), e.field.value_or(QString()));
        emit signInFailed(e.message);
    });
    m_outboxRetry.setSingleShot(true);
    connect(&m_outboxRetry, &QTimer::timeout, this, &ChatClient::flushOutbox);
    // Receipts are coalesced: one frame per conversation per half second at most.
    m_receiptTimer.setSingleShot(true);
    m_receiptTimer.setInterval(500);
    connect(&m_receiptTimer, &QTimer::timeout, this, &ChatClient::sendReceipts);
    setupAttachments();
    m_messages.setMessageLookup([this](const QString &messageId) { return m_cache.message(m_current, messageId); });
}

ChatClient::~ChatClient()
{
    m_connection.close();
}

QString ChatClient::accountKey(const QString &serverUrl, const QString &username)
{
    // Several instances of one server are one account: the first address names it.
    const QUrl first = Connection::parseServerUrls(serverUrl).value(0);
    return username + u'@' + first.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

ChatClient::ConnectionState ChatClient::connectionState() const
{
    if (m_signedOut)
        return ConnectionState::SignedOut;
    switch (m_connection.state()) {
    case Connection::State::Online:
        return ConnectionState::Online;
    case Connection::State::Waiting:
        return ConnectionState::Reconnecting;
    case Connection::State::Connecting:
    case Connection::State::Authenticating:
        return ConnectionState::Connecting;
    case Connection::State::Offline:
        break;
    }
    return ConnectionState::Offline;
}

bool ChatClient::openCache(const QString &serverUrl, const QString &username)
{
    const QString key = accountKey(serverUrl, username);
    if (m_cache.isOpen() && key == m_accountKey)
        return true;
    m_cache.close();
    QDir().mkpath(m_dataDir);
    const QString file = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    QString error;
    if (!m_cache.open(QDir(m_dataDir).filePath(file + QStringLiteral(".sqlite")), &error)) {
        emit errorOccurred(tr("Cannot open the local cache: %1").arg(error));
        return false;
    }
    m_accountKey = key;
    m_downloads.setCacheDir(QDir(m_dataDir).filePath(file + QStringLiteral("-files")));
    m_conversations.reset(m_cache.conversations());
    emit outboxChanged();
    return true;
}

void ChatClient::begin(const QString &serverUrl, const QString &username, Connection::Credentials credentials)
{
    m_connection.close();
    m_signedOut = false;
    m_username = username;
    if (!openCache(serverUrl, username))
        return;
    credentials.username = username;
    credentials.device = QSysInfo::machineHostName().left(field::kDeviceMaxChars);
    m_serverAddress = serverUrl.trimmed();
    m_connection.setServerUrls(Connection::parseServerUrls(serverUrl));
    m_connection.setCredentials(credentials);
    m_connection.open();
}

void ChatClient::signIn(const QString &serverUrl, const QString &username, const QString &password)
{
    Connection::Credentials c;
    c.password = password;
    begin(serverUrl, username.trimmed().toLower(), c);
}

void ChatClient::registerAccount(const QString &serverUrl, const QString &username, const QString &displayName,
                                 const QString &password, const QString &inviteCode)
{
    Connection::Credentials c;
    c.registering = true;
    c.password = password;
    c.displayName = displayName.trimmed().isEmpty() ? username : displayName.trimmed();
    c.inviteCode = inviteCode;
    begin(serverUrl, username.trimmed().toLower(), c);
}

void ChatClient::resume(const QString &serverUrl, const QString &username)
{
    if (!m_tokens) {
        emit signInFailed(tr("No saved sign-in"));
        return;
    }
    // The cache opens at once: the conversations and the outbox show before the link is up.
    m_username = username;
    if (!openCache(serverUrl, username))
        return;
    m_tokens->read(accountKey(serverUrl, username), this, [this, serverUrl, username](QString token, QString error) {
        if (token.isEmpty()) {
            emit signInFailed(error.isEmpty() ? tr("No saved sign-in") : error);
            return;
        }
        Connection::Credentials c;
        c.token = token;
        begin(serverUrl, username, c);
    });
}

void ChatClient::signOut()
{
    if (m_connection.isOnline())
        m_connection.request(AuthLogout{}, [](const Frame &) {});
    if (m_tokens && !m_accountKey.isEmpty())
        m_tokens->remove(m_accountKey, this, [](const QString &) {});
    // Let the logout leave before the socket closes.
    QTimer::singleShot(200, this, [this] {
        m_connection.close();
        m_userId.clear();
        m_signedOut = true;
        emit signedInChanged();
        emit connectionStateChanged();
    });
}

void ChatClient::onAuthenticated(const AuthOk &session)
{
    const bool first = m_userId != session.user.id;
    m_userId = session.user.id;
    m_username = session.user.username;
    m_displayName = session.user.displayName;
    m_conversations.setMyUserId(m_userId);
    applySettings(session.settings);
    if (session.token && m_tokens) {
        m_tokens->write(m_accountKey, *session.token, this, [this](const QString &error) {
            if (!error.isEmpty())
                emit errorOccurred(tr("The sign-in could not be saved in the keychain: %1").arg(error));
        });
    }
    m_typingIn.setExpireMs(session.limits.typingExpireMs);
    m_uploads.setLimits(session.limits);
    m_typingOut.setTimings(session.limits.typingRefreshMs, session.limits.typingStopMs);
    if (first)
        emit signedInChanged();
    emit connectionStateChanged();
    // A reconnect (after sleep, say) must not turn an away user back online.
    if (m_away)
        m_connection.request(PresenceSet{PresenceStatus::Away}, [](const Frame &) {});
    sync();
}

// ---- catching up --------------------------------------------------------------------------------

void ChatClient::sync()
{
    if (m_syncing) {
        m_resyncWanted = true;
        return;
    }
    m_syncing = true;
    m_resyncWanted = false;
    SyncRequest request;
    for (const ConversationInfo &c : m_cache.conversations())
        request.conversations.append({c.id, m_cache.syncedSeq(c.id)});
    // A cache that knew nothing: everything that arrives is simply the list, not news.
    const bool firstSync = request.conversations.isEmpty();
    m_connection.request(request, [this, firstSync](const Frame &reply) {
        m_syncing = false;
        const auto *result = std::get_if<SyncResult>(&reply);
        if (!result)
            return; // offline again: the next connect syncs
        for (const SyncEntry &entry : result->conversations)
            applySyncEntry(entry, !firstSync);
        refreshList();
        flushOutbox();
        if (m_resyncWanted)
            sync();
        else
            emit synced();
    });
}

void ChatClient::applySyncEntry(const SyncEntry &entry, bool markNew)
{
    if (entry.removed) {
        forgetConversation(entry.conversationId);
        return;
    }
    if (entry.reset) {
        // Too much was missed (or the conversation is new here): start over from the snapshot.
        m_cache.clearMessages(entry.conversationId);
        if (entry.conversation) {
            const bool known = m_cache.conversation(entry.conversationId).has_value();
            m_cache.saveConversation(*entry.conversation);
            m_cache.saveMembers(entry.conversationId, entry.members, entry.markers);
            m_conversations.upsert(*entry.conversation);
            if (!known && markNew && m_current != entry.conversationId)
                m_conversations.setNew(entry.conversationId, true); // I was added while away
        }
        for (const Event &e : entry.events) {
            if ((e.kind == EventKind::Message || e.kind == EventKind::StreamEnded) && e.message)
                m_cache.saveMessage(e.conversationId, *e.message);
            else if (e.kind == EventKind::Reaction)
                applyReaction(e);
        }
        if (!entry.events.isEmpty())
            m_cache.setSyncedSeq(entry.conversationId, entry.events.last().seq);
        if (m_current == entry.conversationId)
            showCurrent();
        return;
    }
    // Messages in a catch-up are shown as they are now: roots from it already count their replies.
    const qint64 freshAfter = m_cache.syncedSeq(entry.conversationId);
    for (const Event &e : entry.events)
        applyEvent(e, freshAfter);
    if (entry.hasMore && !entry.events.isEmpty())
        fetchAfter(entry.conversationId, entry.events.last().seq, freshAfter);
}

void ChatClient::fetchAfter(const QString &conversationId, qint64 seq, qint64 freshAfter)
{
    m_connection.request(HistoryRequest{conversationId, std::nullopt, seq, 100},
                         [this, conversationId, freshAfter](const Frame &reply) {
        const auto *page = std::get_if<History>(&reply);
        if (!page)
            return;
        for (const Event &e : page->events)
            applyEvent(e, freshAfter);
        if (page->hasMore && !page->events.isEmpty())
            fetchAfter(conversationId, page->events.last().seq, freshAfter);
        else
            refreshConversation(conversationId);
    });
}

bool ChatClient::applyEvent(const Event &e, qint64 freshAfter)
{
    const QString &id = e.conversationId;
    if (!m_cache.conversation(id)) {
        refreshConversation(id); // a conversation we have not seen yet: fetch it, then its history via sync
        m_resyncWanted = true;
        return false;
    }
    const qint64 synced = m_cache.syncedSeq(id);
    if (e.seq <= synced)
        return true; // seen already (the sender's own echo, or a replay)
    if (e.seq > synced + 1) {
        sync(); // a gap: something was missed; sync fetches exactly that
        return false;
    }
    switch (e.kind) {
    case EventKind::Message:
        if (e.message) {
            m_cache.saveMessage(id, *e.message);
            if (m_current == id)
                m_messages.upsertMessage(*e.message);
            if (auto c = m_conversations.conversation(id)) {
                c->lastMessage = e.message;
                c->lastSeq = e.seq;
                if (e.message->senderId != myMemberId(id) && m_current != id)
                    ++c->unread;
                m_cache.saveConversation(*c);
                m_conversations.upsert(*c);
            }
            if (e.message->senderId != myMemberId(id))
                scheduleDelivered(id, e.seq);
            m_typingIn.memberSpoke(id, e.message->senderId);
            emit messageStored(id, *e.message);
            if (e.message->threadId)
                countReply(id, *e.message, freshAfter);
        }
        break;
    case EventKind::StreamEnded:
        // The final text and stream state replace whatever the pushes had shown.
        if (e.message) {
            m_cache.saveMessage(id, *e.message);
            if (m_current == id)
                m_messages.upsertMessage(*e.message);
            emit messageStored(id, *e.message);
            if (auto c = m_conversations.conversation(id)) {
                if (c->lastMessage && c->lastMessage->id == e.message->id)
                    c->lastMessage = e.message;
                c->lastSeq = e.seq;
                m_cache.saveConversation(*c);
                m_conversations.upsert(*c);
            }
        }
        break;
    case EventKind::Renamed:
    case EventKind::Described:
        applyConversationChange(e);
        break;
    case EventKind::Edit:
    case EventKind::Delete:
        if (e.messageId) {
            if (auto m = m_cache.message(id, *e.messageId)) {
                applyChange(*m, e);
                m_cache.saveMessage(id, *m);
                if (m_current == id)
                    m_messages.upsertMessage(*m);
                emit messageStored(id, *m);
            }
            // The conversation list's last line shows the same message: it changes with it.
            if (auto c = m_conversations.conversation(id); c && c->lastMessage && c->lastMessage->id == *e.messageId) {
                applyChange(*c->lastMessage, e);
                c->lastSeq = std::max(c->lastSeq, e.seq);
                m_cache.saveConversation(*c);
                m_conversations.upsert(*c);
            }
        }
        break;
    case EventKind::Reaction:
        applyReaction(e);
        break;
    case EventKind::Created:
    case EventKind::Archived:
    case EventKind::MemberAdded:
    case EventKind::MemberRemoved:
    case EventKind::MemberLeft:
    case EventKind::RoleChanged:
        refreshConversation(id);
        break;
    default:
        // Kinds this version does not show one by one: the conversation as the server has it now.
        refreshConversation(id);
        break;
    }
    m_cache.setSyncedSeq(id, e.seq);
    return true;
}

void ChatClient::applyChange(MessageInfo &m, const Event &e)
{
    if (e.kind == EventKind::Edit) {
        m.body = e.body.value_or(QString());
        m.editedAt = e.editedAt ? e.editedAt : std::optional(e.at);
    } else {
        m.deleted = true;
        m.body.clear();
    }
}

void ChatClient::countReply(const QString &conversationId, const MessageInfo &reply, qint64 freshAfter)
{
    auto root = m_cache.message(conversationId, *reply.threadId);
    if (!root || root->seq > freshAfter)
        return; // not here (it comes with its count when loaded), or its count is current already
    root->replyCount = root->replyCount.value_or(0) + 1;
    root->lastReplyAt = reply.createdAt;
    m_cache.saveMessage(conversationId, *root);
    if (m_current == conversationId)
        m_messages.upsertMessage(*root);
    emit messageStored(conversationId, *root);
}

void ChatClient::applyStreamUpdate(const StreamUpdate &update)
{
    auto m = m_cache.message(update.conversationId, update.messageId);
    // Unknown yet (its `message` event comes first, or with the next sync), or final already.
    if (!m || !m->stream || m->stream->state != StreamState::Streaming || m->deleted)
        return;
    m->body = update.body;
    m_cache.saveMessage(update.conversationId, *m);
    if (m_current == update.conversationId)
        m_messages.setStreamBody(update.messageId, update.body);
    // The conversation list's last line grows too. Only the model: the stored conversation gets
    // the final text with `stream_ended`, not a write per push.
    if (auto c = m_conversations.conversation(update.conversationId)) {
        if (c->lastMessage && c->lastMessage->id == update.messageId) {
            c->lastMessage->body = update.body;
            m_conversations.upsert(*c);
        }
    }
    emit messageStored(update.conversationId, *m);
}

void ChatClient::applyConversationChange(const Event &e)
{
    auto c = m_conversations.conversation(e.conversationId);
    if (!c)
        return;
    if (e.kind == EventKind::Renamed && e.title)
        c->title = *e.title;
    if (e.kind == EventKind::Described && e.description)
        c->description = e.description->isEmpty() ? std::nullopt : e.description;
    c->lastSeq = std::max(c->lastSeq, e.seq);
    m_cache.saveConversation(*c);
    m_conversations.upsert(*c);
    if (m_current == e.conversationId)
        emit currentConversationChanged();
}

void ChatClient::storeConversation(const ConversationDetail &detail)
{
    const QString &id = detail.conversation.id;
    const bool known = m_cache.conversation(id).has_value();
    m_cache.saveConversation(detail.conversation);
    m_cache.saveMembers(id, detail.members, detail.markers);
    m_conversations.upsert(detail.conversation);
    if (!known && m_current != id)
        m_conversations.setNew(id, true); // until opened; my own create opens it right away
    if (m_current == id) {
        m_members.reset(detail.members, myMemberId(id), m_language, detail.conversation.revealOffers);
        m_messages.setMembers(blind::forDisplay(detail.members, m_language), detail.markers);
        emit currentConversationChanged();
    }
    if (!known)
        sync(); // its history comes with the next sync (as a reset)
}

void ChatClient::refreshConversation(const QString &conversationId)
{
    m_connection.request(ConversationGet{conversationId}, [this, conversationId](const Frame &reply) {
        if (const auto *detail = std::get_if<ConversationDetail>(&reply)) {
            storeConversation(*detail);
        } else if (isNotFound(reply)) {
            forgetConversation(conversationId); // no longer a member
        }
    });
}

void ChatClient::forgetConversation(const QString &conversationId)
{
    m_cache.removeConversation(conversationId);
    m_conversations.remove(conversationId);
    m_drafts.clear(conversationId);
    if (m_current == conversationId)
        openConversation(QString());
}

void ChatClient::refreshList()
{
    m_connection.request(ConversationList{}, [this](const Frame &reply) {
        const auto *list = std::get_if<Conversations>(&reply);
        if (!list)
            return;
        for (const ConversationInfo &c : list->conversations) {
            m_cache.saveConversation(c);
            m_conversations.upsert(c);
        }
    });
}

void ChatClient::acceptCertificate()
{
    if (m_untrustedCertificate.isEmpty())
        return;
    m_trust.accept(m_untrustedCertificate.value(QStringLiteral("host")).toString(),
                   m_untrustedCertificate.value(QStringLiteral("fingerprint")).toString());
    m_untrustedCertificate.clear();
    emit untrustedCertificateChanged();
    m_connection.open();
}

void ChatClient::rejectCertificate()
{
    if (m_untrustedCertificate.isEmpty())
        return;
    m_untrustedCertificate.clear();
    emit untrustedCertificateChanged();
    m_signedOut = true;
    emit connectionStateChanged();
    emit signInFailed(tr("The server's certificate was not accepted."));
}

void ChatClient::setShareReadReceipts(bool share)
{
    if (share == shareReadReceipts())
        return;
    AccountSettings wanted = m_settings;
    wanted.receiptsPrivate = !share;
    // The server answers every device of this account with `settings`; until then the switch
    // shows the old value, so it never claims a privacy that is not in force yet.
    m_connection.request(SettingsSet{wanted}, [this](const Frame &reply) {
        if (const auto *error = std::get_if<Error>(&reply)) {
            emit errorOccurred(tr("The setting could not be saved: %1").arg(error->message));
            emit shareReadReceiptsChanged(); // let the switch fall back
        }
    });
}

void ChatClient::applySettings(const AccountSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    emit shareReadReceiptsChanged();
}

void ChatClient::onPushed(const Frame &frame)
{
    if (const auto *e = std::get_if<Event>(&frame)) {
        applyEvent(*e);
    } else if (const auto *detail = std::get_if<ConversationDetail>(&frame)) {
        // Someone added me: the conversation joins the list, marked new; what is open stays open.
        storeConversation(*detail);
    } else if (const auto *typing = std::get_if<TypingUpdate>(&frame)) {
        if (typing->memberId != myMemberId(typing->conversationId))
            m_typingIn.update(typing->conversationId, typing->memberId, typing->active);
    } else if (const auto *presence = std::get_if<PresenceUpdate>(&frame)) {
        m_presence.insert(presence->userId, enumName(presence->status));
        if (presence->status == PresenceStatus::Offline)
            m_typingIn.memberOffline(presence->userId);
        m_members.setPresence(m_presence);
        emit presenceChanged(presence->userId);
    } else if (const auto *stream = std::get_if<StreamUpdate>(&frame)) {
        applyStreamUpdate(*stream);
    } else if (const auto *mute = std::get_if<MuteUpdate>(&frame)) {
        if (auto c = m_conversations.conversation(mute->conversationId)) {
            c->muted = mute->muted;
            m_cache.saveConversation(*c);
            m_conversations.upsert(*c);
            if (m_current == mute->conversationId)
                emit currentConversationChanged();
        }
    } else if (const auto *settings = std::get_if<SettingsUpdate>(&frame)) {
        applySettings(settings->settings);
    } else if (const auto *marker = std::get_if<MarkerUpdate>(&frame)) {
        QList<MarkerInfo> markers = m_cache.markers(marker->conversationId);
        bool found = false;
        for (MarkerInfo &m : markers) {
            if (m.memberId == marker->memberId) {
                m.deliveredSeq = std::max(m.deliveredSeq, marker->deliveredSeq);
                m.readSeq = std::max(m.readSeq, marker->readSeq);
                found = true;
            }
        }
        if (!found)
            markers.append({marker->memberId, marker->deliveredSeq, marker->readSeq});
        m_cache.saveMembers(marker->conversationId, m_cache.members(marker->conversationId), markers);
        if (marker->memberId == myMemberId(marker->conversationId)) {
            // Read on another device of mine: the badge clears here too.
            if (auto c = m_conversations.conversation(marker->conversationId)) {
                c->readSeq = std::max(c->readSeq, marker->readSeq);
                if (c->lastSeq <= c->readSeq)
                    c->unread = 0;
                m_cache.saveConversation(*c);
                m_conversations.upsert(*c);
            }
        }
        if (m_current == marker->conversationId)
            m_messages.setMembers(displayMembers(m_current), markers);
    }
}

// ---- the open conversation ----------------------------------------------------------------------

void ChatClient::applyReaction(const Event &e)
{
    if (!e.messageId || !e.emoji || !e.actorId)
        return;
    m_cache.applyReaction(e.conversationId, *e.messageId, *e.actorId, *e.emoji, e.add.value_or(true), e.seq);
    if (m_current == e.conversationId)
        m_messages.setMessageReactions(*e.messageId, m_cache.reactions(e.conversationId, *e.messageId));
}

QString ChatClient::myMemberId(const QString &conversationId) const
{
    const auto c = m_conversations.conversation(conversationId);
    return c && c->me ? c->me->id : m_userId;
}

QString ChatClient::currentTitle() const
{
    const auto c = m_conversations.conversation(m_current);
    return c ? c->title : QString();
}

QString ChatClient::currentKind() const
{
    const auto c = m_conversations.conversation(m_current);
    return c ? enumName(c->kind) : QString();
}

void ChatClient::showCurrent()
{
    const auto c = m_cache.conversation(m_current);
    const QList<MessageInfo> recent = m_current.isEmpty() ? QList<MessageInfo>() : m_cache.messages(m_current, 0, 50);
    m_messages.show(m_current, myMemberId(m_current), recent, m_cache.outbox(), c ? c->readSeq : 0);
    m_messages.setMembers(displayMembers(m_current), m_cache.markers(m_current));
    m_messages.setReactions(m_current.isEmpty() ? QList<LocalCache::Reaction>() : m_cache.reactions(m_current));
    m_members.reset(m_cache.members(m_current), myMemberId(m_current), m_language,
                    c ? c->revealOffers : QList<RevealOffer>());
    // Older messages exist when the oldest we hold is not the conversation's first event.
    m_messages.setCanLoadOlder(!recent.isEmpty() ? recent.first().seq > 1 : (c && c->lastSeq > 0));
}

void ChatClient::openConversation(const QString &conversationId)
{
    m_current = conversationId;
    m_conversations.setNew(conversationId, false);
    showCurrent();
    emit currentConversationChanged();
    if (!conversationId.isEmpty() && m_messages.rowCount() < 20 && m_messages.canLoadOlder())
        loadOlder();
}

void ChatClient::loadOlder()
{
    const QString id = m_current;
    if (id.isEmpty())
        return;
    const qint64 oldest = m_messages.oldestSeq();
    // The cache first, then the server.
    const QList<MessageInfo> cached = m_cache.messages(id, oldest, 50);
    if (!cached.isEmpty()) {
        m_messages.prependOlder(cached, cached.first().seq > 1);
        return;
    }
    HistoryRequest request{id, oldest > 0 ? std::optional(oldest) : std::nullopt, std::nullopt, 50};
    m_connection.request(request, [this, id](const Frame &reply) {
        const auto *page = std::get_if<History>(&reply);
        if (!page || id != m_current)
            return;
        QList<MessageInfo> older;
        for (const Event &e : page->events) {
            if (e.kind == EventKind::Message && e.message) {
                older.append(*e.message);
                m_cache.saveMessage(id, *e.message);
            } else if (e.kind == EventKind::Reaction) {
                applyReaction(e);
            }
        }
        m_messages.prependOlder(older, page->hasMore);
    });
}

void ChatClient::markRead(const QString &conversationId, qint64 seq)
{
    auto c = m_conversations.conversation(conversationId);
    if (!c || seq <= c->readSeq)
        return;
    c->readSeq = seq;
    c->unread = 0;
    m_cache.saveConversation(*c);
    m_conversations.upsert(*c);
    m_readToSend[conversationId] = std::max(m_readToSend.value(conversationId), seq);
    if (!m_receiptTimer.isActive())
        m_receiptTimer.start();
}

void ChatClient::scheduleDelivered(const QString &conversationId, qint64 seq)
{
    m_deliveredToSend[conversationId] = std::max(m_deliveredToSend.value(conversationId), seq);
    if (!m_receiptTimer.isActive())
        m_receiptTimer.start();
}

void ChatClient::sendReceipts()
{
    if (!m_connection.isOnline())
        return; // markers are re-sent from the cache state on the next change
    for (auto it = m_deliveredToSend.cbegin(); it != m_deliveredToSend.cend(); ++it) {
        if (m_readToSend.value(it.key()) < it.value())
            m_connection.request(Receipt{it.key(), ReceiptKind::Delivered, it.value()}, [](const Frame &) {});
    }
    for (auto it = m_readToSend.cbegin(); it != m_readToSend.cend(); ++it)
        m_connection.request(Receipt{it.key(), ReceiptKind::Read, it.value()}, [](const Frame &) {});
    m_deliveredToSend.clear();
    m_readToSend.clear();
}

// ---- typing and presence ------------------------------------------------------------------------

void ChatClient::composerTextChanged(const QString &conversationId, const QString &text)
{
    m_drafts.setText(conversationId, text);
    m_typingOut.textChanged(conversationId, text.trimmed().isEmpty());
}

QString ChatClient::typingTextFor(const QString &conversationId) const
{
    const QList<QString> typers = m_typingIn.typers(conversationId);
    if (typers.isEmpty())
        return {};
    QHash<QString, QString> names;
    for (const MemberInfo &m : displayMembers(conversationId))
        names.insert(m.id, m.name);
    const auto name = [&names](const QString &id) { return names.value(id, tr("Someone")); };
    if (typers.size() == 1)
        return tr("%1 is typing…").arg(name(typers[0]));
    if (typers.size() == 2)
        return tr("%1 and %2 are typing…").arg(name(typers[0]), name(typers[1]));
    return tr("%n people are typing…", nullptr, int(typers.size()));
}

QString ChatClient::presenceOf(const QString &userId) const
{
    return m_presence.value(userId, QStringLiteral("offline"));
}

void ChatClient::setSendTyping(bool send)
{
    if (m_sendTyping == send)
        return;
    m_sendTyping = send;
    m_typingOut.setEnabled(send);
    emit sendTypingChanged();
}

void ChatClient::setAway(bool away)
{
    if (m_away == away)
        return;
    m_away = away;
    if (m_connection.isOnline())
        m_connection.request(PresenceSet{away ? PresenceStatus::Away : PresenceStatus::Online}, [](const Frame &) {});
    emit awayChanged();
}

// ---- the outbox ---------------------------------------------------------------------------------

int ChatClient::pendingCount() const
{
    return m_cache.isOpen() ? int(m_cache.outbox().size()) : 0;
}

QString ChatClient::sendMessage(const QString &conversationId, const QString &body, const QStringList &files,
                                const QString &replyTo)
{
    const QString text = body.trimmed().isEmpty() ? QString() : body;
    OutboxItem item;
    item.files = outboxFiles(files, int(m_connection.session().limits.maxAttachmentsPerMessage));
    if ((text.isEmpty() && item.files.isEmpty()) || conversationId.isEmpty() || !m_cache.isOpen())
        return {};
    item.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.conversationId = conversationId;
    item.body = text;
    if (!replyTo.isEmpty())
        item.replyTo = replyTo;
    item.createdAt = now();
    m_typingOut.stop(conversationId);
    m_cache.addToOutbox(item); // committed before anything is shown: survives a crash
    if (m_current == conversationId)
        m_messages.setPending(m_cache.outbox());
    emit outboxChanged();
    flushOutbox();
    return item.clientId;
}

void ChatClient::flushOutbox()
{
    if (!m_connection.isOnline() || m_syncing)
        return;
    QSet<QString> busy = m_inFlight;
    for (const OutboxItem &item : m_cache.outbox()) {
        if (item.failed || busy.contains(item.conversationId))
            continue;
        if (!item.uploadsDone()) {
            busy.insert(item.conversationId); // later messages wait behind it, keeping the order
            continue;
        }
        // One message per conversation on the wire: the next leaves after this one's ack, keeping order.
        busy.insert(item.conversationId);
        m_inFlight.insert(item.conversationId);
        MessageSend send;
        send.conversationId = item.conversationId;
        send.clientId = item.clientId;
        send.body = item.body;
        send.replyTo = item.replyTo;
        for (const OutboxFile &f : item.files)
            send.attachments.append(f.attachmentId);
        m_connection.request(send, [this, item](const Frame &reply) { onSendReply(item, reply); });
    }
    m_uploads.kick();
}

void ChatClient::onSendReply(const OutboxItem &item, const Frame &reply)
{
    m_inFlight.remove(item.conversationId);
    if (const auto *sent = std::get_if<MessageSent>(&reply)) {
        m_cache.removeFromOutbox(item.clientId);
        forgetFiles(item);
        // The stored message replaces the pending one; the log's seq order is kept by the event.
        m_cache.saveMessage(item.conversationId, sent->message);
        if (m_current == item.conversationId)
            m_messages.upsertMessage(sent->message);
        emit messageStored(item.conversationId, sent->message);
        if (auto c = m_conversations.conversation(item.conversationId)) {
            if (!c->lastMessage || c->lastMessage->seq < sent->message.seq) {
                c->lastMessage = sent->message;
                m_conversations.upsert(*c);
            }
        }
        emit outboxChanged();
        flushOutbox();
        return;
    }
    const auto *error = std::get_if<Error>(&reply);
    if (error && isFinal(*error)) {
        m_cache.markOutboxFailed(item.clientId, error->message);
        if (m_current == item.conversationId)
            m_messages.setPending(m_cache.outbox());
        emit outboxChanged();
        flushOutbox(); // a failed message does not hold up the rest
        return;
    }
    // Retryable (offline, UNAVAILABLE, RATE_LIMITED): the same client id goes again later.
    const int wait = error && error->retryAfterMs ? int(*error->retryAfterMs) : 2000;
    if (m_connection.isOnline() && !m_outboxRetry.isActive())
        m_outboxRetry.start(wait);
}

void ChatClient::retryMessage(const QString &clientId)
{
    m_cache.retryOutbox(clientId);
    m_messages.setPending(m_cache.outbox());
    emit outboxChanged();
    flushOutbox();
}

void ChatClient::discardMessage(const QString &clientId)
{
    // A message on the wire may already be stored; only unsent or failed ones can be discarded.
    for (const OutboxItem &item : m_cache.outbox()) {
        if (item.clientId == clientId && !(m_inFlight.contains(item.conversationId) && !item.failed)) {
            m_uploads.cancel(clientId);
            m_cache.removeFromOutbox(clientId);
            forgetFiles(item);
            m_messages.setPending(m_cache.outbox());
            emit outboxChanged();
        }
    }
}

void ChatClient::editPendingMessage(const QString &clientId, const QString &body)
{
    if (body.trimmed().isEmpty())
        return;
    m_cache.editOutbox(clientId, body);
    m_messages.setPending(m_cache.outbox());
}

// ---- starting conversations ---------------------------------------------------------------------

void ChatClient::startDirect(const QString &username)
{
    m_connection.request(UserLookup{{username.trimmed().toLower()}}, [this, username](const Frame &reply) {
        const auto *users = std::get_if<Users>(&reply);
        if (const auto *e = std::get_if<Error>(&reply)) {
            emit createFailed(e->message);
            return;
        }
        if (!users || users->users.isEmpty()) {
            emit createFailed(tr("No user named %1").arg(username));
            return;
        }
        m_connection.request(ConversationCreate{ConversationKind::Direct, {}, {users->users.first().id}},
                             [this](const Frame &created) { onCreated(created); });
    });
}

void ChatClient::createGroup(const QString &title, const QStringList &usernames)
{
    QList<QString> names;
    for (const QString &n : usernames) {
        if (!n.trimmed().isEmpty())
            names.append(n.trimmed().toLower());
    }
    const auto create = [this, title](const QList<QString> &ids) {
        m_connection.request(ConversationCreate{ConversationKind::Group, title.trimmed(), ids},
                             [this](const Frame &reply) { onCreated(reply); });
    };
    if (names.isEmpty())
        return create({});
    m_connection.request(UserLookup{names}, [this, names, create](const Frame &reply) {
        const auto *users = std::get_if<Users>(&reply);
        if (!users) {
            const auto *e = std::get_if<Error>(&reply);
            emit createFailed(e ? e->message : tr("Could not look up the members"));
            return;
        }
        QList<QString> ids;
        for (const MemberInfo &u : users->users)
            ids.append(u.id);
        if (ids.size() < names.size())
            emit errorOccurred(tr("Some usernames were not found"));
        create(ids);
    });
}

void ChatClient::onCreated(const Frame &reply)
{
    if (const auto *detail = std::get_if<ConversationDetail>(&reply)) {
        storeConversation(*detail);
        openConversation(detail->conversation.id);
        emit conversationReady(detail->conversation.id);
    } else if (const auto *e = std::get_if<Error>(&reply)) {
        emit createFailed(e->message);
    }
}

} // namespace confab::client
