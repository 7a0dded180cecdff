#pragma once

#include "testclient.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QTextStream>

#include <memory>

namespace confab::test {

/*!
 * A smoke test of a running Confab installation, as `confab-smoke` runs it: two existing accounts
 * sign in, one sends the other a message and a small file, delivery, the read receipt and the
 * file's bytes are checked, and what was sent is deleted again. It prints each step with the time
 * it took; run() returns the process's exit code.
 */
class Smoke {
public:
    struct Options {
        QString url;                    //!< ws:// or wss://
        QString users[2];
        QString passwords[2];
        QSslConfiguration tls;          //!< wss://: the CAs to trust (the system's by default)
        int timeoutMs = 15000;          //!< per step
        qint64 fileBytes = 64 * 1024;
    };
    enum Exit { Passed = 0, Failed = 1, Refused = 2 };

    Smoke(Options options, QTextStream &out);
    int run();

private:
    bool step(const QString &what, const std::function<QString()> &action);
    bool signIn(int who);
    QString sendAndReceive();
    QString receipt();
    QString attachment();
    void cleanUp();

    Options m_options;
    QTextStream &m_out;
    std::unique_ptr<TestClient> m_clients[2];
    QString m_userIds[2]; //!< from each sign-in's auth.ok
    QString m_room;
    QStringList m_sent; //!< message ids to delete at the end
    qint64 m_lastSeq = 0;
    bool m_refused = false;
};

} // namespace confab::test
