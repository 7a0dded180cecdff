#include "certificatetrust.h"

#include <QSettings>

namespace confab::client {

namespace {
// QSettings treats '/' and '\' in keys as groups; a host:port never holds either, but the colon of
// IPv6 addresses and ports is fine in an INI key once QSettings escapes it.
QString keyFor(const QString &hostPort)
{
    return QStringLiteral("certificates/") + hostPort;
}
} // namespace

QString CertificateTrust::accepted(const QString &hostPort) const
{
    const QSettings ini(m_file, QSettings::IniFormat);
    return ini.value(keyFor(hostPort)).toString();
}

void CertificateTrust::accept(const QString &hostPort, const QString &fingerprint)
{
    QSettings ini(m_file, QSettings::IniFormat);
    ini.setValue(keyFor(hostPort), fingerprint);
    ini.sync();
}

void CertificateTrust::forget(const QString &hostPort)
{
    QSettings ini(m_file, QSettings::IniFormat);
    ini.remove(keyFor(hostPort));
    ini.sync();
}

} // namespace confab::client
