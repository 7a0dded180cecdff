#include "avatars.h"

#include "connection.h"
#include "conversationstate.h"
#include "protocol/requests.h"

#include <QBuffer>
#include <algorithm>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! What a client sends at most: the server makes 256 px of it, so twice that is plenty.
constexpr int kUploadSide = 512;
//! Room in a frame for the envelope and the field's name.
constexpr qint64 kFrameOverhead = 512;

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

//! The picture cut to a circle, with transparent corners: QML draws it as it is.
QImage circle(const QImage &picture)
{
    const int side = std::min(picture.width(), picture.height());
    QImage out(side, side, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath path;
    path.addEllipse(QRectF(0, 0, side, side));
    painter.setClipPath(path);
    painter.drawImage(QRect(0, 0, side, side), picture);
    painter.end();
    return out;
}
} // namespace

int Avatars::smallSide()
{
    return field::kAvatarSmallSide;
}

int Avatars::largeSide()
{
    return field::kAvatarLargeSide;
}

Avatars::Avatars(Connection &connection, ConversationState &state, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state)
{
    // Whose picture a member or a direct chat shows changes with the profiles the state learns.
    const auto bump = [this] {
        ++m_revision;
        emit picturesChanged();
    };
    connect(&state, &ConversationState::membersChanged, this, [this, bump](const QString &id) {
        if (id == m_state.openConversation())
            readOpenMembers();
        bump();
    });
    connect(&state, &ConversationState::opened, this, [this, bump] {
        readOpenMembers();
        bump();
    });
    connect(&m_connection, &Connection::authenticated, this,
            [this](const AuthOk &session) { setMine(session.user.avatar.value_or(QString())); });
    connect(&state, &ConversationState::myProfileChanged, this,
            [this](const ProfileInfo &me) { setMine(me.avatar.value_or(QString())); });
    // A lost connection drops what was asked: ask again when a picture is wanted next.
    connect(&m_connection, &Connection::authenticated, this, [this] {
        m_fetching.clear();
        m_missing.clear();
    });
}

void Avatars::setCacheDir(const QString &dir)
{
    m_dir = dir;
    QDir().mkpath(dir);
    ++m_revision;
    emit picturesChanged();
}

QString Avatars::pathOf(const QString &hash, int side) const
{
    return QDir(m_dir).filePath(QStringLiteral("%1-%2.png").arg(hash).arg(side));
}

QUrl Avatars::source(const QString &hash, int pixels)
{
    // Hashes come from the server's frames: lower-case hex only, never a path.
    if (m_dir.isEmpty() || hash.size() != 64 ||
        !std::all_of(hash.begin(), hash.end(), [](QChar c) { return c.isDigit() || (c >= u'a' && c <= u'f'); }))
        return {};
    const int side = pixels <= smallSide() ? smallSide() : largeSide();
    const QString path = pathOf(hash, side);
    if (QFile::exists(path))
        return QUrl::fromLocalFile(path);
    // Meanwhile the other size will do, if it is here.
    const QString other = pathOf(hash, side == smallSide() ? largeSide() : smallSide());
    fetch(hash, side);
    return QFile::exists(other) ? QUrl::fromLocalFile(other) : QUrl();
}

void Avatars::readOpenMembers()
{
    m_openAvatars.clear();
    const QString open = m_state.openConversation();
    if (open.isEmpty())
        return;
    for (const MemberInfo &m : m_state.members(open)) {
        if (!m.alias && m.avatar) // blind rooms: never
            m_openAvatars.insert(m.id, *m.avatar);
    }
}

QUrl Avatars::memberSource(const QString &memberId, int pixels)
{
    const auto it = m_openAvatars.constFind(memberId);
    return it == m_openAvatars.constEnd() ? QUrl() : source(*it, pixels);
}

QUrl Avatars::conversationSource(const QString &conversationId, int pixels)
{
    const auto conversation = m_state.conversation(conversationId);
    if (!conversation || conversation->kind != ConversationKind::Direct)
        return {};
    const QString me = m_connection.session().user.id;
    for (const MemberInfo &m : m_state.members(conversationId)) {
        if (m.id != me && !m.alias)
            return source(m.avatar.value_or(QString()), pixels);
    }
    return {};
}

