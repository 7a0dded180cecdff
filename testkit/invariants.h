#pragma once

#include "testclient.h"

#include <QStringList>

namespace confab::test {

/*!
 * Checks that a QA suite runs after its scenario, against what the server promised (DESIGN.md,
 * invariants 1–3). Each returns an empty string when the check holds, else what went wrong, for
 * `QVERIFY2(failure.isEmpty(), qPrintable(failure))`.
 */

/*!
 * Reads the whole log of `conversationId` through `reader` (a member; `history` pages) and checks it:
 * sequence numbers 1, 2, 3… without a gap or a repeat, and every message in `ackedMessageIds` (the
 * ids in the `message.sent` replies a test got) present exactly once.
 */
QString checkConversationLog(TestClient &reader, const QString &conversationId, const QStringList &ackedMessageIds);

/*!
 * Waits until `client` received a message with `body` in `conversationId`: empty when it did, else
 * "<who> expected message '<body>' in <conversation> within N s; saw: …" with what arrived instead.
 */
QString expectMessage(TestClient &client, const QString &who, const QString &conversationId, const QString &body,
                      int timeoutMs = 10000);

/*!
 * The raw texts `observer` received that name any of `secrets` (a user id, username or display
 * name of another member): for blind rooms, where the answer must be empty. Each finding says
 * which secret and quotes the frame.
 */
QStringList framesNaming(const TestClient &observer, const QStringList &secrets);

} // namespace confab::test
