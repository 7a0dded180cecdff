#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace confab::server::exportpages {

// The human-readable side of an export: plain HTML built from the same JSON the archive carries,
// every text escaped, no scripts (a Content-Security-Policy forbids them too), links relative so
// that the pages work from the unpacked folder.

//! index.html: who, when, the conversations (linking to their pages) and the files.
QByteArray index(const QJsonObject &profile, const QList<QJsonObject> &conversations,
                 const QList<QJsonObject> &files);
//! conversations/<id>.html: the conversation's messages in order, with senders as the user saw them.
QByteArray conversation(const QJsonObject &conversation);

} // namespace confab::server::exportpages
