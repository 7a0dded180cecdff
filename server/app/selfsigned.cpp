#include "selfsigned.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSslCertificate>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace confab::server::selfsigned {

namespace {
template <auto Free> struct Deleter {
    template <typename T> void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using Ext = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

QString opensslError(const char *what)
{
    char buffer[256] = {};
    ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
    return QStringLiteral("%1 failed: %2").arg(QLatin1StringView(what), QString::fromLatin1(buffer));
}

QByteArray pem(const std::function<int(BIO *)> &write)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool writeFile(const QString &path, const QByteArray &bytes, bool secret, QString *error)
{
    QFile file(path);
    // The key is readable by its owner only, from the first byte on.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        (secret && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) ||
        file.write(bytes) != bytes.size() || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        file.remove();
        return false;
    }
    return true;
}
} // namespace

bool generate(const QString &certPath, const QString &keyPath, const QString &hostName, QString *error)
{
    Key key(EVP_EC_gen("P-256"));
    if (!key) {
        *error = opensslError("EVP_EC_gen");
        return false;
    }
    Cert cert(X509_new());
    if (!cert) {
        *error = opensslError("X509_new");
        return false;
    }
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // a positive serial number
    std::unique_ptr<BIGNUM, Deleter<BN_free>> serialNumber(BN_bin2bn(serial, sizeof serial, nullptr));
    const QByteArray cn = (hostName.isEmpty() ? QStringLiteral("confab-server") : hostName).toUtf8().left(64);
    X509_NAME *name = X509_get_subject_name(cert.get());
    QByteArray altNames = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!hostName.isEmpty() && hostName != QLatin1StringView("localhost"))
        altNames = "DNS:" + hostName.toUtf8() + ',' + altNames;
    const bool ok =
        X509_set_version(cert.get(), 2) == 1 && serialNumber && BN_to_ASN1_INTEGER(serialNumber.get(), X509_get_serialNumber(cert.get())) &&
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) && // an hour back, for clocks slightly behind
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600) &&
        X509_set_pubkey(cert.get(), key.get()) == 1 &&
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Confab"), -1, -1, 0) == 1 &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                                   int(cn.size()), -1, 0) == 1 &&
        X509_set_issuer_name(cert.get(), name) == 1 && addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") &&
        addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") &&
        addExtension(cert.get(), NID_ext_key_usage, "serverAuth") &&
        addExtension(cert.get(), NID_subject_alt_name, altNames) && X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
    if (!ok) {
        *error = opensslError("making the certificate");
        return false;
    }
    const QByteArray keyPem = pem([&](BIO *b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    const QByteArray certPem = pem([&](BIO *b) { return PEM_write_bio_X509(b, cert.get()); });
    if (keyPem.isEmpty() || certPem.isEmpty()) {
        *error = opensslError("PEM encoding");
        return false;
    }
    for (const QString &path : {certPath, keyPath}) {
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("cannot create the folder %1").arg(dir);
            return false;
        }
    }
    if (!writeFile(keyPath, keyPem, true, error))
        return false;
    if (!writeFile(certPath, certPem, false, error)) {
        QFile::remove(keyPath);
        return false;
    }
    return true;
}

bool ensure(const QString &certPath, const QString &keyPath, bool *created, QString *error)
{
    *created = false;
    const bool haveCert = QFileInfo::exists(certPath);
    const bool haveKey = QFileInfo::exists(keyPath);
    if (haveCert && haveKey)
        return true;
    if (haveCert != haveKey) {
        *error = QStringLiteral("tls/self_signed: %1 exists but %2 does not; remove the other one too to have both "
                                "made anew (clients will see a new fingerprint)")
                     .arg(haveCert ? certPath : keyPath, haveCert ? keyPath : certPath);
        return false;
    }
    if (!generate(certPath, keyPath, QHostInfo::localHostName(), error))
        return false;
    *created = true;
    return true;
}

std::optional<QString> fingerprint(const QString &certPath, QString *error)
{
    QFile file(certPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate %1: %2").arg(certPath, file.errorString());
        return std::nullopt;
    }
    const auto certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
        return std::nullopt;
    }
    const QByteArray hex = certs.first().digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs.append(QString::fromLatin1(hex.mid(i, 2)));
    return pairs.join(u':');
}

} // namespace confab::server::selfsigned
