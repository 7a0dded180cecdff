#include "chatclient.h"

#include "blindnames.h"
#include "mentioncompleter.h"
#include "tokenstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSysInfo>

namespace confab::client {

using namespace confab::protocol;

ChatClient::ChatClient(QString dataDir, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_tokens(tokens)
    , m_trust(QDir(m_dataDir).filePath(QStringLiteral("certificates.ini")))
{
    wire();
}

ChatClient::~ChatClient()
{
    m_connection.close();
}

void ChatClient::wire()
{
    // The models follow the state; what acts on the open conversation comes after them.
    m_conversations.observe(&m_state);
    m_forwarding.setConversations(&m_conversations);
    connect(&m_forwarding, &Forwarding::failed, this, &ChatClient::errorOccurred);
    m_messages.observe(&m_state, &m_outbox);
    m_members.observe(&m_state, &m_presence);
    m_conversations.setNameOf([this](const QString &conversationId, const QString &memberId) {
        for (const MemberInfo &m : m_state.members(conversationId)) {
            if (m.id == memberId)
                return blind::displayName(m, m_language);
        }
        return QString(); // not known here yet: the line shows the text alone
    });
    m_actions = std::make_unique<MessageActions>(m_connection, m_state, m_messages, m_drafts, this);
    m_groupSettings = std::make_unique<GroupSettings>(m_connection, m_state, this);
    m_thread = std::make_unique<ThreadModel>(m_connection, m_state, m_messages, m_outbox, this);
    connect(m_actions.get(), &MessageActions::openWanted, this, &ChatClient::openConversation);
    connect(m_actions.get(), &MessageActions::olderWanted, this, &ChatClient::loadOlder);
    // After the timeline took a page (it observes the state first): more, while the first unread
    // message is still above it.
    connect(&m_state, &ConversationState::olderLoaded, this, [this](const QString &conversationId) {
        if (conversationId == m_current)
            loadTowardsFirstUnread();
    });

    // The connection: pushed frames go to whoever keeps what they are about.
    connect(&m_connection, &Connection::pushed, this, [this](const Frame &frame) {
        m_state.apply(frame);
        m_presence.apply(frame);
        m_readMarkers.apply(frame);
    });
    wireBlocks();
    connect(&m_connection, &Connection::stateChanged, this, &ChatClient::connectionStateChanged);
    connect(&m_connection, &Connection::reconnectScheduled, this, &ChatClient::connectionStateChanged);
    connect(&m_connection, &Connection::authenticated, this, &ChatClient::onAuthenticated);
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

    // Catching up holds the outbox back; once caught up it goes.
    connect(&m_catchup, &Catchup::syncingChanged, &m_outbox, &Outbox::setSyncing);
    connect(&m_catchup, &Catchup::caughtUp, &m_outbox, &Outbox::flush);
    connect(&m_catchup, &Catchup::synced, this, &ChatClient::synced);
    connect(&m_outbox, &Outbox::writing, &m_presence, &Presence::stopTyping);
    connect(&m_outbox, &Outbox::changed, this, &ChatClient::outboxChanged);
    // A deleted account is signed out here as after "Sign out": its token goes from the keychain.
    connect(&m_removal, &AccountRemoval::removed, this, &ChatClient::signOut);
    connect(&m_profile, &AccountProfile::changed, this, [this] {
        if (m_profile.displayName().isEmpty() || m_profile.displayName() == m_displayName)
            return;
        m_displayName = m_profile.displayName();
        m_blind.setIdentity(m_username, m_displayName);
        emit displayNameChanged();
    });

    // What the façade tells QML.
    connect(&m_state, &ConversationState::messageChanged, this, &ChatClient::messageStored);
    connect(&m_state, &ConversationState::streamChanged, this, &ChatClient::messageStored);
    connect(&m_state, &ConversationState::detailsChanged, this, [this](const QString &conversationId) {
        if (conversationId == m_current)
            emit currentConversationChanged();
    });
    // Drafts live in the account's cache: those of the account that opened come back.
    connect(&m_state, &ConversationState::conversationsReset, this, [this] { m_drafts.setCache(&m_state.cache()); });
    m_conversations.setDraftOf([this](const QString &conversationId) { return m_drafts.summary(conversationId); });
    connect(&m_drafts, &Drafts::changed, &m_conversations, &ConversationListModel::draftChanged);
    connect(&m_state, &ConversationState::conversationRemoved, this, [this](const QString &conversationId) {
        m_drafts.clear(conversationId);
        if (conversationId == m_current)
            openConversation(QString());
    });
    connect(&m_presence, &Presence::typingChanged, this, [this](const QString &conversationId) {
        m_conversations.setTyping(conversationId, typingTextFor(conversationId));
        if (conversationId == m_current)
            emit typingChanged();
    });
    connect(&m_presence, &Presence::presenceChanged, this, &ChatClient::presenceChanged);
    connect(&m_presence, &Presence::awayChanged, this, &ChatClient::awayChanged);
    connect(&m_presence, &Presence::sendTypingChanged, this, &ChatClient::sendTypingChanged);
    connect(&m_readMarkers, &ReadMarkers::shareReadReceiptsChanged, this, &ChatClient::shareReadReceiptsChanged);
    connect(&m_attachments, &Attachments::saved, this, &ChatClient::attachmentSaved);
    connect(&m_blind, &BlindRooms::memberReported, this, &ChatClient::memberReported);
    connect(&m_readMarkers, &ReadMarkers::failed, this, &ChatClient::errorOccurred);
    connect(&m_attachments, &Attachments::failed, this, &ChatClient::errorOccurred);
    connect(&m_blind, &BlindRooms::failed, this, &ChatClient::errorOccurred);
    connect(&m_blind, &BlindRooms::failedToCreate, this, &ChatClient::createFailed);
    connect(m_actions.get(), &MessageActions::failed, this, &ChatClient::errorOccurred);
    connect(m_groupSettings.get(), &GroupSettings::failed, this, &ChatClient::errorOccurred);
    connect(&m_pins, &PinnedMessageModel::failed, this, &ChatClient::errorOccurred);
}

// ---- signing in ---------------------------------------------------------------------------------

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
    if (m_state.isOpen() && key == m_accountKey)
        return true;
    m_drafts.flush(); // into the cache of the account that had them
    m_state.close();
    QDir().mkpath(m_dataDir);
    const QString file = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    QString error;
    if (!m_state.open(QDir(m_dataDir).filePath(file + QStringLiteral(".sqlite")), &error)) {
        emit errorOccurred(tr("Cannot open the local cache: %1").arg(error));
        return false;
    }
    m_accountKey = key;
    m_attachments.downloads().setCacheDir(QDir(m_dataDir).filePath(file + QStringLiteral("-files")));
    m_avatars.setCacheDir(QDir(m_dataDir).filePath(file + QStringLiteral("-avatars")));
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
        m_connection.send(AuthLogout{});
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
    if (m_displayName != session.user.displayName) {
        m_displayName = session.user.displayName;
        emit displayNameChanged();
    }
    m_state.setMyUserId(m_userId);
    m_conversations.setMyUserId(m_userId);
    m_blind.setIdentity(m_username, m_displayName);
    m_readMarkers.applySettings(session.settings);
    if (session.token && m_tokens) {
        m_tokens->write(m_accountKey, *session.token, this, [this](const QString &error) {
            if (!error.isEmpty())
                emit errorOccurred(tr("The sign-in could not be saved in the keychain: %1").arg(error));
        });
    }
    m_outbox.uploads().setLimits(session.limits);
    if (first)
        emit signedInChanged();
    emit connectionStateChanged();
    m_presence.start(session.limits);
    m_catchup.sync();
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

// ---- the open conversation ----------------------------------------------------------------------

QString ChatClient::currentTitle() const
{
    const auto c = m_state.conversation(m_current);
    return c ? c->title : QString();
}

QString ChatClient::currentKind() const
{
    const auto c = m_state.conversation(m_current);
    return c ? enumName(c->kind) : QString();
}

bool ChatClient::currentIsOwner() const
{
    const auto c = m_state.conversation(m_current);
    return c && c->role == Role::Owner;
}

void ChatClient::openConversation(const QString &conversationId)
{
    m_current = conversationId;
    m_state.setOpenConversation(conversationId); // the models show it
    emit currentConversationChanged();
    if (conversationId.isEmpty())
        return;
    // Opening a conversation I marked unread is reading it again: the mark goes on every device.
    if (const auto c = m_state.conversation(conversationId); c && c->markedUnread.value_or(false))
        m_forwarding.markUnread(conversationId, false);
    if (!loadTowardsFirstUnread() && m_messages.rowCount() < 20 && m_messages.canLoadOlder())
        loadOlder();
}

void ChatClient::markConversationRead(const QString &conversationId)
{
    const auto c = m_state.conversation(conversationId);
    if (!c)
        return;
    if (c->markedUnread.value_or(false))
        m_forwarding.markUnread(conversationId, false);
    m_readMarkers.markRead(conversationId, c->lastSeq);
}

bool ChatClient::loadTowardsFirstUnread()
{
    // Pages from the cache come at once; a page from the server comes later, and olderLoaded
    // brings us back here until the first unread message is in the window.
    for (int page = 0; page < MessageListModel::kUnreadWindow / 50 && m_messages.unreadStartsAbove(); ++page) {
        if (!m_messages.loadOlderFromCache()) {
            m_catchup.loadOlder(m_current, m_messages.oldestSeq());
            return true;
        }
    }
    return false;
}

void ChatClient::loadOlder()
{
    // The cache first, then the server.
    if (!m_current.isEmpty() && !m_messages.loadOlderFromCache())
        m_catchup.loadOlder(m_current, m_messages.oldestSeq());
}

QString ChatClient::sendMessage(const QString &conversationId, const QString &body, const QStringList &files,
                                const QString &replyTo, const QVariantList &mentions)
{
    return m_outbox.send(conversationId, body, files, replyTo, MentionCompleter::fromVariant(mentions));
}

void ChatClient::composerTextChanged(const QString &conversationId, const QString &text)
{
    m_drafts.setText(conversationId, text);
    m_presence.composerTextChanged(conversationId, text);
}

QString ChatClient::typingTextFor(const QString &conversationId) const
{
    const QList<QString> typers = m_presence.typers(conversationId);
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

QList<MemberInfo> ChatClient::displayMembers(const QString &conversationId) const
{
    return blind::forDisplay(m_state.members(conversationId), m_language);
}

void ChatClient::setLanguage(const QString &language)
{
    const QString lang = language == QLatin1StringView("ko") ? language : QStringLiteral("en");
    if (lang == m_language)
        return;
    m_language = lang;
    m_conversations.setLanguage(lang);
    m_messages.setLanguage(lang);
    m_members.setLanguage(lang);
    m_pins.setLanguage(lang);
    m_thread->setLanguage(lang);
    m_blind.setLanguage(lang);
    // Every row again: day separators ("Today"), "You" and times are formatted in data().
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{&m_messages, m_thread.get(), &m_search, &m_mentionList}) {
        if (model->rowCount() > 0)
            emit model->dataChanged(model->index(0, 0), model->index(model->rowCount() - 1, 0));
    }
    emit languageChanged();
    emit typingChanged();
}

// ---- starting conversations ---------------------------------------------------------------------

void ChatClient::startDirect(const QString &username)
{
    m_connection.request(UserLookup{{username.trimmed().toLower()}}, [this, username](const Reply<Users> &users) {
        if (!users) {
            emit createFailed(users.error().message);
            return;
        }
        if (users->users.isEmpty()) {
            emit createFailed(tr("No user named %1").arg(username));
            return;
        }
        m_connection.request(ConversationCreate{ConversationKind::Direct, {}, {users->users.first().id}},
                             [this](const Reply<ConversationDetail> &created) { onCreated(created); });
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
                             [this](const Reply<ConversationDetail> &reply) { onCreated(reply); });
    };
    if (names.isEmpty())
        return create({});
    m_connection.request(UserLookup{names}, [this, names, create](const Reply<Users> &users) {
        if (!users) {
            emit createFailed(users.error().message);
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

void ChatClient::createBlindRoom(const QVariantMap &setup)
{
    m_blind.createRoom(setup, [this](const Reply<ConversationDetail> &reply) { onCreated(reply); });
}

void ChatClient::onCreated(const Reply<ConversationDetail> &detail)
{
    if (detail) {
        m_state.applyDetail(*detail);
        openConversation(detail->conversation.id);
        emit conversationReady(detail->conversation.id);
    } else {
        emit createFailed(detail.error().message);
    }
}

} // namespace confab::client
