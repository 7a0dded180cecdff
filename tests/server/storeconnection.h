#pragma once

// The server's own connection type (`storage/database.h`) to a test's database, for tests that
// drive migrations and stores directly rather than through a running server.
#include "storage/database.h"
#include "testdatabase.h"

#include <QUuid>

#include <memory>

namespace confab::test {

//! A new, open connection to `t` under a unique name; null, with `error` set, when it failed.
inline std::unique_ptr<server::Database> openStore(const TestDatabase &t, QString *error)
{
    const auto url = server::DatabaseUrl::parse(t.url(), error);
    if (!url)
        return nullptr;
    auto db = std::make_unique<server::Database>(*url, QUuid::createUuid().toString());
    if (!db->open(error))
        return nullptr;
    return db;
}

//! As above, with the reason in the test's log: for `QVERIFY(db)`.
inline std::unique_ptr<server::Database> openStore(const TestDatabase &t)
{
    QString error;
    auto db = openStore(t, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

} // namespace confab::test
