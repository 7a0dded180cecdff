#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

namespace confab::client {

/*!
 * The files waiting in the composer's tray, before they are sent: what each one is (as
 * ChatClient::describeFile says it) and whether it can go. The composer owns one; it adds what is
 * picked, dropped or pasted, drops a file on the chip's ✕, and hands the paths over when sending.
 * The same file twice is one entry, and there are never more than `limit` entries.
 */
class DraftAttachmentModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    //! The files without an error: those that sending takes.
    Q_PROPERTY(int sendableCount READ sendableCount NOTIFY countChanged)
    //! At most this many files (the server's limit, ChatClient::maxAttachments); 10 until told.
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(bool full READ full NOTIFY countChanged)
public:
    enum Role {
        PathRole = Qt::UserRole + 1, //!< the local path (or the URL given, when nothing described it)
        UrlRole,                     //!< file:// URL, for an image's thumbnail
        NameRole,
        SizeTextRole,                //!< "12 KB", in the locale; "" when unknown
        MimeRole,
        ImageRole,                   //!< shown as a picture
        ErrorRole,                   //!< why it cannot be sent ("… is empty"), or ""
    };
    Q_ENUM(Role)

    struct Entry {
        QString path;
        QString url;
        QString name;
        QString sizeText;
        QString mime;
        bool image = false;
        QString error;
    };

    explicit DraftAttachmentModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int sendableCount() const;
    int limit() const { return m_limit; }
    void setLimit(int limit);
    bool full() const { return int(m_entries.size()) >= m_limit; }

    /*!
     * Adds a file from its description: {path, url, name, sizeText, mime, image, error}. Only
     * `path` or `url` is needed; the name then comes from the end of the URL. False, and nothing
     * added, when the file is there already or the tray is full.
     */
    Q_INVOKABLE bool add(const QVariantMap &description);
    //! Whether a file with this path or URL is in the tray.
    Q_INVOKABLE bool contains(const QString &pathOrUrl) const;
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void clear();
    //! The entry at `row` as a map with the role names as keys (empty out of range).
    Q_INVOKABLE QVariantMap get(int row) const;
    //! The paths of the files that sending takes (those without an error), in order.
    Q_INVOKABLE QStringList sendablePaths() const;
    //! Every file's URL (its path when it has none), in order: what the draft keeps.
    Q_INVOKABLE QStringList sources() const;

    const QList<Entry> &entries() const { return m_entries; }

signals:
    void countChanged();
    void limitChanged();

private:
    QList<Entry> m_entries;
    int m_limit = 10;
};

} // namespace confab::client
