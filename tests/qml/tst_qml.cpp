// Runs the TestCase files in this folder against the Confab.UI module, linked in statically.
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTranslator>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Confab_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Confab_UIPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    // Pictures for reviewing the UI (tst_keyboard.qml's test_pictures): CONFAB_QML_SHOTS names the
    // folder they go to, CONFAB_QML_TRANSLATION a .qm file to show them in (confab_ko.qm).
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        const QString qm = qEnvironmentVariable("CONFAB_QML_TRANSLATION");
        if (!qm.isEmpty() && m_translator.load(qm))
            QCoreApplication::installTranslator(&m_translator);
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("picturesDir"),
                                                  qEnvironmentVariable("CONFAB_QML_SHOTS"));
    }

private:
    QTranslator m_translator;
};

QUICK_TEST_MAIN_WITH_SETUP(confab_qml, Setup)

#include "tst_qml.moc"
