#pragma once

#include <QLoggingCategory>

namespace confab::server {
// One category per layer, so that an operator can turn each up or down (QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcServer) // start-up, listening, shutdown, config
Q_DECLARE_LOGGING_CATEGORY(lcNet)    // connections, closes, protocol violations
Q_DECLARE_LOGGING_CATEGORY(lcAuth)   // logins, registrations, revocations (never secrets)
Q_DECLARE_LOGGING_CATEGORY(lcStore)  // migrations and database failures
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)  // admin CLI actions
} // namespace confab::server
