#include "core/logging.h"

namespace confab::server {
Q_LOGGING_CATEGORY(lcServer, "confab.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "confab.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "confab.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "confab.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "confab.admin", QtInfoMsg)
} // namespace confab::server
