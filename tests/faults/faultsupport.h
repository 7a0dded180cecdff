#pragma once

// Shared pieces of the fault tests: a ChatClient "device" with its own data folder and the real
// keychain, and the checks that every fault test ends with (acked = stored once, same order everywhere).
#include "chatclient.h"
#include "harness.h"
#include "tokenstore.h"

#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

#include <memory>

namespace confab::test::faults {

inline const QString kPassword = QStringLiteral("correct horse 1");

//! A client with its own data folder, as one installation of the app on one computer.
struct Device {
    QTemporaryDir dir;
    client::KeychainTokenStore tokens{QStringLiteral("Confab-faults")};
    std::unique_ptr<client::ChatClient> client;
    int onlineCount = 0; //!< how often the connection became Online (first sign-in included)

    Device()
    {
        client = std::make_unique<client::ChatClient>(dir.path(), &tokens);
        client->setReconnectBackoff(100, 500);
        QObject::connect(client.get(), &client::ChatClient::connectionStateChanged, client.get(), [this] {
            if (client->connectionState() == client::ChatClient::ConnectionState::Online)
                ++onlineCount;
        });
    }
    client::ChatClient *operator->() { return client.get(); }
    bool online() const { return client->connectionState() == client::ChatClient::ConnectionState::Online; }
};

//! The ids of the stored messages of the model, pending (unacked) rows excluded.
inline QStringList modelMessageIds(client::MessageListModel *model, int *pending = nullptr)
{
    QStringList out;
    int unsent = 0;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->data(model->index(i), client::MessageListModel::SystemRole).toBool())
            continue; // a line of the conversation's own events (members added…), not a message
        const QString id = model->data(model->index(i), client::MessageListModel::MessageIdRole).toString();
        if (id.isEmpty())
            ++unsent;
        else
            out.append(id);
    }
    if (pending)
        *pending = unsent;
    return out;
}

//! Every message of a conversation as the server has it, in seq order, read with a raw protocol client.
inline QList<protocol::MessageInfo> serverMessages(const QString &url, const QString &username,
                                                   const QString &conversationId)
{
    TestClient c;
    if (!c.open(url) || !c.signIn(username, kPassword))
        return {};
    QList<protocol::MessageInfo> out;
    std::optional<qint64> before;
    while (true) {
        const protocol::Frame reply = c.request(protocol::HistoryRequest{conversationId, before, std::nullopt, 100});
        const auto *page = std::get_if<protocol::History>(&reply);
        if (!page)
            return {};
        QList<protocol::MessageInfo> chunk;
        for (const protocol::Event &e : page->events) {
            if (e.kind == protocol::EventKind::Message)
                chunk.append(*e.message);
        }
        out = chunk + out;
        if (!page->hasMore || page->events.isEmpty())
            break;
        before = page->events.first().seq;
    }
    return out;
}

inline QStringList idsOf(const QList<protocol::MessageInfo> &messages)
{
    QStringList out;
    for (const protocol::MessageInfo &m : messages)
        out.append(m.id);
    return out;
}

/*!
 * The server's copy of a conversation holds each of `written` (client ids) exactly once, nothing
 * else, in strictly increasing seq order. Returns an empty string when it does, else what is wrong.
 */
inline QString checkStoredOnce(const QList<protocol::MessageInfo> &stored, const QStringList &written)
{
    QHash<QString, int> count;
    qint64 lastSeq = 0;
    for (const protocol::MessageInfo &m : stored) {
        ++count[m.clientId];
        if (m.seq <= lastSeq)
            return QStringLiteral("seq %1 after %2: not in order").arg(m.seq).arg(lastSeq);
        lastSeq = m.seq;
    }
    for (const QString &clientId : written) {
        if (count.value(clientId) != 1)
            return QStringLiteral("client id %1 stored %2 times").arg(clientId).arg(count.value(clientId));
    }
    if (count.size() != written.size())
        return QStringLiteral("%1 distinct messages stored, %2 written").arg(count.size()).arg(written.size());
    return {};
}

} // namespace confab::test::faults

namespace confab::test::faults {

/*!
 * Several devices in one group conversation, each writing messages at a steady pace through the
 * client library (outbox, acks, reconnects), while a test breaks something underneath.
 * The QVERIFY-style members report through QTest; callers check QTest::currentTestFailed().
 */
class LoadScenario {
public:
    explicit LoadScenario(QString url, int deviceCount = 3) : m_url(std::move(url))
    {
        for (int i = 0; i < deviceCount; ++i) {
            m_devices.push_back(std::make_unique<Device>());
            m_usernames.append(QStringLiteral("user%1").arg(i));
        }
        m_written.resize(deviceCount);
    }

