#include "admin.h"

#include "core/logging.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/passwords.h"
#include "protocol/json.h"
#include "storage/accountstore.h"
#include "storage/blindstore.h"
#include "storage/database.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"

#include <QDateTime>
#include <QDir>

#include <termios.h>
#include <unistd.h>

namespace confab::server {

namespace {
//! Checks a value against the protocol's own rule for the field, so the CLI cannot create what clients could not.
bool fits(const QString &value, const protocol::TextRule &rule, const QString &what, QTextStream &err)
{
    QJsonObject object{{QStringLiteral("v"), value}};
    protocol::JsonReader reader(object);
    QString out;
    reader("v", out, rule);
    if (!reader.ok()) {
        err << what << ' ' << reader.error().message << Qt::endl;
        return false;
    }
    return true;
}
} // namespace

std::unique_ptr<Database> Admin::openDatabase(int *status)
{
    QString error;
    const auto url = m_config.resolvedDatabase(&error);
    if (!url) {
        m_err << error << Qt::endl;
        *status = 2; // a configuration mistake, like a usage error
        return nullptr;
    }
    auto db = std::make_unique<Database>(*url, QStringLiteral("confab-admin"));
    *status = 1;
    if (!QDir().mkpath(m_config.dataDir) || !db->open(&error)) {
        m_err << "cannot open the database " << db->url().redacted() << ": " << error << Qt::endl;
        return nullptr;
    }
    Migrations migrations(*db);
    if (!migrations.migrate(&error)) {
        m_err << error << Qt::endl;
        return nullptr;
    }
    *status = 0;
    return db;
}

QString Admin::readPassword(bool fromStdin)
{
    if (fromStdin || !isatty(STDIN_FILENO))
        return m_in.readLine();
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    m_out << "Password: " << Qt::flush;
    const QString password = m_in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    m_out << Qt::endl;
    return password;
}

int Admin::migrate()
{
    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    Database &db = *opened;
    m_out << "database " << db.url().redacted() << " is at schema version " << Migrations(db).currentVersion() << Qt::endl;
    return 0;
}

int Admin::user(const QStringList &args, const QString &displayName, bool passwordStdin)
{
    const QString action = args.value(0);
    const QString username = args.value(1);
    if (action.isEmpty() || (action != QLatin1StringView("list") && username.isEmpty())) {
        m_err << "usage: confab-server user add|disable|enable|reset-password USERNAME, or user list" << Qt::endl;
        return 2;
    }

    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    Database &db = *opened;
    AccountStore accounts(db);
    try {
        if (action == QLatin1StringView("list")) {
            for (const User &u : accounts.allUsers()) {
                m_out << u.username << '\t' << u.displayName << '\t' << u.id << '\t'
                      << (u.disabled ? "disabled" : "active") << '\t'
                      << QDateTime::fromMSecsSinceEpoch(u.createdAt).toString(Qt::ISODate) << Qt::endl;
            }
            return 0;
        }
        if (action == QLatin1StringView("add")) {
            const QString name = displayName.isEmpty() ? username : displayName;
            if (!fits(username, protocol::rule::Username, QStringLiteral("username"), m_err) ||
                !fits(name, protocol::rule::DisplayName, QStringLiteral("display name"), m_err))
                return 2;
            const QString password = readPassword(passwordStdin);
            if (!fits(password, protocol::rule::Password, QStringLiteral("password"), m_err))
                return 2;
            PasswordHasher hasher;
            User user{ids::make('u'), username, name, hasher.hashNow(password), false, nowMs()};
            try {
                accounts.createUser(user);
            } catch (const StoreError &e) {
                if (e.kind() == StoreError::Kind::Conflict) {
                    m_err << "the username " << username << " is taken" << Qt::endl;
                    return 1;
                }
                throw;
            }
            qCInfo(lcAdmin).noquote() << "admin CLI created user" << user.id;
            m_out << "created " << username << " (" << user.id << ")" << Qt::endl;
            return 0;
        }
        const auto user = accounts.userByUsername(username);
        if (!user) {
            m_err << "no user " << username << Qt::endl;
            return 1;
        }
        if (action == QLatin1StringView("disable") || action == QLatin1StringView("enable")) {
            const bool disable = action == QLatin1StringView("disable");
            Transaction tx(db);
            accounts.setDisabled(user->id, disable);
            if (disable)
                accounts.deleteSessionsOf(user->id); // signed out everywhere
            tx.commit();
            qCInfo(lcAdmin).noquote() << "admin CLI" << action << "user" << user->id;
            m_out << username << (disable ? " disabled and signed out" : " enabled") << Qt::endl;
            return 0;
        }
        if (action == QLatin1StringView("reset-password")) {
            const QString password = readPassword(passwordStdin);
            if (!fits(password, protocol::rule::Password, QStringLiteral("password"), m_err))
                return 2;
            PasswordHasher hasher;
            Transaction tx(db);
            accounts.setPasswordHash(user->id, hasher.hashNow(password));
            accounts.deleteSessionsOf(user->id);
            tx.commit();
            qCInfo(lcAdmin).noquote() << "admin CLI reset the password of user" << user->id;
            m_out << "password of " << username << " reset; its sessions are signed out" << Qt::endl;
            return 0;
        }
        m_err << "unknown action " << action << Qt::endl;
        return 2;
    } catch (const StoreError &e) {
        m_err << "database error: " << e.what() << Qt::endl;
        return 1;
    }
}

int Admin::report(const QStringList &args)
{
    if (args.value(1) != QLatin1StringView("list") || args.size() > 3) {
        m_err << "usage: confab-server report list [LIMIT]" << Qt::endl;
        return 2;
    }
    bool limitOk = true;
    const int limit = args.size() > 2 ? args.value(2).toInt(&limitOk) : 100;
    if (!limitOk || limit < 1) {
        m_err << "LIMIT must be a positive number" << Qt::endl;
        return 2;
    }
    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    Database &db = *opened;
    try {
        BlindStore store(db);
        const QList<ReportRow> reports = store.reports(limit);
        // Real identities behind aliases: the operator may read them, and it leaves a trace.
        store.logOperatorAccess(QStringLiteral("report list"), QStringLiteral("%1 reports shown").arg(reports.size()),
                                nowMs());
        qCInfo(lcAdmin).noquote() << "admin CLI listed" << reports.size()
                                  << "reports with the real identities of reporters and reported members";
        const auto oneLine = [](QString text) {
            return text.replace(u'\\', QStringLiteral("\\\\")).replace(u'\n', QStringLiteral("\\n")).replace(u'\t', u' ');
        };
        // One report a line, tab-separated: when, report, conversation (id, kind, title), reported
        // member (username, display name, user id, alias in blind rooms), reporter (username,
        // display name, user id), reason.
        for (const ReportRow &r : reports) {
            m_out << QDateTime::fromMSecsSinceEpoch(r.createdAt).toString(Qt::ISODate) << '\t' << r.id << '\t'
                  << r.conversationId << '\t' << r.conversationKind << '\t' << oneLine(r.conversationTitle) << '\t'
                  << r.reportedUsername << '\t' << oneLine(r.reportedName) << '\t' << r.reportedId << '\t'
                  << (r.conversationKind == QLatin1StringView("blind") ? r.reportedAlias : QStringLiteral("-")) << '\t'
                  << r.reporterUsername << '\t' << oneLine(r.reporterName) << '\t' << r.reporterId << '\t'
                  << oneLine(r.reason) << Qt::endl;
        }
        m_err << reports.size() << " report(s); this access is logged" << Qt::endl;
        return 0;
    } catch (const StoreError &e) {
        m_err << "database error: " << e.what() << Qt::endl;
        return 1;
    }
}

int Admin::invite(const QStringList &args)
{
    if (args.value(1) != QLatin1StringView("create")) {
        m_err << "usage: confab-server invite create" << Qt::endl;
        return 2;
    }
    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    Database &db = *opened;
    try {
        const QString code = ids::token();
        AccountStore(db).createInvite(ids::tokenHash(code), nowMs());
        qCInfo(lcAdmin) << "admin CLI created an invite code";
        m_out << code << Qt::endl;
        return 0;
    } catch (const StoreError &e) {
        m_err << "database error: " << e.what() << Qt::endl;
        return 1;
    }
}

int Admin::addBot(const QStringList &args, const QString &displayName)
{
    const QString username = args.value(1);
    if (args.value(0) != QLatin1StringView("add") || username.isEmpty()) {
        m_err << "usage: confab-server user add --bot USERNAME [--display-name N]" << Qt::endl;
        return 2;
    }
    const QString name = displayName.isEmpty() ? username : displayName;
    if (!fits(username, protocol::rule::Username, QStringLiteral("username"), m_err) ||
        !fits(name, protocol::rule::DisplayName, QStringLiteral("display name"), m_err))
        return 2;
    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    Database &db = *opened;
    AccountStore accounts(db);
    try {
        // A password nobody knows: a bot signs in with its token only.
        PasswordHasher hasher;
        const qint64 now = nowMs();
        User user{ids::make('u'), username, name, hasher.hashNow(ids::token()), false, now};
        const QString token = ids::token();
        SessionRecord session;
        session.id = ids::make('s');
        session.userId = user.id;
        session.tokenHash = ids::tokenHash(token);
        session.device = QStringLiteral("bot");
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now + 10LL * 365 * 24 * 3600 * 1000; // long-lived; revoked like any session
        try {
            Transaction tx(db);
            accounts.createUser(user);
            accounts.setBot(user.id);
            accounts.createSession(session);
            tx.commit();
        } catch (const StoreError &e) {
            if (e.kind() == StoreError::Kind::Conflict) {
                m_err << "the username " << username << " is taken" << Qt::endl;
                return 1;
            }
            throw;
        }
        qCInfo(lcAdmin).noquote() << "admin CLI created bot" << user.id;
        m_out << "created bot " << username << " (" << user.id << ")" << Qt::endl;
        m_out << "token: " << token << Qt::endl;
        return 0;
    } catch (const StoreError &e) {
        m_err << e.what() << Qt::endl;
        return 1;
    }
}

int Admin::demo(const QStringList &args)
{
    if (args.value(1) != QLatin1StringView("backdate") || args.size() != 2) {
        m_err << "usage: confab-server demo backdate (demo data only; the server must be stopped)" << Qt::endl;
        return 2;
    }
    int status = 0;
    const std::unique_ptr<Database> opened = openDatabase(&status);
    if (!opened)
        return status;
    // The server stamps every message with the time it arrived; a demo seeded in a minute is
    // spread over yesterday morning instead: conversations from 09:30, messages from 09:40,
    // 2 min 17 s apart in the order they were sent.
    const qint64 start = QDateTime(QDate::currentDate().addDays(-1), QTime(9, 30)).toMSecsSinceEpoch();
    try {
        Transaction tx(*opened);
        EventStore(*opened).backdateAll(start, start + 10 * 60 * 1000, (2 * 60 + 17) * 1000);
        tx.commit();
    } catch (const StoreError &e) {
        m_err << "cannot backdate: " << e.what() << Qt::endl;
        return 1;
    }
    qCInfo(lcAdmin) << "admin CLI moved the history to yesterday morning (demo backdate)";
    m_out << "moved every conversation and message to yesterday morning" << Qt::endl;
    return 0;
}

} // namespace confab::server
