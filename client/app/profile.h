#pragma once

#include <QString>

namespace confab::app {

/*!
 * `confab --profile NAME`: a second, separate installation of the app for the same user — its own
 * cache and outbox, settings and keychain entry — so that two accounts can run side by side.
 * Everything per installation hangs off the application name ("Confab-NAME"), so this must run
 * before any of them is opened. Returns false, changing nothing, for a name that is not 1 to 32
 * of [A-Za-z0-9_-].
 */
bool applyProfile(const QString &name);

} // namespace confab::app
