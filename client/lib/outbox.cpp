#include "outbox.h"

#include "mentiontext.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUuid>

namespace confab::client {

using namespace confab::protocol;

namespace {
//! Refusals a retry cannot fix: the message is marked failed and waits for the user.
bool isFinal(const Error &e)
{
    return e.code == ErrorCode::Forbidden || e.code == ErrorCode::NotFound || e.code == ErrorCode::Invalid ||
           e.code == ErrorCode::TooLarge || e.code == ErrorCode::Unauthorized;
}

QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}
} // namespace

Outbox::Outbox(Connection &connection, ConversationState &state, QString dataDir, QObject *parent)
    : QObject(parent), m_connection(connection), m_state(state), m_dataDir(std::move(dataDir)),
      m_uploads(connection, state.cache())
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Outbox::flush);
    connect(&m_uploads, &AttachmentUploader::fileDone, this, &Outbox::flush); // the message may be complete now
    connect(&m_uploads, &AttachmentUploader::fileFailed, this,
            [this](const QString &clientId, const QString &, const QString &error) {
        // The message waits for Retry or Delete; the rest of the outbox goes on.
        m_state.cache().markOutboxFailed(clientId, error);
        emit pendingChanged(conversationOf(clientId));
        emit changed();
        flush();
    });
}

QList<OutboxItem> Outbox::items() const
{
    return m_state.isOpen() ? m_state.cache().outbox() : QList<OutboxItem>();
}

int Outbox::pendingCount() const
{
    return int(items().size());
}

QString Outbox::conversationOf(const QString &clientId) const
{
    for (const OutboxItem &item : items()) {
        if (item.clientId == clientId)
            return item.conversationId;
    }
    return {};
}

QString Outbox::send(const QString &conversationId, const QString &body, const QStringList &files, const QString &replyTo,
                     const QList<Mention> &mentions)
{
    const QString text = body.trimmed().isEmpty() ? QString() : body;
    OutboxItem item;
    item.files = outboxFiles(files, int(m_connection.session().limits.maxAttachmentsPerMessage));
    if ((text.isEmpty() && item.files.isEmpty()) || conversationId.isEmpty() || !m_state.isOpen())
        return {};
    item.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.conversationId = conversationId;
    item.body = text;
    if (!replyTo.isEmpty())
        item.replyTo = replyTo;
    if (!text.isEmpty())
        item.mentions = mentions;
    item.createdAt = QDateTime::currentMSecsSinceEpoch();
    emit writing(conversationId);
    m_state.cache().addToOutbox(item); // committed before anything is shown: survives a crash
    emit pendingChanged(conversationId);
    emit changed();
    flush();
    return item.clientId;
}

void Outbox::flush()
{
    if (!m_connection.isOnline() || m_syncing || !m_state.isOpen())
        return;
    QSet<QString> busy = m_inFlight;
    for (const OutboxItem &item : m_state.cache().outbox()) {
        if (item.failed || busy.contains(item.conversationId))
            continue;
        if (!item.uploadsDone()) {
            busy.insert(item.conversationId); // later messages wait behind it, keeping the order
            continue;
        }
        // One message per conversation on the wire: the next leaves after this one's ack, keeping order.
        busy.insert(item.conversationId);
        m_inFlight.insert(item.conversationId);
        MessageSend send;
        send.conversationId = item.conversationId;
        send.clientId = item.clientId;
        send.body = item.body;
        send.replyTo = item.replyTo;
        send.mentions = item.mentions;
        for (const OutboxFile &f : item.files)
            send.attachments.append(f.attachmentId);
        m_connection.request(send, [this, item](const Reply<MessageSent> &reply) { onSendReply(item, reply); });
    }
    m_uploads.kick();
}

void Outbox::onSendReply(const OutboxItem &item, const Reply<MessageSent> &sent)
{
    m_inFlight.remove(item.conversationId);
    if (sent) {
        m_state.cache().removeFromOutbox(item.clientId);
        forgetFiles(item);
        m_state.applySent(item.conversationId, *sent);
        emit changed();
        flush();
        return;
    }
    const Error &error = sent.error();
    if (uploadAgain(item, error)) {
        flush(); // the upload starts; the message waits behind it, in its place
        return;
    }
    if (isFinal(error)) {
        m_state.cache().markOutboxFailed(item.clientId, error.message);
        emit pendingChanged(item.conversationId);
        emit changed();
        flush(); // a failed message does not hold up the rest
        return;
    }
    // Retryable (offline, UNAVAILABLE, RATE_LIMITED): the same client id goes again later.
    const int wait = error.retryAfterMs ? int(*error.retryAfterMs) : 2000;
    if (m_connection.isOnline() && !m_retry.isActive())
        m_retry.start(wait);
}

