#pragma once

// New conversation → "Matching": several blind rooms at once from one pool of people
// (conversation.match). Takes usernames as typed, looks them up, and sends one request; says in
// the UI language what was wrong, naming the person at fault by the username the user typed.

#include "protocol/requests.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

#include <functional>

namespace confab::client {

class Connection;

/*!
 * What a pool would make, for the form's preview (a singleton: the form works without a client):
 * the sizes the server will use (protocol::matchRoomSizes), and what stands in the way.
 */
class MatchPreview : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    /*!
     * {rooms, sizes (a list, largest first), smallest, largest, problem}. `poolA`/`poolB` 0 and
     * `people` > 0: the server splits. `problem` is "" (fine), "size" (rooms need at least 2),
     * "small" (fewer people than a room holds), "shortA" or "shortB" (a pool has fewer people than
     * there are rooms).
     */
    Q_INVOKABLE static QVariantMap of(int people, int poolA, int poolB, int roomSize);
};

class Matching : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! conversation.match (or the lookup before it) is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    explicit Matching(Connection &connection, QObject *parent = nullptr);

    bool busy() const { return m_busy; }

    /*!
     * Makes the rooms. `setup`: {title, description, members: [username] (the server splits) or
     * poolA and poolB: [username], roomSize, series, reveal ("off", "mutual", "scheduled"),
     * revealAt (ms, when scheduled), membersInvite}. matched() or failed() follows.
     */
    Q_INVOKABLE void create(const QVariantMap &setup);
    //! The same without QML: `done` gets the server's reply (or the lookup's failure).
    void create(const QVariantMap &setup, std::function<void(const protocol::Reply<protocol::Matched> &)> done);

signals:
    void busyChanged();
    //! The rooms are made (and arrive in the conversation list): how many, which round of the
    //! series, and how many pairs meet again because no arrangement avoided it.
    void matched(int rooms, int round, int repeatedPairs);
    //! Nothing was made: why, in the UI language.
    void failed(const QString &message);

private:
    void setBusy(bool busy);
    //! A refusal as the user should read it: `usernames` by the request's paths ("pool_a[2]").
    QString explain(const protocol::Error &error, const QHash<QString, QString> &usernames) const;

    Connection &m_connection;
    bool m_busy = false;
};

} // namespace confab::client
