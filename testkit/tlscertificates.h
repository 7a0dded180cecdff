#pragma once

#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>

namespace confab::test {

/*!
 * Self-signed certificates for 127.0.0.1, made at test time with the openssl command line as an
 * operator would, in a folder removed with this object.
 */
class TestCertificates {
public:
    enum class Key { Rsa, Ec };
    //! Makes `name`-cert.pem and `name`-key.pem; empty on success, else what went wrong.
    QString make(const QString &name, Key key);
    QString certPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral("-cert.pem")); }
    QString keyPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral("-key.pem")); }
    QSslCertificate certificate(const QString &name) const;

private:
    QTemporaryDir m_dir;
};

} // namespace confab::test
