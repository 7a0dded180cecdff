#include "drafts.h"

namespace confab::client {

void Drafts::update(const QString &conversationId, const std::function<void(Draft &)> &change)
{
    if (conversationId.isEmpty())
        return;
    Draft draft = m_drafts.value(conversationId);
    const Draft before = draft;
    change(draft);
    if (draft.text == before.text && draft.files == before.files && draft.replyTo == before.replyTo)
        return;
    if (draft.isEmpty())
        m_drafts.remove(conversationId);
    else
        m_drafts.insert(conversationId, draft);
    emit changed(conversationId);
}

void Drafts::setText(const QString &conversationId, const QString &text)
{
    update(conversationId, [&text](Draft &d) { d.text = text; });
}

void Drafts::setFiles(const QString &conversationId, const QStringList &files)
{
    update(conversationId, [&files](Draft &d) { d.files = files; });
}

void Drafts::setReplyTo(const QString &conversationId, const QString &messageId)
{
    update(conversationId, [&messageId](Draft &d) { d.replyTo = messageId; });
}

void Drafts::clear(const QString &conversationId)
{
    update(conversationId, [](Draft &d) { d = {}; });
}

} // namespace confab::client
