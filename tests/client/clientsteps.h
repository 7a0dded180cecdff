// The steps most client tests start with, for any installation type shaped like Device
// (device.h): `d->` reaches its ChatClient, `d.client` owns it.
#pragma once

#include "chatclient.h"
#include "harness.h"
#include "messagelistmodel.h"

#include <QSignalSpy>

namespace confab::test {

inline const QString kTestPassword = QStringLiteral("correct horse 1");

//! Signs up Mina and Joon on two installations and opens a direct conversation between them on
//! both. A template: some suites keep a leaner installation of their own with the same shape.
template <class D> bool pairDevices(Harness &h, D &a, D &b, QString *conversationId)
{
    using State = client::ChatClient::ConnectionState;
    a->registerAccount(h.server().url(), QStringLiteral("mina"), QStringLiteral("Mina"), kTestPassword);
    b->registerAccount(h.server().url(), QStringLiteral("joon"), QStringLiteral("Joon"), kTestPassword);
    if (!QTest::qWaitFor([&] { return a->connectionState() == State::Online && b->connectionState() == State::Online; },
                         20000))
        return false;
    QSignalSpy ready(a.client.get(), &client::ChatClient::conversationReady);
    a->startDirect(QStringLiteral("joon"));
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 10000))
        return false;
    *conversationId = ready.first().first().toString();
    if (!QTest::qWaitFor([&] { return b->conversations()->indexOf(*conversationId) >= 0; }, 10000))
        return false;
    a->openConversation(*conversationId);
    b->openConversation(*conversationId);
    return true;
}

//! The bodies of a timeline's messages, oldest first (the lines of its own events left out).
inline QList<QString> bodies(client::MessageListModel *model)
{
    QList<QString> out;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (!model->data(model->index(i), client::MessageListModel::SystemRole).toBool())
            out.append(model->data(model->index(i), client::MessageListModel::BodyRole).toString());
    }
    return out;
}

//! The lines of a timeline's own events, oldest first.
inline QList<QString> systemLines(client::MessageListModel *model)
{
    QList<QString> out;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->data(model->index(i), client::MessageListModel::SystemRole).toBool())
            out.append(model->data(model->index(i), client::MessageListModel::SystemTextRole).toString());
    }
    return out;
}

} // namespace confab::test
