#pragma once

#include "core/databaseurl.h"
#include "protocol/limits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace confab::server {

/*!
 * Everything the server is told at start-up. Precedence, lowest first: built-in defaults, the INI
 * file (--config), environment variables (CONFAB_DATABASE_URL, CONFAB_TLS_KEY_PASSWORD), flags.
 * The README lists every key. Only the values live here, for every part of the server to read;
 * reading them from the file, the environment and the command line is app/configfile.h's.
 */
struct ServerConfig {
    enum class Registration { Open, Invite, Closed };

    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 7480;
    QString dataDir;     //!< SQLite database and attachments when no database URL is given
    QString databaseUrl; //!< empty: sqlite:<dataDir>/confab.sqlite
    QString tlsCert;     //!< PEM; with tlsKey, the server speaks wss://
    QString tlsKey;
    QString tlsKeyPassword;
    Registration registration = Registration::Open;
    qint64 sessionTtlDays = 30;
    qint64 authTimeoutMs = 10'000;       //!< unauthenticated connections are closed after this
    qint64 heartbeatIntervalMs = 30'000; //!< ping period; two missed pongs close the connection
    qint64 requestsPerSecond = 50;       //!< per connection, all frames, with a burst of 4× this
    qint64 maxInvalidFrames = 20;        //!< invalid frames in a row before the connection is closed
    //! Frames of one connection served per turn of the event loop (net/fairscheduler.h).
    qint64 framesPerTurn = 4;
    qint64 sessionCheckMs = 30'000;      //!< how often connected sessions are re-checked (revoked, disabled)
    //! Unsent bytes per connection before it is closed (4004). Downloads are paced (net/downloadpacer.h),
    //! so they add at most about 512 KiB to it.
    qint64 maxQueuedBytes = 64 * 1024 * 1024;
    //! Open connections per peer address (signed in or not); loopback counts like any address.
    qint64 connectionsPerAddress = 64;
    qint64 connectionsPerUser = 16; //!< signed-in connections per account, on this instance
    //! Messages arriving together share one transaction and one flush to disk (services/groupcommit.h).
    bool groupCommit = true;
    qint64 groupCommitMax = 256; //!< messages per shared transaction at most
    // Failed sign-ins (services/loginthrottle.h): after this many failures per username, or per
    // address, each further attempt must wait a doubling delay from lockoutBaseMs up to lockoutMaxMs.
    qint64 lockoutFailures = 5;
    qint64 lockoutAddressFailures = 20;
    qint64 lockoutBaseMs = 1000;
    qint64 lockoutMaxMs = 15 * 60 * 1000;
    protocol::Limits limits;
    // Attachments (README: the attachments/* keys).
    //! MIME types accepted, as detected from the bytes; "type/*" allows a family.
    QStringList attachmentTypes = defaultAttachmentTypes();
    bool stripImageMetadata = true;     //!< re-encode stored images without EXIF (always done in blind rooms)
    qint64 uploadTimeoutMs = 3'600'000; //!< an upload without a chunk for this long is discarded
    qint64 unsentTtlMs = 7 * 86'400'000LL; //!< an uploaded attachment no message names is removed after this
    qint64 gcGraceMs = 86'400'000;      //!< an unreferenced blob is removed once it was not stored for this long
    qint64 gcIntervalMs = 600'000;      //!< how often the attachment sweep runs
    qint64 attachmentQuotaBytes = 0;    //!< per user, all attachments together; 0 = no quota
    //! Where attachment bytes live: "database" or "disk"; empty: the database on PostgreSQL, disk on SQLite.
    QString attachmentStore;
    // Exports of a user's data (README: the exports/* keys).
    qint64 exportKeepHours = 48;                //!< a ready archive is swept this long after it was built
    qint64 exportMaxBytes = 1LL << 30;          //!< files past this are left out of an archive (listed in it)
    qint64 exportSweepIntervalMs = 600'000;     //!< how often expired and stalled exports are swept
    qint64 editWindowS = 0;       //!< how long after sending the author may edit; 0 = no limit
    qint64 deleteWindowS = 0;     //!< how long after sending the author may delete; 0 = no limit
    qint64 streamTimeoutS = 60;   //!< a streamed message without an append for this long is finalized as interrupted
    //! @room is for owners and admins only in conversations with more members than this (others: anyone).
    qint64 roomMentionMinMembers = 10;
    //! Members (not only owners and admins) pin messages in groups and blind rooms whose owner did not decide.
    bool membersPin = false;
    // Finding people (user.search) and deleting accounts (account.delete, `user delete`).
    enum class DirectoryVisibility { Everyone, Contacts };
    //! Who a search finds: everyone on the server, or only the people the searcher shares a
    //! conversation that is not blind with (blind rooms never make anyone findable).
    DirectoryVisibility directoryVisibility = DirectoryVisibility::Everyone;
    qint64 directorySearchesPerMinute = 60; //!< per user, with a burst of a quarter of it (at least 5)
    bool deleteErasesMessages = false;      //!< a deleted account's messages are erased, not kept as "Deleted user"'s
    qint64 usernameHoldDays = 30;           //!< a deleted account's username is not taken again before this
    // Health and metrics over HTTP (app/healthhttp.h), on loopback only: the figures are not for the world.
    quint16 metricsPort = 0; //!< 0: no HTTP endpoint
    QHostAddress metricsAddress = QHostAddress::LocalHost;
    //! TLS with a certificate made on first start (app/selfsigned.h) when tls/certificate and tls/key
    //! do not exist yet; they default to <data>/tls/certificate.pem and <data>/tls/key.pem.
    bool tlsSelfSigned = false;

    static QStringList defaultAttachmentTypes();

    std::optional<DatabaseUrl> resolvedDatabase(QString *error) const;
    bool tls() const { return !tlsCert.isEmpty(); }
    //! Fills in the self-signed certificate's default paths (tlsSelfSigned only).
    void resolveSelfSignedPaths();
};

} // namespace confab::server
