#include "groupcommit.h"

#include "storage/database.h"

namespace confab::server {

GroupCommit::GroupCommit(Database &db, int maxWrites) : m_db(db), m_maxWrites(qMax(1, maxWrites))
{
    // A zero timer fires once the event loop has handled what was ready: the frames that arrived
    // while the previous commit waited for the disk are all staged before the next commit.
    m_idle.setSingleShot(true);
    m_idle.setInterval(0);
    m_idle.callOnTimeout([this] { flush(); });
}

GroupCommit::~GroupCommit()
{
    try {
        flush();
    } catch (...) {
        // Shutting down: whatever was not committed was not acked either.
    }
}

void GroupCommit::add(Write write)
{
    if (!m_db.batchOpen()) {
        try {
            m_db.openBatch([this] { flush(); });
        } catch (const StoreError &) {
            // No transaction to share: this write runs (and fails, or not) on its own.
            write.retry();
            return;
        }
        m_idle.start();
    }
    m_staged.append(std::move(write));
    try {
        Database::BatchWork work(m_db);
        m_staged.last().stage();
    } catch (const StoreError &) {
        // In PostgreSQL a failed statement aborts the whole transaction: start the writes over.
        abandon();
        return;
    }
    if (m_staged.size() >= m_maxWrites)
        flush();
}

void GroupCommit::flush()
{
    m_idle.stop();
    if (!m_db.batchOpen())
        return;
    try {
        m_db.commitBatch();
    } catch (const StoreError &) {
        abandon();
        return;
    }
    const QList<Write> done = std::exchange(m_staged, {});
    for (const Write &write : done)
        write.committed();
}

void GroupCommit::abandon()
{
    m_idle.stop();
    if (m_db.batchOpen())
        m_db.rollbackBatch();
    const QList<Write> failed = std::exchange(m_staged, {});
    for (const Write &write : failed)
        write.retry();
}

} // namespace confab::server
