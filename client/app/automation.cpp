#include "automation.h"

#include "appcontroller.h"
#include "desktopintegration.h"
#include "desktopnotifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAutomation, "confab.app.automation")

namespace confab::app {

Automation *Automation::s_instance = nullptr;

namespace {
const QString kOpenTitle = QStringLiteral("open-conversation-title");
const QString kScreenshot = QStringLiteral("screenshot");
const QString kDelay = QStringLiteral("screenshot-delay");
const QString kAfterNotifications = QStringLiteral("screenshot-after-notifications");
const QString kMembers = QStringLiteral("show-members");
const QString kSettings = QStringLiteral("open-settings");
const QString kSearch = QStringLiteral("search");
const QString kGroupSettings = QStringLiteral("open-group-settings");
const QString kThread = QStringLiteral("open-thread");
const QString kNewBlindRoom = QStringLiteral("new-blind-room");
const QString kNewMatching = QStringLiteral("new-matching");
const QString kCompose = QStringLiteral("compose");
const QString kMentions = QStringLiteral("open-mentions");
const QString kForward = QStringLiteral("open-forward");
const QString kScrollUp = QStringLiteral("scroll-up");
const QString kExportData = QStringLiteral("export-data");
const QString kProfile = QStringLiteral("open-profile");
const QString kBlock = QStringLiteral("block");
const QString kFindPeople = QStringLiteral("find-people");
const QString kDeleteAccount = QStringLiteral("delete-account");
} // namespace

void AutomationOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {kOpenTitle, QStringLiteral("Open the first conversation with this title once synced."), QStringLiteral("title")},
        {kScreenshot, QStringLiteral("Save a picture of the window to this PNG, then quit."), QStringLiteral("file")},
        {kDelay, QStringLiteral("Wait this long (after signing in and syncing) before --screenshot."),
         QStringLiteral("ms"), QStringLiteral("1500")},
        {kAfterNotifications,
         QStringLiteral("With --screenshot: picture the whole screen once this many notifications were shown."),
         QStringLiteral("count")},
        {kMembers, QStringLiteral("Open the members panel.")},
        {kSettings, QStringLiteral("Open the settings page on this section."), QStringLiteral("section")},
        {kSearch, QStringLiteral("Open the search panel and search for this text."), QStringLiteral("text")},
        {kGroupSettings, QStringLiteral("Open the settings of the opened group.")},
        {kThread, QStringLiteral("Open the newest thread of the opened conversation.")},
        {kNewBlindRoom, QStringLiteral("Open the new-conversation dialog on a filled-in blind room.")},
        {kNewMatching, QStringLiteral("Open the new-conversation dialog on a filled-in matching.")},
        {kCompose, QStringLiteral("Type this text into the composer of the opened conversation."), QStringLiteral("text")},
        {kMentions, QStringLiteral("Open the list of messages that mention me.")},
        {kForward, QStringLiteral("Open the forward picker for the newest message of the opened conversation.")},
        {kScrollUp, QStringLiteral("Scroll the opened conversation to its top.")},
        {kExportData, QStringLiteral("Export my data once synced (Settings → privacy shows its progress).")},
        {kProfile, QStringLiteral("Open the profile card of this member of the opened conversation."),
         QStringLiteral("username")},
        {kBlock, QStringLiteral("Block this member of the opened conversation."), QStringLiteral("username")},
        {kFindPeople, QStringLiteral("Open the new-conversation dialog with this typed as the username."), QStringLiteral("text")},
        {kDeleteAccount, QStringLiteral("With --open-settings account: open the \"Delete account\" dialog.")},
    });
}

AutomationOptions AutomationOptions::from(const QCommandLineParser &parser)
{
    AutomationOptions options;
    options.openConversationTitle = parser.value(kOpenTitle);
    options.screenshot = parser.value(kScreenshot);
    options.screenshotDelayMs = parser.value(kDelay).toInt();
    options.screenshotAfterNotifications = parser.value(kAfterNotifications).toInt();
    options.showMembers = parser.isSet(kMembers);
    options.openSettings = parser.value(kSettings);
    options.search = parser.value(kSearch);
    options.groupSettings = parser.isSet(kGroupSettings);
    options.thread = parser.isSet(kThread);
    options.newBlindRoom = parser.isSet(kNewBlindRoom);
    options.newMatching = parser.isSet(kNewMatching);
    options.compose = parser.value(kCompose);
    options.mentions = parser.isSet(kMentions);
    options.forward = parser.isSet(kForward);
    options.scrollUp = parser.isSet(kScrollUp);
    options.exportData = parser.isSet(kExportData);
    options.profile = parser.value(kProfile);
    options.block = parser.value(kBlock);
    options.findPeople = parser.value(kFindPeople);
    options.deleteAccount = parser.isSet(kDeleteAccount);
    return options;
}

