#include "tlscertificates.h"

#include <QFile>
#include <QProcess>

namespace confab::test {

QString TestCertificates::make(const QString &name, Key key)
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder for the certificates");
    const QStringList keyArgs = key == Key::Rsa
                                    ? QStringList{QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}
                                    : QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                                  QStringLiteral("ec_paramgen_curve:prime256v1")};
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + keyArgs +
                      QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyPath(name),
                                  QStringLiteral("-out"), certPath(name), QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                                  QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForStarted(10000))
        return QStringLiteral("cannot run openssl (is the openssl package installed?): ") + openssl.errorString();
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(openssl.readAll());
    return {};
}

QSslCertificate TestCertificates::certificate(const QString &name) const
{
    QFile file(certPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate::fromData(file.readAll(), QSsl::Pem).value(0);
}

} // namespace confab::test
