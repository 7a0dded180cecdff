#pragma once

#include "protocol/types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace confab::client {

class Connection;
class ConversationState;

/*!
 * The hits of a `search`, across all my conversations or in one, best first, page by page.
 * Snippets are plain text (the markup of formatted messages taken out); highlights are plain
 * ranges ({start, length} in UTF-16 units of that text): the view decides how a match looks.
 */
class SearchResultModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(QString query READ query NOTIFY queryChanged)
    Q_PROPERTY(QString scope READ scope NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY busyChanged)
    //! Why the last request failed, or empty.
    Q_PROPERTY(QString error READ error NOTIFY busyChanged)
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        ConversationTitleRole,
        MessageIdRole,
        SeqRole,
        SenderNameRole,
        SnippetRole,
        HighlightsRole,   //!< list of {start, length} within the snippet
        CreatedAtRole,
        TimeTextRole,     //!< time today, else the date, in the locale
    };
    Q_ENUM(Role)

    //! Titles and names come from `state`, and follow it when they change there.
    SearchResultModel(Connection &connection, const ConversationState &state, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    QString scope() const { return m_scope; }
    bool busy() const { return m_busy; }
    bool canLoadMore() const { return m_cursor.has_value() && !m_busy; }
    QString error() const { return m_error; }

    //! Starts a new search; `conversationId` empty searches all my conversations. A blank query clears.
    Q_INVOKABLE void search(const QString &query, const QString &conversationId = {});
    //! The messages that mention me (or @room), newest first (mentions.list: a search by who is
    //! mentioned, with the same hits). Asks again each time: new mentions come first.
    Q_INVOKABLE void showMentions();
    Q_INVOKABLE void loadMore();
    Q_INVOKABLE void clear();

signals:
    void queryChanged();
    void countChanged();
    void busyChanged();
    //! A page arrived (also an empty one).
    void finished();

private:
    void fetch();
    void fetchMentions();
    void append(const QList<protocol::SearchHit> &hits);
    void setBusy(bool busy, const QString &error = {});

    Connection &m_connection;
    const ConversationState &m_state;
    //! The rows of one conversation show its title or names anew.
    void conversationChanged(const QString &conversationId);
    QList<protocol::SearchHit> m_hits;
    QString m_query, m_scope;
    std::optional<QString> m_cursor;
    bool m_busy = false;
    bool m_mentions = false; //!< showMentions() rather than search()
    QString m_error;
    quint64 m_generation = 0; //!< replies to an older search are dropped
};

} // namespace confab::client
