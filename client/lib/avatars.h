#pragma once

// Avatars: pictures people show instead of their initials, never in blind rooms. Models carry an
// avatar's hash (MemberInfo `avatar`); this class turns a hash into a local file, fetching each
// picture once and keeping it on disk by hash, so that it survives a restart. It also sets and
// removes my own avatar (Settings → account).

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QSet>
#include <QUrl>

namespace confab::protocol {
struct AccountAvatar;
}

namespace confab::client {

class Connection;
class ConversationState;

class Avatars : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    //! My avatar's hash, "" when none.
    Q_PROPERTY(QString mine READ mine NOTIFY mineChanged)
    //! Grows whenever a picture arrives or members change: bindings that call source() re-evaluate
    //! with it (`avatars.revision, avatars.source(hash)`).
    Q_PROPERTY(int revision READ revision NOTIFY picturesChanged)
    //! account.avatar is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    //! Why the last change was refused, or "".
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    //! The sides the server keeps (protocol: field::kAvatarSmallSide, kAvatarLargeSide).
    static int smallSide();
    static int largeSide();

    Avatars(Connection &connection, ConversationState &state, QObject *parent = nullptr);

    //! Where pictures are kept (per account); pictures there are used without asking the server.
    void setCacheDir(const QString &dir);

    QString mine() const { return m_mine; }
    int revision() const { return m_revision; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    /*!
     * The local file of `hash`'s picture for drawing at `pixels` (device pixels), cut to a circle;
     * empty when there is no hash or the picture is not here yet: then it is fetched, and
     * picturesChanged() follows when it arrives.
     */
    Q_INVOKABLE QUrl source(const QString &hash, int pixels = 80);
    //! source() of a member of the open conversation (by member id); empty in blind rooms.
    Q_INVOKABLE QUrl memberSource(const QString &memberId, int pixels = 80);
    //! source() of a conversation's face: the other member's avatar in a direct chat; else empty.
    Q_INVOKABLE QUrl conversationSource(const QString &conversationId, int pixels = 80);
    //! Makes my avatar from a picture file: its centre square, scaled down to fit one frame, sent
    //! as account.avatar. changed() or failed() follows.
    Q_INVOKABLE void choose(const QUrl &file);
    //! Takes my avatar away.
    Q_INVOKABLE void remove();

    //! The bytes sent for `image`: a square JPEG or PNG of at most `side` px that fits `maxBytes`
    //! in base64; empty when it cannot be read. Public for the tests.
    static QByteArray prepare(const QString &path, qint64 maxBytes, QString *error);

signals:
    void mineChanged();
    void picturesChanged();
    void busyChanged();
    void errorChanged();
    //! account.avatar was accepted (set or removed).
    void changed();
    void failed();

private:
    void setMine(const QString &hash);
    void setError(const QString &error);
    void send(const protocol::AccountAvatar &request);
    QString pathOf(const QString &hash, int side) const;
    void fetch(const QString &hash, int side);
    //! Reads the open conversation's members' avatars again (the timeline asks for each message).
    void readOpenMembers();

    Connection &m_connection;
    ConversationState &m_state;
    QString m_dir;
    QString m_mine;
    int m_revision = 0;
    bool m_busy = false;
    QString m_error;
    QHash<QString, QString> m_openAvatars; //!< member id → avatar hash in the open conversation (not blind)
    QSet<QString> m_fetching; //!< "hash/side" asked of the server and not answered yet
    QSet<QString> m_missing;  //!< "hash/side" the server did not give: not asked again this session
};

} // namespace confab::client
