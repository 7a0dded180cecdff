#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace confab::app {

/*!
 * The unread count where the desktop shows it: the window title ("(3) Confab") and the tray icon
 * (the Confab icon with a red count badge, drawn with QPainter so that no image plugin is needed).
 */
class UnreadBadge {
    Q_DECLARE_TR_FUNCTIONS(UnreadBadge)
public:
    //! Above this the badge says "99+": three digits do not fit a 16 px tray icon.
    static constexpr int kMaxShown = 99;

    static QString windowTitle(int unread);
    static QString badgeText(int unread); //!< "" for none
    static QString toolTip(int unread);
    //! The app icon, `size` px square, with the badge in its top-right corner when unread > 0.
    static QImage icon(int size, int unread);
    //! The badge's fill (the theme's danger red, light variant: tray backgrounds vary).
    static QColor badgeColor();
    static QColor iconColor();
};

} // namespace confab::app
