#pragma once

#include <QString>

class QApplication;

namespace confab::app {

/*!
 * `confab --bench-startup`: how fast the app shows a conversation from its local cache, and how much
 * memory it holds with a large cache. The first run seeds a cache in a temporary folder (20
 * conversations × 5,000 messages, through LocalCache) and starts this program again as the measured
 * process, so that the figure runs from process start (exec, libraries, Qt, cache, QML) to the first
 * frame swapped with the conversation's messages on screen. No server is needed: the account's
 * address is a closed loopback port, as when the server is unreachable.
 */
class StartupBench {
public:
    //! The seeding and measuring parent: prints a table and, when `jsonOut` is set, writes JSON.
    static int run(const QString &program, const QString &jsonOut, int conversations,
                   int messagesPerConversation);
    //! The measured child: `dataDir` holds the seeded cache, `startNs` is the parent's monotonic
    //! clock right before it started this process. Prints one line of figures for the parent.
    static int child(QApplication &app, const QString &dataDir, qint64 startNs, int conversations);
    static qint64 monotonicNs();
};

} // namespace confab::app