    //! Registers every device's user, makes a group of all of them and opens it everywhere.
    void setUp()
    {
        for (int i = 0; i < int(m_devices.size()); ++i)
            device(i)->registerAccount(m_url, m_usernames[i], m_usernames[i].toUpper(), kPassword);
        QVERIFY2(QTest::qWaitFor([this] { return allOnline(); }, 30000), "sign-up did not finish");
        QSignalSpy ready(device(0).client.get(), &client::ChatClient::conversationReady);
        device(0)->createGroup(QStringLiteral("Load"), m_usernames.mid(1));
        QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty(); }, 15000));
        m_conversationId = ready.first().first().toString();
        for (auto &d : m_devices) {
            QVERIFY(QTest::qWaitFor([&] { return d->client->conversations()->indexOf(m_conversationId) >= 0; }, 15000));
            d->client->openConversation(m_conversationId);
        }
    }

    //! Every device writes `perDevice` messages, one every `intervalMs` (whatever the connection does).
    void startSending(int perDevice, int intervalMs)
    {
        m_perDevice = perDevice;
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            bool more = false;
            for (int i = 0; i < int(m_devices.size()); ++i) {
                if (m_written[i].size() >= m_perDevice)
                    continue;
                const QString clientId = device(i)->sendMessage(
                    m_conversationId, QStringLiteral("%1 #%2").arg(m_usernames[i]).arg(m_written[i].size() + 1));
                if (!clientId.isEmpty())
                    m_written[i].append(clientId);
                more = true;
            }
            if (!more)
                m_timer.stop();
        });
        m_timer.start(intervalMs);
    }
    bool sendingDone() const { return !m_timer.isActive(); }

    bool allOnline() const
    {
        return std::all_of(m_devices.cbegin(), m_devices.cend(), [](const auto &d) { return d->online(); });
    }
    bool allAcked() const
    {
        return std::all_of(m_devices.cbegin(), m_devices.cend(), [](const auto &d) { return d->client->pendingCount() == 0; });
    }
    QStringList allWritten() const
    {
        QStringList out;
        for (const QStringList &w : m_written)
            out += w;
        return out;
    }

    /*!
     * After the faults: every device reconnects by itself and empties its outbox; the server stores
     * each written message once, in seq order; every device's cache holds the server's list in the
     * same order and its open timeline ends with it. `minOnline`: how often each device must have
     * come online (sign-in + one per fault that cut it off).
     */
    void verify(int minOnline)
    {
        QVERIFY2(QTest::qWaitFor([this] { return sendingDone(); }, 90000), "the writers did not finish");
        const bool settled = QTest::qWaitFor([this] { return allOnline() && allAcked(); }, 90000);
        if (!settled) {
            for (int i = 0; i < int(m_devices.size()); ++i)
                qWarning() << m_usernames[i] << "state" << device(i)->connectionState() << "pending"
                           << device(i)->pendingCount();
        }
        QVERIFY2(settled, "the devices did not reconnect and flush their outboxes by themselves");
        for (int i = 0; i < int(m_devices.size()); ++i) {
            QVERIFY2(device(i).onlineCount >= minOnline,
                     qPrintable(QStringLiteral("%1 came online %2 times, expected at least %3")
                                    .arg(m_usernames[i]).arg(device(i).onlineCount).arg(minOnline)));
        }
        const QList<protocol::MessageInfo> stored = serverMessages(m_url, m_usernames[0], m_conversationId);
        const QStringList written = allWritten();
        QCOMPARE(written.size(), int(m_devices.size()) * m_perDevice);
        const QString problem = checkStoredOnce(stored, written);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Per writer, the server kept the order in which it wrote (the outbox sends in order).
        for (int i = 0; i < int(m_devices.size()); ++i) {
            QStringList order;
            for (const protocol::MessageInfo &m : stored) {
                if (m_written[i].contains(m.clientId))
                    order.append(m.clientId);
            }
            QCOMPARE(order, m_written[i]);
        }
        const QStringList storedIds = idsOf(stored);
        for (int i = 0; i < int(m_devices.size()); ++i) {
            client::ChatClient *c = device(i).client.get();
            // The local cache: the whole conversation, in the server's seq order, nothing doubled.
            QTRY_COMPARE_WITH_TIMEOUT(idsOf(c->cache().messages(m_conversationId, 0, 100000)), storedIds, 30000);
            // The open timeline: the newest part of the same list, no row left pending.
            const auto timelineMatches = [&] {
                int pending = -1;
                const QStringList shown = modelMessageIds(c->messages(), &pending);
                return pending == 0 && !shown.isEmpty() && shown == storedIds.mid(storedIds.size() - shown.size());
            };
            QTRY_VERIFY_WITH_TIMEOUT(timelineMatches(), 30000);
        }
    }

    Device &device(int i) { return *m_devices[size_t(i)]; }
    const Device &device(int i) const { return *m_devices[size_t(i)]; }
    int deviceCount() const { return int(m_devices.size()); }
    QString conversationId() const { return m_conversationId; }

private:
    QString m_url;
    std::vector<std::unique_ptr<Device>> m_devices;
    QStringList m_usernames;
    QList<QStringList> m_written;
    QString m_conversationId;
    QTimer m_timer;
    int m_perDevice = 0;
};

} // namespace confab::test::faults
