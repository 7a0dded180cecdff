#include "appcontroller.h"

#include "blindnames.h"
#include "desktopintegration.h"
#include "messagelistmodel.h"
#include "signuprules.h"
#include "unreadbadge.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QPalette>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "confab.app")

namespace confab::app {

using client::ChatClient;

AppController *AppController::s_instance = nullptr;

namespace {
const QString kServerKey = QStringLiteral("signIn/server");
const QString kUsernameKey = QStringLiteral("signIn/username");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kSendTypingKey = QStringLiteral("privacy/sendTyping");

bool paletteIsDark()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

AppController::AppController(const StartupOptions &options, QObject *parent)
    : QObject(parent),
      m_options(options),
      // The application name is "Confab", or "Confab-NAME" with --profile NAME: one keychain
      // service per profile, so that two accounts side by side keep their own tokens.
      m_tokens(std::make_unique<client::KeychainTokenStore>(QCoreApplication::applicationName())),
      m_client(std::make_unique<ChatClient>(
          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/accounts"),
          m_tokens.get())),
      m_preferences(&m_settings, Autostart::forThisSystem()),
      m_sessions(m_client.get()),
      m_lastConversation(m_client.get(), &m_preferences),
      m_autoAway(m_client.get())
{
    Q_ASSERT(!s_instance);
    s_instance = this;
    m_filter.setClient(m_client.get());

    m_theme = m_settings.value(kThemeKey, QStringLiteral("system")).toString();
    if (!m_options.theme.isEmpty())
        m_theme = m_options.theme;
    m_systemDark = paletteIsDark();
    qGuiApp->installEventFilter(this);

    QString language = m_settings.value(kLanguageKey).toString();
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
    if (!m_options.language.isEmpty())
        language = m_options.language;
    applyLanguage(language);

    connect(m_client.get(), &ChatClient::signedInChanged, this, [this] {
        if (m_client->signedIn()) {
            remember(m_client->serverUrl(), m_client->username());
            setSignInError({});
            setBusy(false);
        }
    });
    connect(m_client.get(), &ChatClient::signInRefused, this, [this](int code, const QString &field) {
        if (!m_busy || m_client->signedIn())
            return;
        // Sentences of our own from the code and field: the server's text is English and terse.
        const auto error = protocol::ErrorCode(code);
        if (field.isEmpty())
            setSignInError(client::SignUpRules::general(error, m_registering));
        else
            setSignInError({}, {{field, client::SignUpRules::fieldProblem(field, error)}});
        setBusy(false);
    });
    connect(m_client.get(), &ChatClient::signInFailed, this, [this](const QString &message) {
        if (m_busy && !m_client->signedIn())
            setSignInError(message);
        setBusy(false);
    });
    connect(m_client.get(), &ChatClient::errorOccurred, this, [this](const QString &message) {
        if (m_busy && !m_client->signedIn()) {
            setSignInError(message);
            setBusy(false);
        }
    });

    // Saved attachments go to the folder the settings page names.
    m_client->setDownloadFolder(m_preferences.downloadFolder());
    connect(&m_preferences, &Settings::changed, this,
            [this] { m_client->setDownloadFolder(m_preferences.downloadFolder()); });
    m_client->setSendTyping(m_settings.value(kSendTypingKey, true).toBool());
    connect(m_client.get(), &ChatClient::sendTypingChanged, this,
            [this] { m_settings.setValue(kSendTypingKey, m_client->sendTyping()); });

    auto *members = m_client->members();
    connect(members, &QAbstractItemModel::modelReset, this, &AppController::updateMemberGroups);
    connect(members, &QAbstractItemModel::rowsInserted, this, &AppController::updateMemberGroups);
    connect(members, &QAbstractItemModel::rowsRemoved, this, &AppController::updateMemberGroups);
    connect(members, &QAbstractItemModel::dataChanged, this, &AppController::updateMemberGroups);

    connect(m_client.get(), &ChatClient::currentConversationChanged, this, &AppController::currentMeChanged);
    connect(m_client->conversations(), &client::ConversationListModel::totalUnreadChanged, this,
            &AppController::windowTitleChanged);
    connect(this, &AppController::languageChanged, this, &AppController::windowTitleChanged);
    connect(this, &AppController::languageChanged, this, &AppController::currentMeChanged);
    connect(m_client->conversations(), &QAbstractItemModel::dataChanged, this, &AppController::currentMeChanged);
    connect(m_client->conversations(), &QAbstractItemModel::modelReset, this, &AppController::currentMeChanged);

    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_server, &QProcess::readyReadStandardOutput, this, &AppController::onServerOutput);
    connect(&m_server, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        setHostState(HostState::Failed, tr("The server could not be started: %1").arg(m_server.errorString()));
    });
    connect(&m_server, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (m_hostState == HostState::Starting || m_hostState == HostState::Running)
            setHostState(HostState::Failed, tr("The server stopped (exit code %1).").arg(code));
    });
}

