pragma Singleton
import QtQuick

// Who has the keyboard. A popup (dialog, menu) owns it while it is open: nothing behind it may
// take it (DESIGN.md, invariant 10: the user's text goes where the user typed it).
QtObject {
    //! Whether `item` lies inside an open popup. Qt Quick Controls show every popup's item in the
    //! window's overlay as a QQuickPopupItem; there is no public property that says so.
    function inPopup(item) {
        for (let i = item; i; i = i.parent) {
            if (String(i).startsWith("QQuickPopupItem"))
                return true
        }
        return false
    }
}
