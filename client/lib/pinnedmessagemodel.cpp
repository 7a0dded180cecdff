#include "pinnedmessagemodel.h"

#include "blindnames.h"
#include "connection.h"
#include "conversationstate.h"
#include "messageformat.h"

#include <QDateTime>

namespace confab::client {

using namespace confab::protocol;

PinnedMessageModel::PinnedMessageModel(Connection &connection, ConversationState &state, QObject *parent)
    : QAbstractListModel(parent), m_connection(connection), m_state(state)
{
    connect(&m_state, &ConversationState::opened, this, &PinnedMessageModel::show);
    connect(&m_state, &ConversationState::pinsChanged, this, [this](const QString &id) {
        if (id == m_conversationId)
            refresh();
    });
    // My role, or the members' names.
    connect(&m_state, &ConversationState::detailsChanged, this, [this](const QString &id) {
        if (id == m_conversationId)
            refresh();
    });
    connect(&m_state, &ConversationState::membersChanged, this, [this](const QString &id) {
        if (id == m_conversationId)
            refresh();
    });
    connect(&m_state, &ConversationState::conversationsReset, this, [this] { show({}); });
    // Back online: what was not known could not be asked before.
    connect(&m_connection, &Connection::authenticated, this, [this] {
        m_asking = false;
        refresh();
    });
}

int PinnedMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pins.size());
}

QHash<int, QByteArray> PinnedMessageModel::roleNames() const
{
    return {{MessageIdRole, "messageId"}, {SeqRole, "seq"},           {PreviewRole, "preview"},
            {SenderRole, "sender"},       {PinnedByRole, "pinnedBy"}, {PinnedAtRole, "pinnedAt"},
            {HasFilesRole, "hasFiles"}};
}

QVariant PinnedMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PinInfo &pin = m_pins.at(index.row());
    switch (Role(role)) {
    case MessageIdRole:
        return pin.message.id;
    case SeqRole:
        return pin.message.seq;
    case PreviewRole: {
        // The bar has one line: the message's first, as plain text (no Markdown marks).
        const QString plain = MessageFormat::plainText(pin.message.body).trimmed();
        return plain.section(u'\n', 0, 0).trimmed();
    }
    case SenderRole:
        return nameOf(pin.message.senderId);
    case PinnedByRole:
        return nameOf(pin.pinnedBy);
    case PinnedAtRole:
        return QDateTime::fromMSecsSinceEpoch(pin.pinnedAt);
    case HasFilesRole:
        return !pin.message.attachments.isEmpty();
    }
    return {};
}

QVariantMap PinnedMessageModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_pins.size())
        return out;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

bool PinnedMessageModel::isPinned(const QString &messageId) const
{
    return std::any_of(m_pins.cbegin(), m_pins.cend(), [&](const PinInfo &p) { return p.message.id == messageId; });
}

bool PinnedMessageModel::canPin() const
{
    return !m_conversationId.isEmpty() && m_state.canPin(m_conversationId);
}

bool PinnedMessageModel::membersPin() const
{
    return !m_conversationId.isEmpty() && m_state.membersPin(m_conversationId);
}

bool PinnedMessageModel::canChangeRights() const
{
    const auto c = m_state.conversation(m_conversationId);
    return c && c->kind != ConversationKind::Direct && c->role == protocol::Role::Owner;
}

void PinnedMessageModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    refresh();
}

QString PinnedMessageModel::nameOf(const QString &memberId) const
{
    if (memberId == m_state.myMemberId(m_conversationId))
        return tr("You");
    return m_names.value(memberId, tr("Someone"));
}

void PinnedMessageModel::show(const QString &conversationId)
{
    if (conversationId != m_conversationId)
        m_asking = false;
    m_conversationId = conversationId;
    refresh();
}

void PinnedMessageModel::refresh()
{
    const int before = int(m_pins.size());
    beginResetModel();
    m_names.clear();
    if (!m_conversationId.isEmpty()) {
        for (const MemberInfo &m : blind::forDisplay(m_state.members(m_conversationId), m_language))
            m_names.insert(m.id, m.name);
    }
    m_pins = m_conversationId.isEmpty() ? QList<PinInfo>{} : m_state.pins(m_conversationId);
    endResetModel();
    if (before != m_pins.size())
        emit countChanged();
    emit rightsChanged();
    if (!m_conversationId.isEmpty() && !m_state.pinsKnown(m_conversationId) && !m_asking && m_connection.isOnline())
        reload();
}

void PinnedMessageModel::reload()
{
    if (m_conversationId.isEmpty())
        return;
    m_asking = true;
    m_connection.request(PinsList{m_conversationId}, [this, id = m_conversationId](const Reply<Pins> &reply) {
        if (id == m_conversationId)
            m_asking = false;
        if (reply)
            m_state.applyPins(*reply);
        // Failures (offline, not a member any more) leave the pins unknown: asked again when back.
    });
}

void PinnedMessageModel::request(const QString &messageId, bool pinned)
{
    if (m_conversationId.isEmpty() || messageId.isEmpty())
        return;
    const QString what = pinned ? tr("Pin") : tr("Unpin");
    m_connection.request(MessagePin{m_conversationId, messageId, pinned}, [this, what](const Reply<Ok> &reply) {
        if (!reply)
            emit failed(tr("%1: %2").arg(what, reply.error().message));
    });
}

void PinnedMessageModel::setMembersPin(bool allowed)
{
    if (!canChangeRights())
        return;
    m_connection.request(PinRights{m_conversationId, allowed}, [this](const Reply<Ok> &reply) {
        if (!reply)
            emit failed(tr("Who pins: %1").arg(reply.error().message));
    });
}

} // namespace confab::client