AppController::~AppController()
{
    m_desktop.reset();
    stopHostedServer();
    s_instance = nullptr;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool AppController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::InputMethod:
        // Every input reaches the window first: that is enough to know someone is there.
        if (qobject_cast<QQuickWindow *>(watched))
            m_autoAway.userActive();
        break;
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::WindowStateChange:
        if (auto *window = qobject_cast<QQuickWindow *>(watched)) {
            // Judged once the change has been applied: during the event the old state may still show.
            QTimer::singleShot(0, this, [this, window = QPointer<QQuickWindow>(window)] {
                if (!window)
                    return;
                m_autoAway.setOutOfSight(!window->isVisible() || window->visibility() == QWindow::Minimized);
            });
        }
        break;
    default:
        break;
    }
    if (watched == qGuiApp && event->type() == QEvent::ApplicationPaletteChange) {
        const bool systemDark = paletteIsDark();
        if (systemDark != m_systemDark) {
            m_systemDark = systemDark;
            emit themeChanged();
        }
    }
    return QObject::eventFilter(watched, event);
}

void AppController::start(QQmlApplicationEngine *engine)
{
    m_engine = engine;
    m_desktop = std::make_unique<DesktopIntegration>(m_client.get(), &m_preferences);
    if (!engine->rootObjects().isEmpty())
        m_desktop->attach(qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst()));
    emit desktopChanged();
    const QString server = m_options.server.isEmpty() ? lastServer() : m_options.server;
    if (!m_options.user.isEmpty() && !m_options.password.isEmpty()) {
        signIn(server, m_options.user, m_options.password);
    } else if (!server.isEmpty() && !lastUsername().isEmpty() && server == lastServer()) {
        // Signed in last time: the keychain may still hold a session token for this account.
        setBusy(true);
        m_client->resume(server, lastUsername());
    }
}

QString AppController::lastServer() const
{
    if (!m_options.server.isEmpty())
        return m_options.server;
    return m_settings.value(kServerKey).toString();
}

QString AppController::lastUsername() const
{
    if (!m_options.user.isEmpty())
        return m_options.user;
    return m_settings.value(kUsernameKey).toString();
}

void AppController::remember(const QString &server, const QString &username)
{
    m_settings.setValue(kServerKey, server);
    m_settings.setValue(kUsernameKey, username);
    emit rememberedChanged();
}

void AppController::setTheme(const QString &theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    m_settings.setValue(kThemeKey, theme);
    emit themeChanged();
}

bool AppController::dark() const
{
    if (m_theme == QLatin1StringView("dark"))
        return true;
    if (m_theme == QLatin1StringView("light"))
        return false;
    return m_systemDark;
}

void AppController::setLanguage(const QString &language)
{
    applyLanguage(language);
    m_settings.setValue(kLanguageKey, m_language);
}

