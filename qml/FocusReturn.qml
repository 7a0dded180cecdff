import QtQuick
import QtQuick.Templates as T

// Put in a popup: when it closes, the keyboard goes back to the item that had it when the popup
// opened, or to `home` when that item is hidden now or was itself in a popup (the menu that opened
// this dialog). Qt would give it to the window, and what the user types next would be lost.
QtObject {
    id: self

    required property T.Popup popup
    //! () => void that gives the keyboard to where it lives (the composer), or null.
    property var home: null
    property Item before: null

    function window() {
        const item = self.popup.parent
        return item ? item.Window.window : null
    }

    property Connections watch: Connections {
        target: self.popup
        function onAboutToShow() {
            const window = self.window()
            const item = window ? window.activeFocusItem : null
            self.before = item && !Keyboard.inPopup(item) ? item : null
        }
        function onClosed() {
            const before = self.before
            self.before = null
            // Only when the keyboard went nowhere: another popup (a dialog opened from a menu) or
            // an item that took it meanwhile (an edit started from a menu) keeps it.
            const window = self.window()
            const now = window ? window.activeFocusItem : null
            if (now && now !== window.contentItem)
                return
            if (before && before.visible && before.enabled)
                before.forceActiveFocus()
            else if (self.home)
                self.home()
        }
    }
}
