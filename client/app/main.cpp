// confab: the Confab desktop app.
#include "appcontroller.h"
#include "automation.h"
#include "profile.h"
#include "startupbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QFontDatabase>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <cstring>

// The QML modules are static libraries linked into the app.
Q_IMPORT_QML_PLUGIN(Confab_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Confab_AppPlugin)
Q_IMPORT_QML_PLUGIN(Confab_UIPlugin)

namespace {

//! The first installed family of a stack that covers Hangul (UI.md), else the system font.
void useHangulFont(QApplication &app)
{
    const QStringList families = QFontDatabase::families();
    QFont font = app.font();
    for (const QString &family : {QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Malgun Gothic"),
                                  QStringLiteral("Apple SD Gothic Neo")}) {
        if (families.contains(family)) {
            font.setFamily(family);
            break;
        }
    }
    font.setPixelSize(14);
    app.setFont(font);
}

} // namespace

int main(int argc, char *argv[])
{
    // --bench-startup measures from here: without a display it draws offscreen with the software
    // renderer (under xvfb-run, QT_QPA_PLATFORM=xcb is kept).
    const bool benchStartup = std::any_of(argv + 1, argv + argc, [](const char *arg) {
        return std::strncmp(arg, "--bench-startup", 15) == 0;
    });
    if (benchStartup && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qputenv("QT_QUICK_BACKEND", "software");
    }
    // QApplication rather than QGuiApplication: the tray icon (QSystemTrayIcon) is a QtWidgets class.
    QApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Confab"));
    QGuiApplication::setApplicationName(QStringLiteral("Confab"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Confab"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.confab.Confab")); // packaging/linux/org.confab.Confab.desktop

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Confab: self-hosted chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server address to prefill."),
                                    QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Sign in as this user."), QStringLiteral("name"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Password for --user."),
                                      QStringLiteral("password"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QStringLiteral("Use a separate profile: its own cache, settings and keychain entry, for a second account."),
        QStringLiteral("name"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light, dark or system."),
                                   QStringLiteral("theme"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en or ko."), QStringLiteral("language"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."), QStringLiteral("WxH"));
    const QCommandLineOption inTray(QStringLiteral("start-in-tray"),
                                    QStringLiteral("Start with the window hidden when there is a tray (start at login)."));
    parser.addOptions({server, user, password, theme, lang, size, inTray});
    // Screenshots and demos (scripts/screenshots.sh): --screenshot, --open-conversation-title…
    confab::app::AutomationOptions::addTo(parser);
    const QCommandLineOption benchStartupOption(
        QStringLiteral("bench-startup"),
        QStringLiteral("Measure start-up with a seeded cache (20 x 5,000 messages), print the figures and quit; "
                       "--bench-startup-json FILE writes them as JSON."));
    const QCommandLineOption benchJson(QStringLiteral("bench-startup-json"), QStringLiteral("JSON file for --bench-startup."),
                                       QStringLiteral("file"));
    // The measured process that --bench-startup starts.
    QCommandLineOption benchChild(QStringLiteral("bench-startup-child"), QStringLiteral("internal"), QStringLiteral("dir"));
    QCommandLineOption benchT0(QStringLiteral("bench-startup-t0"), QStringLiteral("internal"), QStringLiteral("ns"));
    QCommandLineOption benchCount(QStringLiteral("bench-startup-conversations"), QStringLiteral("internal"),
                                  QStringLiteral("n"), QStringLiteral("20"));
    for (QCommandLineOption *hidden : {&benchChild, &benchT0, &benchCount})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({benchStartupOption, benchJson, benchChild, benchT0, benchCount});
    parser.addOption(profile);
    parser.process(app);
    if (parser.isSet(profile) && !confab::app::applyProfile(parser.value(profile))) {
        std::fprintf(stderr, "--profile expects 1 to 32 letters, digits, '_' or '-'\n");
        return 2;
    }
    if (parser.isSet(benchChild))
        return confab::app::StartupBench::child(app, parser.value(benchChild), parser.value(benchT0).toLongLong(),
                                                parser.value(benchCount).toInt());
    if (parser.isSet(benchStartupOption))
        return confab::app::StartupBench::run(QCoreApplication::applicationFilePath(), parser.value(benchJson), 20, 5000);

    confab::app::StartupOptions options;
    options.server = parser.value(server);
    options.user = parser.value(user);
    options.password = parser.value(password);
    options.theme = parser.value(theme);
    options.language = parser.value(lang);
    options.startInTray = parser.isSet(inTray);
    QSize windowSize;
    if (parser.isSet(size)) {
        static const QRegularExpression wxh(QStringLiteral("^(\\d+)x(\\d+)$"));
        const auto m = wxh.match(parser.value(size));
        if (!m.hasMatch()) {
            std::fprintf(stderr, "--size expects WxH, e.g. 1280x800\n");
            return 2;
        }
        windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    useHangulFont(app);

    confab::app::AppController controller(options);
    confab::app::Automation automation(confab::app::AutomationOptions::from(parser), &controller);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Confab/UI/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()); window && windowSize.isValid())
        window->resize(windowSize);
    controller.start(&engine);
    automation.start(&engine, !options.user.isEmpty());
    // Started at login: stay in the tray, if there is one to come back from.
    if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        window && !(options.startInTray && controller.trayAvailable()))
        window->show();
    const int code = app.exec();
    return code;
}