void AppController::applyLanguage(const QString &language)
{
    const QString lang = language == QLatin1StringView("ko") ? language : QStringLiteral("en");
    if (lang == m_language)
        return;
    m_language = lang;
    QCoreApplication::removeTranslator(&m_translator);
    if (m_translator.load(QStringLiteral(":/i18n/confab_") + lang + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(&m_translator);
    else
        qCWarning(lcApp) << "no translation for" << lang;
    // Dates and times in the timeline follow the UI language.
    QLocale::setDefault(lang == QLatin1StringView("ko") ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    // After the translator and the locale: the models re-read "Today", "You" and the times in
    // the new language (blind rooms' aliases too), not in the one being left.
    m_client->setLanguage(lang);
    if (m_filter.rowCount() > 0)
        emit m_filter.dataChanged(m_filter.index(0, 0), m_filter.index(m_filter.rowCount() - 1, 0));
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}

void AppController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void AppController::setSignInError(const QString &error, const QVariantMap &fieldErrors)
{
    if (m_signInError == error && m_fieldErrors == fieldErrors)
        return;
    m_signInError = error;
    m_fieldErrors = fieldErrors;
    emit signInErrorChanged();
}

void AppController::signIn(const QString &server, const QString &username, const QString &password)
{
    setSignInError({}, client::SignUpRules::check(username, {}, password, {}, false));
    if (!m_fieldErrors.isEmpty())
        return;
    m_registering = false;
    setBusy(true);
    m_client->signIn(server.trimmed(), username, password);
}

void AppController::registerAccount(const QString &server, const QString &username, const QString &displayName,
                                    const QString &password, const QString &inviteCode)
{
    // The protocol's own rules, before anything is sent: the server would refuse the same.
    setSignInError({}, client::SignUpRules::check(username, displayName, password, inviteCode, true));
    if (!m_fieldErrors.isEmpty())
        return;
    m_registering = true;
    setBusy(true);
    m_client->registerAccount(server.trimmed(), username, displayName, password, inviteCode.trimmed());
}

void AppController::cancelSignIn()
{
    m_client->signOut();
    setBusy(false);
}

void AppController::signOut()
{
    m_client->signOut();
}

QString AppController::avatarColor(const QString &id) const
{
    return client::MessageListModel::avatarColor(id);
}

QString AppController::initials(const QString &name) const
{
    return client::MessageListModel::initials(name);
}

QVariantList AppController::readersOf(qint64 seq) const
{
    const QString conversation = m_client->currentConversationId();
    if (conversation.isEmpty() || !m_client->cache().isOpen())
        return {};
    QHash<QString, protocol::MemberInfo> byId;
    for (const protocol::MemberInfo &m : m_client->cache().members(conversation))
        byId.insert(m.id, m);
    const auto info = m_client->conversations()->conversation(conversation);
    const QString me = info && info->me ? info->me->id : m_client->userId();
    QVariantList readers;
    for (const protocol::MarkerInfo &marker : m_client->cache().markers(conversation)) {
        if (marker.memberId == me || marker.readSeq < seq)
            continue;
        const protocol::MemberInfo member = byId.value(marker.memberId);
        const QString shown = client::blind::displayName(member, m_language);
        const QString name = shown.isEmpty() ? tr("Former member") : shown;
        readers.append(QVariantMap{{QStringLiteral("name"), name},
                                   {QStringLiteral("avatarColor"), client::MessageListModel::avatarColor(marker.memberId)},
                                   {QStringLiteral("initials"), client::MessageListModel::initials(name)},
                                   {QStringLiteral("alias"), member.alias}});
    }
    return readers;
}

QString AppController::currentAlias() const
{
    const auto c = m_client->conversations()->conversation(m_client->currentConversationId());
    return c && c->me && c->me->alias ? client::blind::aliasName(*c->me, m_language) : QString();
}

QString AppController::currentGroup() const
{
    const auto c = m_client->conversations()->conversation(m_client->currentConversationId());
    return c && c->me && c->me->group ? *c->me->group : QString();
}

void AppController::updateMemberGroups()
{
    QVariantMap groups;
    const auto *members = m_client->members();
    for (int row = 0; row < members->rowCount(); ++row) {
        const QModelIndex i = members->index(row);
        const QString group = i.data(client::MemberListModel::GroupRole).toString();
        if (!group.isEmpty())
            groups.insert(i.data(client::MemberListModel::MemberIdRole).toString(), group);
    }
    if (groups == m_memberGroups)
        return;
    m_memberGroups = groups;
    emit memberGroupsChanged();
}

QString AppController::windowTitle() const
{
    return UnreadBadge::windowTitle(m_client->conversations()->totalUnread());
}

bool AppController::trayAvailable() const
{
    return m_desktop && m_desktop->trayAvailable();
}

bool AppController::notificationsAvailable() const
{
    return m_desktop && !m_desktop->sinkName().isEmpty();
}

bool AppController::keepRunningInTray() const
{
    return m_desktop && m_desktop->keepRunningInTray();
}

// ---- the bundled server -------------------------------------------------------------------------

QString AppController::serverBinary() const
{
    const QDir here(QCoreApplication::applicationDirPath());
    // Installed next to the app; in the build tree the app is <build>/client, the server <build>/server.
    for (const QString &candidate : {here.filePath(QStringLiteral("confab-server")),
                                     here.filePath(QStringLiteral("../server/confab-server")),
                                     QStringLiteral(CONFAB_BUILD_SERVER_BINARY)}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

void AppController::setHostState(HostState state, const QString &error)
{
    m_hostState = state;
    m_hostError = error;
    if (state != HostState::Running)
        m_hostedUrl.clear();
    emit hostChanged();
}

void AppController::hostServer()
{
    if (m_server.state() != QProcess::NotRunning)
        return;
    const QString binary = serverBinary();
    if (binary.isEmpty()) {
        setHostState(HostState::Failed, tr("The bundled server was not found next to the app."));
        return;
    }
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/server");
    QDir().mkpath(data);
    m_serverOutput.clear();
    setHostState(HostState::Starting);
    m_server.start(binary, {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data"), data});
}

void AppController::onServerOutput()
{
    m_serverOutput += m_server.readAllStandardOutput();
    static const QRegularExpression listening(QStringLiteral("listening on (wss?://\\S+)"));
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_serverOutput));
    if (match.hasMatch() && m_hostState == HostState::Starting) {
        m_hostedUrl = match.captured(1);
        m_hostState = HostState::Running;
        m_hostError.clear();
        qCInfo(lcApp) << "hosting a server on" << m_hostedUrl;
        emit hostChanged();
    }
}

void AppController::stopHostedServer()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_hostState = HostState::Idle; // a deliberate stop is not a failure
    m_server.terminate();
    if (!m_server.waitForFinished(3000))
        m_server.kill();
    setHostState(HostState::Idle);
}

} // namespace confab::app
