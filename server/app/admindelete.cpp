// `confab-server user delete USERNAME [--erase-messages]`: the same deletion as account.delete
// (services/accountdeletion.h), run from the operator's shell against the database.
#include "app/admin.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "net/busmessages.h"
#include "services/accountdeletion.h"
#include "services/conversationlog.h"
#include "services/conversationservice.h"
#include "services/fanout.h"
#include "storage/accountstore.h"
#include "storage/busstore.h"
#include "storage/conversationstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"

namespace confab::server {

namespace {
/*!
 * What the CLI's deletion tells running servers. On PostgreSQL it speaks their bus (NOTIFY on
 * net/clusterbus.cpp's channel): the events reach connected members at once, the deleted user's
 * connections close. SQLite has no bus: a running server closes the connections at its next session
 * check (server/session_check_ms), and clients get the events when they next sync.
 */
class CliFanout : public Fanout {
public:
    explicit CliFanout(Database &db) : m_store(db), m_bus(db.dialect() == Database::Dialect::PostgreSQL) {}

    void toUsers(const QList<QString> &userIds, const QByteArray &frame, Delivery delivery) override
    {
        if (!userIds.isEmpty())
            send(bus::FrameToUsers{userIds, QString::fromUtf8(frame), delivery == Delivery::Droppable});
    }
    void eventAppended(const QString &conversationId, qint64 seq) override { send(bus::EventAppended{conversationId, seq}); }
    void endSession(const QString &sessionId) override { send(bus::EndSession{sessionId}); }
    void endUser(const QString &userId) override { send(bus::EndUser{userId}); }

private:
    void send(const bus::Message &message)
    {
        if (!m_bus)
            return;
        const QByteArray payload = bus::encode(bus::Envelope{m_instanceId, nowMs()}, message);
        if (payload.size() > kMaxPayloadBytes)
            return; // too large to NOTIFY; its readers catch up through sync
        m_store.notify(QStringLiteral("confab"), payload);
    }
    static constexpr qsizetype kMaxPayloadBytes = 7900; // as net/clusterbus.cpp
    BusStore m_store;
    bool m_bus;
    QString m_instanceId = ids::make('i');
};
} // namespace

int Admin::deleteUser(const QString &username, bool eraseMessages)
{
    if (username.isEmpty()) {
        m_err << "usage: confab-server user delete USERNAME [--erase-messages]" << Qt::endl;
        return 2;
    }
    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    Database &db = *opened;
    try {
        const auto user = AccountStore(db).userByUsername(username);
        if (!user) {
            m_err << "no user " << username << Qt::endl;
            return 1;
        }
        CliFanout fanout(db);
        ConversationStore conversations(db);
        EventStore events(db);
        ConversationLog log(conversations, events, fanout);
        ConversationService conversationService(db, log, fanout);
        AccountDeletion deletion(db, m_config, log, conversationService, fanout);
        const bool erase = eraseMessages || m_config.deleteErasesMessages;
        const auto outcome = deletion.run(user->id, erase);
        if (!outcome.ok()) {
            m_err << "could not delete " << username << ": " << outcome.failure().message
                  << " (run the command again to finish)" << Qt::endl;
            return 1;
        }
        qCInfo(lcAdmin).noquote() << "admin CLI deleted user" << user->id;
        m_out << "deleted " << username << " (" << user->id << "): signed out, left "
              << outcome.value().conversationsLeft << " conversations, " << outcome.value().messagesErased
              << " messages erased; the username is held for " << m_config.usernameHoldDays << " days" << Qt::endl;
        return 0;
    } catch (const StoreError &e) {
        m_err << "database error: " << e.what() << Qt::endl;
        return 1;
    }
}

} // namespace confab::server
