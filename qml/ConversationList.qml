import QtQuick
import QtQuick.Controls.Basic

// The conversation list's keyboard (UI.md: usable without a mouse): one Tab stop; Up/Down move a
// ringed row without opening it, Enter opens it, Home/End jump, Esc goes back to the
// composer, Up on the first row to the filter field above. Rows come from the page's delegate.
ListView {
    id: root

    //! The open conversation's row: the keyboard starts there.
    property int openRow: -1

    //! Enter on `row`.
    signal openRequested(int row)
    //! Up on the first row.
    signal upFromTop()
    //! Esc: back to where the user writes.
    signal escaped()
    //! The Menu key or Shift+F10 on `row`: its menu.
    signal menuRequested(int row)

    function move(delta) {
        if (root.count === 0)
            return
        root.currentIndex = Math.max(0, Math.min(root.count - 1, root.currentIndex + delta))
        root.positionViewAtIndex(root.currentIndex, ListView.Contain)
    }

    activeFocusOnTab: true
    keyNavigationEnabled: false
    highlightFollowsCurrentItem: false
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    Accessible.role: Accessible.List
    ScrollBar.vertical: ScrollBar {}

    onOpenRowChanged: root.currentIndex = root.openRow
    Component.onCompleted: root.currentIndex = root.openRow
    onActiveFocusChanged: {
        if (root.activeFocus && (root.currentIndex < 0 || root.currentIndex >= root.count))
            root.currentIndex = root.openRow >= 0 ? root.openRow : Math.min(0, root.count - 1)
    }

    Keys.onPressed: event => {
        switch (event.key) {
        case Qt.Key_Up:
            if (root.currentIndex <= 0)
                root.upFromTop()
            else
                root.move(-1)
            break
        case Qt.Key_Down: root.move(1); break
        case Qt.Key_PageUp: root.move(-8); break
        case Qt.Key_PageDown: root.move(8); break
        case Qt.Key_Home: root.move(-root.count); break
        case Qt.Key_End: root.move(root.count); break
        case Qt.Key_Return:
        case Qt.Key_Enter:
            if (root.currentIndex >= 0 && root.currentIndex < root.count)
                root.openRequested(root.currentIndex)
            break
        case Qt.Key_Escape: root.escaped(); break
        case Qt.Key_Menu:
            if (root.currentIndex >= 0 && root.currentIndex < root.count)
                root.menuRequested(root.currentIndex)
            break
        case Qt.Key_F10:
            if (!(event.modifiers & Qt.ShiftModifier) || root.currentIndex < 0 || root.currentIndex >= root.count)
                return
            root.menuRequested(root.currentIndex)
            break
        default: return
        }
        event.accepted = true
    }
}
