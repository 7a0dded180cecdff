#include "drafts.h"

#include "localcache.h"
#include "messageformat.h"

#include <QDateTime>

namespace confab::client {

Drafts::Drafts(QObject *parent) : QObject(parent)
{
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(kWriteDelayMs);
    connect(&m_writeTimer, &QTimer::timeout, this, &Drafts::flush);
}

Drafts::~Drafts()
{
    flush();
}

QString Drafts::summary(const QString &conversationId) const
{
    const auto it = m_drafts.constFind(conversationId);
    if (it == m_drafts.cend())
        return {};
    const QString line = MessageFormat::plainText(it->text).section(u'\n', 0, 0).simplified();
    if (!line.isEmpty())
        return line;
    return it->files.isEmpty() ? QString() : tr("%n file(s)", nullptr, int(it->files.size()));
}

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
    if (m_cache) {
        m_unsaved.insert(conversationId);
        m_writeTimer.start();
    }
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

void Drafts::flush()
{
    m_writeTimer.stop();
    if (!m_cache || !m_cache->isOpen()) {
        m_unsaved.clear();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &id : std::as_const(m_unsaved)) {
        const Draft d = m_drafts.value(id);
        m_cache->saveDraft({id, d.text, d.files, d.replyTo}, now);
    }
    m_unsaved.clear();
}

void Drafts::setCache(LocalCache *cache)
{
    flush();
    m_cache = cache;
    QSet<QString> touched;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        touched.insert(it.key());
    m_drafts.clear();
    if (m_cache && m_cache->isOpen()) {
        for (const LocalCache::Draft &d : m_cache->drafts()) {
            m_drafts.insert(d.conversationId, Draft{d.text, d.files, d.replyTo});
            touched.insert(d.conversationId);
        }
    }
    for (const QString &id : std::as_const(touched))
        emit changed(id);
}

} // namespace confab::client
