#include "exportbuilder.h"

#include "core/logging.h"
#include "domain/presenter.h"
#include "services/exportpages.h"
#include "services/ziparchive.h"
#include "storage/accountstore.h"
#include "storage/attachmentstore.h"
#include "storage/blindstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/exportstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace confab::server {

namespace {
//! Events read per query: a page, so that a long conversation is never held whole in memory twice.
constexpr int kEventPage = 500;
//! Bytes of a file read from the blob store at a time.
constexpr qint64 kFileChunk = 256 * 1024;
//! A file counts as this many events of work per chunk, for the progress.
constexpr qint64 kUnitsPerChunk = 50;

class Stopped {};

//! A file's name inside the archive: no folders, no control characters, never empty or hidden.
QString safeName(const QString &name) {
    QString out;
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c == u':' || c.category() == QChar::Other_Control)
            out += u'_';
        else
            out += c;
    }
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    return out.left(120).isEmpty() ? QStringLiteral("file") : out.left(120);
}

QByteArray json(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

//! Work done against work to do, told as a percentage below 100 (100 is "ready", which the service says).
class Progress {
public:
    Progress(qint64 total, const std::function<void(int)> &report, const std::atomic<bool> *stop)
        : m_total(std::max<qint64>(1, total))
        , m_report(report)
        , m_stop(stop) {}
    void add(qint64 units) {
        if (m_stop && m_stop->load())
            throw Stopped{};
        m_done += units;
        const int percent = int(std::min<qint64>(99, m_done * 100 / m_total));
        if (percent != m_last) {
            m_last = percent;
            m_report(percent);
        }
    }

private:
    qint64 m_total;
    qint64 m_done = 0;
    int m_last = -1;
    const std::function<void(int)> &m_report;
    const std::atomic<bool> *m_stop;
};

struct Builder {
    const ExportJob &job;
    Database &db;
    BlobStore &blobs;
    ZipWriter &zip;
    qint64 now = 0;
    QHash<QString, QJsonObject> files; //!< my uploads by attachment id, with their path when included

    qint64 fileUnits(const ExportFile &f) const { return (f.size / kFileChunk + 1) * kUnitsPerChunk; }

    QJsonObject attachment(AttachmentStore &store, const QString &id) {
        if (const auto it = files.constFind(id); it != files.constEnd())
            return *it;
        QJsonObject out{{QStringLiteral("id"), id}};
        if (const auto row = store.byId(id)) {
            out.insert(QStringLiteral("name"), row->name);
            out.insert(QStringLiteral("mime"), row->mime);
            out.insert(QStringLiteral("size"), row->size);
        }
        return out;
    }

    QJsonObject conversation(const MembershipRow &row, Progress &progress) {
        ConversationStore conversations(db);
        EventStore events(db);
        AttachmentStore attachments(db);
        const Conversation &c = row.conversation;
        const QList<Member> members = conversations.members(c.id, true);
        Presenter presenter(c, members);
        if (presenter.blind())
            presenter.setReveals(BlindStore(db).state(c.id));
        // Everyone as I see them: aliases in blind rooms (a real name only after a mutual reveal with me).
        QHash<QString, protocol::MemberInfo> seen;
        QJsonArray memberList;
        for (const Member &m : members) {
            const protocol::MemberInfo info = presenter.member(m, job.userId);
            seen.insert(info.id, info);
            if (m.active)
                memberList.append(info.toJson());
        }
        const protocol::MemberInfo me = presenter.member(row.me, job.userId);
        QJsonArray messages;
        qint64 after = 0;
        for (;;) {
            const QList<StoredEvent> page = events.page(c.id, std::nullopt, after, kEventPage);
            for (const StoredEvent &e : page) {
                after = e.seq;
                if (e.kind != EventKind::Message || !e.message || e.message->deleted)
                    continue;
                const protocol::Event shown = presenter.event(e, job.userId);
                const protocol::MessageInfo &m = *shown.message;
                const protocol::MemberInfo sender = seen.value(m.senderId);
                QJsonObject out{{QStringLiteral("id"), m.id},
                                {QStringLiteral("seq"), m.seq},
                                {QStringLiteral("sent_at"), m.createdAt},
                                {QStringLiteral("sender_id"), m.senderId},
                                {QStringLiteral("sender_name"), sender.name},
                                {QStringLiteral("mine"), e.message->senderId == job.userId},
                                {QStringLiteral("body"), m.body}};
                if (m.editedAt)
                    out.insert(QStringLiteral("edited_at"), *m.editedAt);
                if (m.replyTo)
                    out.insert(QStringLiteral("reply_to"), *m.replyTo);
                if (m.threadId)
                    out.insert(QStringLiteral("thread_id"), *m.threadId);
                if (m.forwarded)
                    out.insert(QStringLiteral("forwarded"), true);
                QJsonArray attached;
                for (const QString &id : m.attachments)
                    attached.append(attachment(attachments, id));
                if (!attached.isEmpty())
                    out.insert(QStringLiteral("attachments"), attached);
                messages.append(out);
            }
            progress.add(page.size());
            if (page.size() < kEventPage)
                break;
        }
        return QJsonObject{{QStringLiteral("id"), c.id},
                           {QStringLiteral("kind"), protocol::enumName(c.kind)},
                           {QStringLiteral("title"), presenter.titleFor(job.userId)},
                           {QStringLiteral("me"), QJsonObject{{QStringLiteral("member_id"), me.id},
                                                              {QStringLiteral("name"), me.name},
                                                              {QStringLiteral("alias"), me.alias}}},
                           {QStringLiteral("members"), memberList},
                           {QStringLiteral("messages"), messages}};
    }

    //! Streams one upload into files/; why it was left out instead (too large, or its bytes are gone).
    std::optional<QString> addFile(const ExportFile &f, const QString &path, Progress &progress) {
        const BlobKey key{BlobKind::File, f.sha256};
        const qint64 size = blobs.size(key);
        if (size < 0)
            return QStringLiteral("its bytes are missing on the server");
        if (zip.entryBytes() + size > job.maxBytes)
            return QStringLiteral("the export would pass its size limit of %1 bytes").arg(job.maxBytes);
        if (!zip.begin(path, size, f.createdAt))
            throw std::runtime_error(zip.errorString().toStdString());
        for (qint64 offset = 0; offset < size; offset += kFileChunk) {
            const QByteArray chunk = blobs.read(key, offset, kFileChunk);
            if (chunk.isEmpty() || !zip.write(chunk))
                throw std::runtime_error("an upload could not be read or written");
            progress.add(kUnitsPerChunk);
        }
        return std::nullopt;
    }

    void run(const std::function<void(int)> &report) {
        AccountStore accounts(db);
        ConversationStore conversations(db);
        ExportStore exports(db);
        const auto user = accounts.userById(job.userId);
        if (!user)
            throw std::runtime_error("the account is gone");
        const QList<MembershipRow> rooms = conversations.membershipsOf(job.userId, true);
        const QList<ExportFile> uploads = exports.uploadsOf(job.userId);
        qint64 total = 0;
        for (const MembershipRow &r : rooms)
            total += r.conversation.lastSeq + 1;
        for (const ExportFile &f : uploads)
            total += fileUnits(f);
        Progress progress(total, report, job.stop.get());

        // Files first, so that messages can point at where each one landed.
        QList<QJsonObject> fileList;
        QSet<QString> paths;
        for (const ExportFile &f : uploads) {
            QString path = QStringLiteral("files/%1-%2").arg(f.attachmentId, safeName(f.name));
            QJsonObject entry{{QStringLiteral("id"), f.attachmentId},
                              {QStringLiteral("conversation_id"), f.conversationId},
                              {QStringLiteral("name"), f.name},
                              {QStringLiteral("mime"), f.mime},
                              {QStringLiteral("size"), f.size},
                              {QStringLiteral("sha256"), f.sha256},
                              {QStringLiteral("uploaded_at"), f.createdAt}};
            if (const auto leftOut = addFile(f, path, progress)) {
                entry.insert(QStringLiteral("left_out"), *leftOut);
                progress.add(fileUnits(f));
            } else {
                entry.insert(QStringLiteral("path"), path);
            }
            files.insert(f.attachmentId, entry);
            fileList.append(entry);
        }

        QList<QJsonObject> conversationList;
        QJsonArray index;
        for (const MembershipRow &r : rooms) {
            const QJsonObject c = conversation(r, progress);
            const QString id = r.conversation.id;
            if (!zip.add(QStringLiteral("conversations/%1.json").arg(id), json(c), now) ||
                !zip.add(QStringLiteral("conversations/%1.html").arg(id), exportpages::conversation(c), now))
                throw std::runtime_error(zip.errorString().toStdString());
            index.append(
                QJsonObject{{QStringLiteral("id"), id},
                            {QStringLiteral("title"), c.value(QLatin1StringView("title"))},
                            {QStringLiteral("kind"), c.value(QLatin1StringView("kind"))},
                            {QStringLiteral("file"), QStringLiteral("conversations/%1.json").arg(id)}});
            QJsonObject summary = c;
            summary.remove(QStringLiteral("members"));
            conversationList.append(summary);
            progress.add(1);
        }

        QJsonObject userJson{{QStringLiteral("id"), user->id},
                             {QStringLiteral("username"), user->username},
                             {QStringLiteral("display_name"), user->displayName},
                             {QStringLiteral("created_at"), user->createdAt},
                             {QStringLiteral("receipts_private"), user->receiptsPrivate}};
        if (!user->status.isEmpty())
            userJson.insert(QStringLiteral("status"), user->status);
        const QJsonObject profile{{QStringLiteral("format"), QStringLiteral("confab-export")},
                                  {QStringLiteral("format_version"), 1},
                                  {QStringLiteral("exported_at"), now},
                                  {QStringLiteral("user"), userJson},
                                  {QStringLiteral("conversations"), index}};
        QJsonArray fileArray;
        for (const QJsonObject &f : fileList)
            fileArray.append(f);
        if (!zip.add(QStringLiteral("profile.json"), json(profile), now) ||
            !zip.add(QStringLiteral("files.json"), json(QJsonObject{{QStringLiteral("files"), fileArray}}),
                     now) ||
            !zip.add(QStringLiteral("index.html"), exportpages::index(profile, conversationList, fileList),
                     now))
            throw std::runtime_error(zip.errorString().toStdString());
    }
};
} // namespace

