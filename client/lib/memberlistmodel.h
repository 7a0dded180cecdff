#pragma once

#include "protocol/types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace confab::client {

//! The members of the open conversation (aliases in blind rooms).
class MemberListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by ChatClient")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        MemberIdRole = Qt::UserRole + 1,
        NameRole,
        UsernameRole,
        RoleNameRole, //!< "owner", "admin", "member"
        AliasRole,
        GroupRole,    //!< "A", "B" or ""
        AvatarColorRole,
        InitialsRole,
        IsMeRole,
        PresenceRole, //!< "online", "away", "offline" ("" in blind rooms)
    };
    Q_ENUM(Role)

    explicit MemberListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reset(const QList<protocol::MemberInfo> &members, const QString &myMemberId);
    Q_INVOKABLE QString nameOf(const QString &memberId) const;
    void setPresence(const QHash<QString, QString> &presence);

signals:
    void countChanged();

private:
    QList<protocol::MemberInfo> m_members;
    QString m_me;
    QHash<QString, QString> m_presence;
};

} // namespace confab::client