void Avatars::fetch(const QString &hash, int side)
{
    const QString key = hash + u'/' + QString::number(side);
    if (m_fetching.contains(key) || m_missing.contains(key) || !m_connection.isOnline())
        return;
    m_fetching.insert(key);
    m_connection.request(AvatarFetch{hash, side}, [this, key, hash, side](const Reply<AvatarData> &reply) {
        m_fetching.remove(key);
        if (!reply || reply->avatar != hash) {
            m_missing.insert(key);
            return;
        }
        const QImage picture = QImage::fromData(QByteArray::fromBase64(reply->image.toLatin1()));
        if (picture.isNull()) {
            m_missing.insert(key);
            return;
        }
        QSaveFile file(pathOf(hash, side));
        if (!file.open(QIODevice::WriteOnly) || !circle(picture).save(&file, "PNG") || !file.commit()) {
            m_missing.insert(key);
            return;
        }
        ++m_revision;
        emit picturesChanged();
    });
}

QByteArray Avatars::prepare(const QString &path, qint64 maxBytes, QString *error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > 100'000'000) {
        *error = tr("This picture is too large.");
        return {};
    }
    const QImage image = reader.read();
    if (image.isNull()) {
        *error = tr("This file is not a picture Confab can read.");
        return {};
    }
    // The centre square, at most kUploadSide (the server crops the same way), painted into a new
    // image: copies and scaled images keep the file's texts (an author's name), a new one has none.
    const int edge = std::min(image.width(), image.height());
    const QRect centre((image.width() - edge) / 2, (image.height() - edge) / 2, edge, edge);
    const bool alpha = image.hasAlphaChannel();
    const auto square = [&](int side) {
        QImage out(side, side, alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
        out.fill(Qt::transparent);
        QPainter painter(&out);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRect(0, 0, side, side), image, centre);
        return out;
    };
    // Smaller until it fits in one frame, as base64.
    for (int side = std::min(edge, kUploadSide); side >= 64; side = side * 3 / 4) {
        const QImage scaled = square(side);
        for (const int quality : {90, 80, 70}) {
            const QByteArray bytes = alpha ? encode(scaled, "PNG", -1) : encode(scaled, "JPEG", quality);
            if ((bytes.size() + 2) / 3 * 4 <= maxBytes)
                return bytes;
            if (alpha)
                break;
        }
    }
    *error = tr("This picture cannot be made small enough to send.");
    return {};
}

void Avatars::choose(const QUrl &file)
{
    if (m_busy)
        return;
    QString why;
    const QByteArray bytes = prepare(file.toLocalFile(), m_connection.session().limits.maxFrameBytes - kFrameOverhead, &why);
    if (bytes.isEmpty()) {
        setError(why);
        emit failed();
        return;
    }
    send(AccountAvatar{QString::fromLatin1(bytes.toBase64()), std::nullopt});
}

void Avatars::remove()
{
    if (!m_busy)
        send(AccountAvatar{std::nullopt, true});
}

void Avatars::send(const AccountAvatar &request)
{
    if (!m_connection.isOnline()) {
        setError(tr("Not connected: changing the picture needs the server."));
        emit failed();
        return;
    }
    setError({});
    m_busy = true;
    emit busyChanged();
    m_connection.request(request, [this](const Reply<AvatarSet> &reply) {
        m_busy = false;
        emit busyChanged();
        if (reply) {
            setMine(reply->avatar.value_or(QString()));
            emit changed();
            return;
        }
        const Error &e = reply.error();
        if (e.code == ErrorCode::TooLarge)
            setError(tr("This picture is too large."));
        else if (e.code == ErrorCode::Invalid)
            setError(tr("This file is not a picture Confab can read."));
        else if (e.code == ErrorCode::Unavailable)
            setError(tr("The server could not be reached. Please try again."));
        else
            setError(tr("Something went wrong on the server. Please try again."));
        emit failed();
    });
}

void Avatars::setMine(const QString &hash)
{
    if (hash == m_mine)
        return;
    m_mine = hash;
    emit mineChanged();
}

void Avatars::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace confab::client