ExportBuilt buildExport(const ExportJob &job, const std::function<void(int percent)> &progress) {
    ExportBuilt built;
    auto db = openWorkerConnection(job.url, QStringLiteral("export"));
    std::unique_ptr<BlobStore> blobs = job.makeStore ? job.makeStore() : nullptr;
    if (!db || !blobs) {
        built.failure = QStringLiteral("the server could not reach its database");
        return built;
    }
    try {
        {
            ZipWriter zip(job.tmpPath);
            if (!zip.isOpen())
                throw std::runtime_error(zip.errorString().toStdString());
            Builder builder{job, *db, *blobs, zip, QDateTime::currentMSecsSinceEpoch(), {}};
            builder.run(progress);
            if (!zip.close())
                throw std::runtime_error(zip.errorString().toStdString());
        }
        QFile file(job.tmpPath);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
            throw std::runtime_error("the archive could not be read back");
        built.size = file.size();
        file.close();
        if (built.size > job.maxBytes) {
            built.failure =
                QStringLiteral("the export is larger than the server's limit of %1 bytes").arg(job.maxBytes);
        } else {
            built.sha256 = QString::fromLatin1(hash.result().toHex());
            if (!blobs->takeFile({BlobKind::File, built.sha256}, job.tmpPath))
                built.failure = QStringLiteral("the archive could not be stored");
        }
    } catch (const Stopped &) {
        built.failure = QStringLiteral("the server stopped while building the export");
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "an export failed:" << e.what();
        built.failure = QStringLiteral("the server could not read all the data");
    } catch (const std::exception &e) {
        qCWarning(lcStore) << "an export failed:" << e.what();
        built.failure = QStringLiteral("the archive could not be written");
    }
    QFile::remove(job.tmpPath); // moved into the store, or not wanted
    return built;
}

} // namespace confab::server
