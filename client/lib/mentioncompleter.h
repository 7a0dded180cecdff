#pragma once

#include "mentiontext.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace confab::client {

/*!
 * The composer's `@` autocomplete: while the word before the cursor starts with `@`, the members of
 * `source` (a MemberListModel, or any model with the roles memberId, name, username and isMe) whose
 * name or username matches it, and `@room` when `allowRoom`. Picking one gives the new text and
 * remembers whom it named; mentions() finds those names in the text when it is sent
 * (mentiontext.h), so typing after a pick never shifts a mention onto the wrong words.
 */
class MentionCompleter : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(bool allowRoom READ allowRoom WRITE setAllowRoom NOTIFY allowRoomChanged)
    //! An `@word` is being typed and something matches it: the popup shows.
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QString query READ query NOTIFY activeChanged)
    Q_PROPERTY(int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY activeChanged)
public:
    enum Role {
        MemberIdRole = Qt::UserRole + 1, //!< "" for @room
        NameRole,     //!< display name, or the alias in blind rooms
        UsernameRole, //!< "" in blind rooms and for @room
        RoomRole,     //!< the @room row
        LabelRole,    //!< what a pick inserts: "@Mina Park"
    };
    Q_ENUM(Role)

    static constexpr int kMaxRows = 8;

    explicit MentionCompleter(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QAbstractItemModel *source() const { return m_source; }
    void setSource(QAbstractItemModel *source);
    bool allowRoom() const { return m_allowRoom; }
    void setAllowRoom(bool allow);
    bool active() const { return m_active && !m_rows.isEmpty(); }
    QString query() const { return m_query; }
    int currentIndex() const { return m_currentIndex; }
    void setCurrentIndex(int index);

    //! Follows the composer: call on every text or cursor change.
    Q_INVOKABLE void update(const QString &text, int cursorPosition);
    Q_INVOKABLE void moveUp();
    Q_INVOKABLE void moveDown();
    //! Esc: closed until the next `@`.
    Q_INVOKABLE void close();
    //! Replaces the `@word` with row `index`'s label and a space; {text, cursor} for the composer.
    Q_INVOKABLE QVariantMap pick(int index, const QString &text, int cursorPosition);
    //! The mentions of what was picked that are in `text`, as {memberId, room, start, length} maps.
    Q_INVOKABLE QVariantList mentionsFor(const QString &text) const;
    //! Forgets the picks (after sending, or another conversation).
    Q_INVOKABLE void reset();

    QList<protocol::Mention> mentions(const QString &text) const { return mentiontext::locate(text, m_picks); }
    //! QML's maps back into mentions (ChatClient::sendMessage).
    static QList<protocol::Mention> fromVariant(const QVariantList &list);

signals:
    void sourceChanged();
    void allowRoomChanged();
    void activeChanged();
    void currentIndexChanged();

private:
    struct Candidate {
        QString memberId;
        QString name;
        QString username;
        bool room = false;
        QString label() const { return room ? QStringLiteral("@room") : QLatin1Char('@') + name; }
    };
    void refilter();
    QList<Candidate> candidates() const;

    QPointer<QAbstractItemModel> m_source;
    bool m_allowRoom = false;
    bool m_active = false;
    bool m_closed = false;  //!< Esc on this `@word`
    qsizetype m_tokenStart = -1;
    QString m_query;
    int m_currentIndex = 0;
    QList<Candidate> m_rows;
    QList<mentiontext::Pick> m_picks;
};

} // namespace confab::client