Automation::Automation(const AutomationOptions &options, AppController *app, QObject *parent)
    : QObject(parent),
      m_options(options),
      m_app(app),
      m_waitingForNotifications(options.screenshotAfterNotifications > 0)
{
    Q_ASSERT(!s_instance);
    s_instance = this;
    client::ChatClient *client = m_app->client();
    connect(client, &client::ChatClient::synced, this, &Automation::onSynced);
    // Signed out before the first sync: the next account's sync opens nothing by itself.
    connect(client, &client::ChatClient::signedInChanged, this, [this, client] {
        if (!client->signedIn())
            m_autoOpened = true;
    });
}

Automation::~Automation()
{
    s_instance = nullptr;
}

Automation *Automation::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void Automation::start(QQmlApplicationEngine *engine, bool signingIn)
{
    m_engine = engine;
    if (DesktopIntegration *desktop = m_app->desktop()) {
        connect(desktop->notifier(), &DesktopNotifier::notified, this, [this] {
            // A picture of a notification waits until the notification server drew it.
            if (m_options.screenshotAfterNotifications > 0 && --m_options.screenshotAfterNotifications == 0)
                QTimer::singleShot(1500, this, &Automation::takeScreenshot);
        });
    }
    if (!m_options.screenshot.isEmpty()) {
        if (!signingIn)
            scheduleScreenshot();
        // Never hang a script: take the picture after 30 s whatever happened.
        QTimer::singleShot(30000, this, &Automation::scheduleScreenshot);
    }
}

void Automation::onSynced()
{
    if (!m_autoOpened && !m_options.openConversationTitle.isEmpty()) {
        ConversationFilterModel *filter = m_app->conversations();
        for (int row = 0; row < filter->rowCount(); ++row) {
            if (filter->titleAt(row) == m_options.openConversationTitle) {
                m_app->client()->openConversation(filter->idAt(row));
                break;
            }
        }
    }
    if (m_options.exportData && !m_autoOpened)
        m_app->client()->dataExport()->start();
    m_autoOpened = true;
    actOnMembers();
    if (!m_options.screenshot.isEmpty() && !m_waitingForNotifications)
        scheduleScreenshot();
}

void Automation::actOnMembers()
{
    client::ChatClient *client = m_app->client();
    const QString conversationId = client->currentConversationId();
    if (conversationId.isEmpty() || (m_options.block.isEmpty() && m_options.profile.isEmpty()))
        return;
    for (const protocol::MemberInfo &m : client->state().members(conversationId)) {
        const QString username = m.username.value_or(QString());
        if (!m_options.block.isEmpty() && username == m_options.block && !client->blocks()->isBlocked(m.id))
            client->blocks()->setBlocked(m.id, true);
        if (!m_options.profile.isEmpty() && username == m_options.profile)
            client->card()->open(conversationId, m.id);
    }
}

void Automation::scheduleScreenshot()
{
    if (m_screenshotScheduled || m_options.screenshot.isEmpty())
        return;
    m_screenshotScheduled = true;
    QTimer::singleShot(m_options.screenshotDelayMs, this, &Automation::takeScreenshot);
}

void Automation::takeScreenshot()
{
    QQuickWindow *window = nullptr;
    if (m_engine && !m_engine->rootObjects().isEmpty())
        window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    int code = 1;
    if (!window) {
        qCCritical(lcAutomation) << "no window to grab";
    } else if (!(m_waitingForNotifications && window->screen()
                     ? window->screen()->grabWindow(0).toImage() // the whole screen: notifications too
                     : window->grabWindow())
                    .save(m_options.screenshot)) {
        qCCritical(lcAutomation) << "cannot save" << m_options.screenshot;
    } else {
        qCInfo(lcAutomation) << "saved" << m_options.screenshot;
        code = 0;
    }
    QCoreApplication::exit(code);
}

} // namespace confab::app
