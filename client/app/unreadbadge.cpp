#include "unreadbadge.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>

namespace confab::app {

QString UnreadBadge::windowTitle(int unread)
{
    return unread > 0 ? tr("(%1) Confab").arg(badgeText(unread)) : QStringLiteral("Confab");
}

QString UnreadBadge::badgeText(int unread)
{
    if (unread <= 0)
        return {};
    return unread > kMaxShown ? QString::number(kMaxShown) + QLatin1Char('+') : QString::number(unread);
}

QString UnreadBadge::toolTip(int unread)
{
    return unread > 0 ? tr("Confab — %n unread", nullptr, unread) : QStringLiteral("Confab");
}

QColor UnreadBadge::badgeColor()
{
    return QColor(0xD6, 0x45, 0x45);
}

QColor UnreadBadge::iconColor()
{
    return QColor(0x2F, 0x6F, 0xED);
}

QImage UnreadBadge::icon(int size, int unread)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    // The packaged icon (packaging/linux/org.confab.Confab.svg) on a 128-unit grid.
    p.scale(size / 128.0, size / 128.0);
    p.setPen(Qt::NoPen);
    p.setBrush(iconColor());
    p.drawRoundedRect(QRectF(8, 8, 112, 112), 26, 26);
    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(28, 44, 72, 42), 8, 8);
    QPainterPath tail;
    tail.moveTo(44, 84);
    tail.lineTo(60, 84);
    tail.lineTo(44, 100);
    tail.closeSubpath();
    p.setBrush(Qt::white);
    p.drawPath(bubble.united(tail));
    p.setBrush(iconColor());
    for (int x : {50, 64, 78})
        p.drawEllipse(QPointF(x, 65), 5, 5);
    p.resetTransform();

    const QString text = badgeText(unread);
    if (text.isEmpty())
        return image;
    // Big enough to read at 16 px: the badge takes more than half the icon, in the top-right corner.
    QFont font;
    font.setBold(true);
    font.setPixelSize(std::max(7, int(size * (text.size() > 2 ? 0.34 : 0.44))));
    const qreal h = size * 0.62;
    const qreal w = std::min<qreal>(size, std::max(h, QFontMetricsF(font).horizontalAdvance(text) + size * 0.2));
    const QRectF badge(size - w, 0, w, h);
    p.setBrush(badgeColor());
    p.setPen(QPen(Qt::white, std::max(1.0, size / 32.0)));
    p.drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2);
    p.setPen(Qt::white);
    p.setFont(font);
    p.drawText(badge, Qt::AlignCenter, text);
    return image;
}

} // namespace confab::app
