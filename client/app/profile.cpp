#include "profile.h"

#include <QGuiApplication>
#include <QRegularExpression>

namespace confab::app {

bool applyProfile(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    if (!valid.match(name).hasMatch())
        return false;
    QCoreApplication::setApplicationName(QStringLiteral("Confab-") + name);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Confab (%1)").arg(name));
    return true;
}

} // namespace confab::app
