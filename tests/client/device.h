// One installation of the app on one computer, for the client tests: its own data folder, the
// real keychain, and every model under Qt's model tester all the time.
#pragma once

#include "chatclient.h"
#include "clientsteps.h"
#include "tokenstore.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

#include <memory>

namespace confab::test {

struct Device {
    QTemporaryDir dir;
    client::KeychainTokenStore tokens{QStringLiteral("Confab-test")};
    std::unique_ptr<client::ChatClient> client;
    std::unique_ptr<QAbstractItemModelTester> t1, t2, t3;

    Device() { restart(); }
    //! A new ChatClient on the same data folder: the app quit and started again.
    void restart()
    {
        t1.reset();
        t2.reset();
        t3.reset();
        client = std::make_unique<client::ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        t1 = std::make_unique<QAbstractItemModelTester>(client->conversations(), mode);
        t2 = std::make_unique<QAbstractItemModelTester>(client->messages(), mode);
        t3 = std::make_unique<QAbstractItemModelTester>(client->members(), mode);
    }
    client::ChatClient *operator->() { return client.get(); }
    bool online() const { return client->connectionState() == client::ChatClient::ConnectionState::Online; }
};

} // namespace confab::test
