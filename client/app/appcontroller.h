#pragma once

#include "accountsessions.h"
#include "autoaway.h"
#include "chatclient.h"
#include "conversationfiltermodel.h"
#include "lastconversation.h"
#include "settings.h"

#include <QObject>
#include <QProcess>
#include <QQmlEngine>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <QVariantList>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace confab::client {
class TokenStore;
}

namespace confab::app {

class DesktopIntegration;

//! What the command line asked for (see main.cpp): prefills. The screenshot automation has its
//! own options (AutomationOptions, automation.h).
struct StartupOptions {
    QString server;
    QString user;
    QString password;
    QString theme;    //!< "", "system", "light", "dark"
    QString language; //!< "", "en", "ko"
    bool startInTray = false; //!< started at login: stay in the tray until called
};

/*!
 * The app around the client library, exposed to QML as the `App` singleton (module Confab.App):
 * owns the ChatClient, remembers the last server and username, the theme and the language, and
 * can start the bundled server on this computer. QML calls it; it never reaches into QML.
 */
class AppController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(confab::client::ChatClient *client READ client CONSTANT)
    Q_PROPERTY(confab::app::ConversationFilterModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(QString lastServer READ lastServer NOTIFY rememberedChanged)
    Q_PROPERTY(QString lastUsername READ lastUsername NOTIFY rememberedChanged)
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(bool dark READ dark NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInErrorChanged)
    //! {field: sentence} for the sign-up fields that are wrong ("username", "display_name",
    //! "password", "invite_code"): shown beside each field.
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY signInErrorChanged)
    Q_PROPERTY(HostState hostState READ hostState NOTIFY hostChanged)
    Q_PROPERTY(QString hostedUrl READ hostedUrl NOTIFY hostChanged)
    Q_PROPERTY(QString hostError READ hostError NOTIFY hostChanged)
    //! Open conversation: member id → "A"/"B" for the members of a blind room (empty otherwise).
    Q_PROPERTY(QVariantMap memberGroups READ memberGroups NOTIFY memberGroupsChanged)
    //! Open blind room: how the others see me ("Quiet Otter") and my group ("A"/"B"); "" otherwise.
    Q_PROPERTY(QString currentAlias READ currentAlias NOTIFY currentMeChanged)
    Q_PROPERTY(QString currentGroup READ currentGroup NOTIFY currentMeChanged)
    Q_PROPERTY(confab::app::Settings *settings READ settings CONSTANT)
    Q_PROPERTY(confab::app::AccountSessions *sessions READ sessions CONSTANT)
    //! "(3) Confab" while 3 messages are unread.
    Q_PROPERTY(QString windowTitle READ windowTitle NOTIFY windowTitleChanged)
    Q_PROPERTY(bool trayAvailable READ trayAvailable NOTIFY desktopChanged)
    //! Whether desktop notifications can be shown here (a notification service or a tray was found).
    Q_PROPERTY(bool notificationsAvailable READ notificationsAvailable NOTIFY desktopChanged)
public:
    enum class HostState { Idle, Starting, Running, Failed };
    Q_ENUM(HostState)

    AppController(const StartupOptions &options, QObject *parent = nullptr);
    ~AppController() override;

    //! The QML singleton is the one instance main() made.
    static AppController *create(QQmlEngine *, QJSEngine *);

    //! Connects to the engine that shows the UI (retranslation, the tray) and starts signing in.
    void start(QQmlApplicationEngine *engine);

    client::ChatClient *client() { return m_client.get(); }
    ConversationFilterModel *conversations() { return &m_filter; }
    QString lastServer() const;
    QString lastUsername() const;
    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    bool dark() const;
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    bool busy() const { return m_busy; }
    QString signInError() const { return m_signInError; }
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    HostState hostState() const { return m_hostState; }
    QString hostedUrl() const { return m_hostedUrl; }
    QString hostError() const { return m_hostError; }

    Q_INVOKABLE void signIn(const QString &server, const QString &username, const QString &password);
    Q_INVOKABLE void registerAccount(const QString &server, const QString &username, const QString &displayName,
                                     const QString &password, const QString &inviteCode);
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void signOut();
    //! Starts the bundled confab-server on this computer; `hostedUrl` follows once it listens.
    Q_INVOKABLE void hostServer();
    Q_INVOKABLE void stopHostedServer();
    Q_INVOKABLE QString avatarColor(const QString &id) const;
    Q_INVOKABLE QString initials(const QString &name) const;
    //! Who (besides me) has read the open conversation up to `seq`: [{name, avatarColor, initials}].
    Q_INVOKABLE QVariantList readersOf(qint64 seq) const;
    QVariantMap memberGroups() const { return m_memberGroups; }
    QString currentAlias() const;
    QString currentGroup() const;

    Settings *settings() { return &m_preferences; }
    AccountSessions *sessions() { return &m_sessions; }
    QString windowTitle() const;
    bool trayAvailable() const;
    bool notificationsAvailable() const;
    //! The tray and notifications, once start() ran (null before).
    DesktopIntegration *desktop() const { return m_desktop.get(); }
    //! The window was asked to close: true when it should only hide (the tray keeps the app).
    Q_INVOKABLE bool keepRunningInTray() const;

signals:
    void rememberedChanged();
    void themeChanged();
    void languageChanged();
    void busyChanged();
    void signInErrorChanged();
    void hostChanged();
    void memberGroupsChanged();
    void currentMeChanged();
    void windowTitleChanged();
    void desktopChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyLanguage(const QString &language);
    void setBusy(bool busy);
    void setSignInError(const QString &error, const QVariantMap &fieldErrors = {});
    void remember(const QString &server, const QString &username);
    void setHostState(HostState state, const QString &error = {});
    QString serverBinary() const;
    void onServerOutput();
    void updateMemberGroups();

    StartupOptions m_options;
    std::unique_ptr<client::TokenStore> m_tokens;
    std::unique_ptr<client::ChatClient> m_client;
    ConversationFilterModel m_filter;
    QSettings m_settings;
    Settings m_preferences;
    AccountSessions m_sessions;
    LastConversation m_lastConversation;
    AutoAway m_autoAway;
    std::unique_ptr<DesktopIntegration> m_desktop;
    QTranslator m_translator;
    QQmlApplicationEngine *m_engine = nullptr;
    QString m_theme;
    QString m_language;
    bool m_systemDark = false;
    bool m_busy = false;
    QString m_signInError;
    QVariantMap m_fieldErrors;
    bool m_registering = false; //!< the pending sign-in creates an account
    QProcess m_server;
    QByteArray m_serverOutput;
    HostState m_hostState = HostState::Idle;
    QString m_hostedUrl;
    QString m_hostError;
    QVariantMap m_memberGroups;

    static AppController *s_instance;
};

} // namespace confab::app
