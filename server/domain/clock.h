#pragma once

#include <QDateTime>

namespace confab::server {
//! Wall-clock time as stored and sent: epoch milliseconds.
inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace confab::server
