#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

class QCommandLineParser;
class QQmlApplicationEngine;

namespace confab::app {

class AppController;

//! What scripts/screenshots.sh asks for on the command line: a scene to set up, then a picture.
struct AutomationOptions {
    QString openConversationTitle; //!< open the first conversation with this title once synced
    QString screenshot;            //!< save a picture of the window to this PNG, then quit
    int screenshotDelayMs = 1500;  //!< how long after syncing the picture waits
    //! The whole screen (desktop notifications too), taken once this many notifications went out.
    int screenshotAfterNotifications = 0;
    bool showMembers = false;   //!< open the members panel
    QString openSettings;       //!< open the settings page on this section ("account", "notifications"…)
    QString search;             //!< open the search panel with this query
    bool groupSettings = false; //!< open the open group's settings
    bool thread = false;        //!< open the newest thread of the open conversation
    bool newBlindRoom = false;  //!< open the new-conversation dialog on a filled-in blind room
    bool newMatching = false;   //!< open the new-conversation dialog on a filled-in matching
    QString compose;            //!< type this into the composer of the open conversation ("@mi": the autocomplete)
    bool mentions = false;      //!< open the "Mentions" view
    bool forward = false;       //!< open the forward picker for the newest message of the open conversation
    bool scrollUp = false;      //!< scroll the open timeline to its top (new messages then show the pill)
    bool exportData = false;    //!< start an export of my data once synced
    QString profile;            //!< open the profile card of this member (a username) of the open conversation
    QString block;              //!< block this member (a username) of the open conversation once synced
    QString findPeople;         //!< open the new-conversation dialog with this typed as the username (suggestions)
    bool deleteAccount = false; //!< with openSettings "account": open the "Delete account" dialog

    //! Adds the options above to the app's command line.
    static void addTo(QCommandLineParser &parser);
    //! Reads them back once the command line was processed.
    static AutomationOptions from(const QCommandLineParser &parser);
};

/*!
 * The screenshot and demo automation of the app (scripts/screenshots.sh), kept out of the App
 * singleton: opens a conversation by title once synced, tells the pages what to open at start
 * (exposed to QML as the `Automation` singleton of Confab.App), and saves a picture of the window,
 * or of the whole screen after some desktop notifications, then quits. Without options it does
 * nothing and every `*AtStart` is empty.
 */
class Automation : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Automation)
    QML_SINGLETON
    Q_PROPERTY(bool showMembersAtStart READ showMembersAtStart CONSTANT)
    //! Section the settings page opens on at start ("" = not open).
    Q_PROPERTY(QString settingsAtStart READ settingsAtStart CONSTANT)
    //! A search to show at start ("" = none).
    Q_PROPERTY(QString searchAtStart READ searchAtStart CONSTANT)
    Q_PROPERTY(bool groupSettingsAtStart READ groupSettingsAtStart CONSTANT)
    Q_PROPERTY(bool threadAtStart READ threadAtStart CONSTANT)
    Q_PROPERTY(bool newBlindRoomAtStart READ newBlindRoomAtStart CONSTANT)
    Q_PROPERTY(bool newMatchingAtStart READ newMatchingAtStart CONSTANT)
    //! Text typed into the composer at start ("" = none).
    Q_PROPERTY(QString composeAtStart READ composeAtStart CONSTANT)
    Q_PROPERTY(bool mentionsAtStart READ mentionsAtStart CONSTANT)
    Q_PROPERTY(bool forwardAtStart READ forwardAtStart CONSTANT)
    Q_PROPERTY(bool scrollUpAtStart READ scrollUpAtStart CONSTANT)
    //! The profile card opens at start once ChatClient.card shows someone (see onSynced).
    Q_PROPERTY(bool profileAtStart READ profileAtStart CONSTANT)
    //! Typed into the new-conversation dialog's username field at start ("" = not open).
    Q_PROPERTY(QString findPeopleAtStart READ findPeopleAtStart CONSTANT)
    Q_PROPERTY(bool deleteAccountAtStart READ deleteAccountAtStart CONSTANT)
public:
    Automation(const AutomationOptions &options, AppController *app, QObject *parent = nullptr);
    ~Automation() override;

    //! The QML singleton is the one instance main() made.
    static Automation *create(QQmlEngine *, QJSEngine *);

    //! After AppController::start: the window to picture and the notifications to wait for.
    //! `signingIn`: the command line signs in, so the picture waits for the first sync.
    void start(QQmlApplicationEngine *engine, bool signingIn);

    bool showMembersAtStart() const { return m_options.showMembers; }
    QString settingsAtStart() const { return m_options.openSettings; }
    QString searchAtStart() const { return m_options.search; }
    bool groupSettingsAtStart() const { return m_options.groupSettings; }
    bool threadAtStart() const { return m_options.thread; }
    bool newBlindRoomAtStart() const { return m_options.newBlindRoom; }
    bool newMatchingAtStart() const { return m_options.newMatching; }
    QString composeAtStart() const { return m_options.compose; }
    bool mentionsAtStart() const { return m_options.mentions; }
    bool forwardAtStart() const { return m_options.forward; }
    bool scrollUpAtStart() const { return m_options.scrollUp; }
    bool profileAtStart() const { return !m_options.profile.isEmpty(); }
    QString findPeopleAtStart() const { return m_options.findPeople; }
    bool deleteAccountAtStart() const { return m_options.deleteAccount; }

private:
    void onSynced();
    //! --block and --profile: the member of the open conversation with that username.
    void actOnMembers();
    void scheduleScreenshot();
    void takeScreenshot();

    AutomationOptions m_options;
    AppController *m_app;
    QQmlApplicationEngine *m_engine = nullptr;
    bool m_waitingForNotifications = false; //!< a picture of the screen after notifications
    bool m_autoOpened = false;              //!< the conversation was opened (or the user signed out)
    bool m_screenshotScheduled = false;

    static Automation *s_instance;
};

} // namespace confab::app