bool Outbox::uploadAgain(const OutboxItem &item, const Error &error)
{
    static const QRegularExpression attachmentField(QStringLiteral("^attachments\\[(\\d+)\\]$"));
    if (error.code != ErrorCode::NotFound || !error.field)
        return false;
    const QRegularExpressionMatch match = attachmentField.match(*error.field);
    const qsizetype index = match.hasMatch() ? match.captured(1).toLongLong() : -1;
    if (index < 0 || index >= item.files.size())
        return false;
    OutboxFile file = item.files[index];
    if (m_uploadedAgain.contains(file.key) || !QFileInfo::exists(file.path) || sha256Of(file.path) != file.sha256)
        return false; // a second refusal, or the file changed or went: the user decides
    m_uploadedAgain.insert(file.key);
    file.uploadId.clear();
    file.attachmentId.clear();
    file.offset = 0;
    file.done = false;
    m_state.cache().saveOutboxFile(file);
    emit pendingChanged(item.conversationId);
    return true;
}

void Outbox::retry(const QString &clientId)
{
    m_state.cache().retryOutbox(clientId);
    emit pendingChanged(conversationOf(clientId));
    emit changed();
    flush();
}

void Outbox::discard(const QString &clientId)
{
    // A message on the wire may already be stored; only unsent or failed ones can be discarded.
    for (const OutboxItem &item : items()) {
        if (item.clientId == clientId && !(m_inFlight.contains(item.conversationId) && !item.failed)) {
            m_uploads.cancel(clientId);
            m_state.cache().removeFromOutbox(clientId);
            forgetFiles(item);
            emit pendingChanged(item.conversationId);
            emit changed();
        }
    }
}

void Outbox::edit(const QString &clientId, const QString &body)
{
    if (body.trimmed().isEmpty())
        return;
    QList<Mention> mentions;
    for (const OutboxItem &item : items()) {
        if (item.clientId == clientId)
            mentions = mentiontext::carryOver(item.body, item.mentions, body);
    }
    m_state.cache().editOutbox(clientId, body, mentions);
    emit pendingChanged(conversationOf(clientId));
}

QVariantMap Outbox::describeFile(const QString &pathOrUrl) const
{
    const QFileInfo file(localPath(pathOrUrl));
    QVariantMap out{{QStringLiteral("path"), file.absoluteFilePath()},
                    {QStringLiteral("url"), QUrl::fromLocalFile(file.absoluteFilePath()).toString()},
                    {QStringLiteral("name"), file.fileName()},
                    {QStringLiteral("size"), file.size()},
                    {QStringLiteral("sizeText"), QLocale().formattedDataSize(file.size(), 1, QLocale::DataSizeTraditionalFormat)}};
    const QString mime = QMimeDatabase().mimeTypeForFile(file).name();
    out.insert(QStringLiteral("mime"), mime);
    out.insert(QStringLiteral("image"), mime.startsWith(QLatin1StringView("image/")));
    const qint64 max = m_connection.session().limits.maxAttachmentBytes;
    QString error; // translated as ChatClient's, where these texts were written first
    if (!file.isFile() || !file.isReadable())
        error = QCoreApplication::translate("confab::client::ChatClient", "%1 is not a file that can be read").arg(file.fileName());
    else if (file.size() == 0)
        error = QCoreApplication::translate("confab::client::ChatClient", "%1 is empty").arg(file.fileName());
    else if (file.size() > max)
        error = QCoreApplication::translate("confab::client::ChatClient", "%1 is larger than %2").arg(file.fileName(), QLocale().formattedDataSize(max, 0, QLocale::DataSizeTraditionalFormat));
    out.insert(QStringLiteral("error"), error);
    return out;
}

QString Outbox::pasteClipboardImage()
{
    // The library also runs without a GUI (tests, tools): there is no clipboard then.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    const QImage image = QGuiApplication::clipboard()->image();
    if (image.isNull())
        return {};
    // In the data folder, not /tmp: an unsent message keeps its files across restarts.
    const QDir dir(QDir(m_dataDir).filePath(QStringLiteral("pasted")));
    QDir().mkpath(dir.path());
    const QString path = dir.filePath(QStringLiteral("image-%1-%2.png")
                                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                               QUuid::createUuid().toString(QUuid::Id128).left(6)));
    return image.save(path, "PNG") ? path : QString();
}

QList<OutboxFile> Outbox::outboxFiles(const QStringList &files, int max) const
{
    QList<OutboxFile> out;
    for (const QString &entry : files) {
        if (out.size() >= max)
            break;
        const QVariantMap d = describeFile(entry);
        if (!d.value(QStringLiteral("error")).toString().isEmpty())
            continue;
        OutboxFile f;
        f.key = QUuid::createUuid().toString(QUuid::Id128);
        f.path = d.value(QStringLiteral("path")).toString();
        f.name = d.value(QStringLiteral("name")).toString().left(field::kFileNameMaxBytes);
        while (f.name.toUtf8().size() > field::kFileNameMaxBytes)
            f.name.chop(1);
        f.size = d.value(QStringLiteral("size")).toLongLong();
        f.mime = d.value(QStringLiteral("mime")).toString();
        f.sha256 = sha256Of(f.path);
        if (!f.sha256.isEmpty())
            out.append(f);
    }
    return out;
}

void Outbox::forgetFiles(const OutboxItem &item)
{
    const QString pasted = QDir(QDir(m_dataDir).filePath(QStringLiteral("pasted"))).absolutePath() + u'/';
    for (const OutboxFile &f : item.files) {
        if (f.path.startsWith(pasted))
            QFile::remove(f.path);
    }
}

} // namespace confab::client
