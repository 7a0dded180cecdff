#pragma once

#include <QList>
#include <QTimer>

#include <functional>

namespace confab::server {

class Database;

/*!
 * Group commit: writes of several requests share one transaction, and so one flush to disk, when
 * they arrive together. A durable commit costs an fsync (milliseconds); a message's statements cost
 * tens of microseconds each. Committing once per message made that fsync the server's throughput
 * limit and kept every other connection waiting behind it.
 *
 * Each write is staged in the open batch at once; the batch is committed when the event loop has
 * nothing else ready (so at low load a write waits for no one), when it holds `maxWrites`, or as
 * soon as anything else needs the database (Database::openBatch). Only after the commit are the
 * writes' `committed` steps run, in order: acked still means durable. If a write fails while
 * staged, or the commit fails, the batch is rolled back and every write in it is run again on its
 * own (`retry`), so one bad write never fails the others.
 */
class GroupCommit {
public:
    GroupCommit(Database &db, int maxWrites);
    ~GroupCommit();
    GroupCommit(const GroupCommit &) = delete;
    GroupCommit &operator=(const GroupCommit &) = delete;

    struct Write {
        std::function<void()> stage;     //!< the statements, inside the shared transaction; may throw StoreError
        std::function<void()> committed; //!< after the commit: answer and deliver
        std::function<void()> retry;     //!< instead, after a rollback: do it all again on its own
    };
    void add(Write write);
    //! Commits what is staged and runs its `committed` steps (also called by the database).
    void flush();

private:
    //! Rolls the batch back and retries every write in it, in order.
    void abandon();

    Database &m_db;
    const int m_maxWrites;
    QList<Write> m_staged;
    QTimer m_idle;
};

} // namespace confab::server
