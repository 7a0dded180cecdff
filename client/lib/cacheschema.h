#pragma once

#include <QString>

class QSqlDatabase;

namespace confab::client::cacheschema {

//! The version a cache is at once open: one more with each step in cacheschema.cpp.
constexpr int kVersion = 5;

/*!
 * Brings the cache open on `db` to kVersion, one step per version (SQLite's `user_version`), each in
 * a transaction of its own. A cache made before versions were counted is at 0 and has the tables
 * of step 1 already; the step creates only what is missing. False (with `error`) when a step
 * failed: the cache stays at the version before it, and the account's cache does not open.
 */
bool migrate(const QSqlDatabase &db, QString *error);

//! The version the cache open on `db` is at.
int version(const QSqlDatabase &db);

} // namespace confab::client::cacheschema
