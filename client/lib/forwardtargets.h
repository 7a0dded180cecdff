#pragma once

#include <QQmlEngine>
#include <QSet>
#include <QSortFilterProxyModel>

namespace confab::client {

/*!
 * The forward picker's list: my conversations (a ConversationListModel, most recent first) but the
 * one the message comes from, filtered by title as the user types, each picked or not. Picking is
 * kept here by conversation id, so that it survives filtering.
 */
class ForwardTargets : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Forwarding")
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int pickedCount READ pickedCount NOTIFY pickedChanged)
public:
    enum Role {
        PickedRole = Qt::UserRole + 200,
        AvatarColorRole,
        InitialsRole,
    };
    Q_ENUM(Role)

    explicit ForwardTargets(QObject *parent = nullptr);

    //! Starts over for a message of `sourceId`: that conversation is left out, nothing picked, no filter.
    void reset(const QString &sourceId);
    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);
    int pickedCount() const { return int(m_picked.size()); }
    //! The picked conversations, in the list's order.
    QStringList pickedIds() const;

    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString titleAt(int row) const;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterTextChanged();
    void countChanged();
    void pickedChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int sourceRole(const char *name) const;

    QString m_source;
    QString m_filter;
    QSet<QString> m_picked;
};

} // namespace confab::client
