#include "ids.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace confab::server::ids {

QString make(char kind)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    id.reserve(22);
    id.append(QLatin1Char(kind));
    id.append(u'_');
    for (int i = 0; i < 20; ++i)
        id.append(QLatin1Char(kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)]));
    return id;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(count));
    return bytes;
}

QString token()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace confab::server::ids
