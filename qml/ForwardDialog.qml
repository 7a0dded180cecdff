import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// "Forward to…": my other conversations with a filter field, one or several picked, then Forward.
// By keyboard: type to filter, ↑/↓ move, Space picks (or unpicks) the highlighted one, Enter
// forwards to the picked ones (or, when none is picked, to the highlighted one), Esc closes.
// The copy says only "Forwarded": never from where, nor who wrote it (blind rooms' aliases stay home).
Dialog {
    id: root

    //! A Forwarding (begin, send) whose `targets` (ForwardTargets) the list shows: filterText, count,
    //! pickedCount, toggle(row), idAt(row), titleAt(row); rows have title, kind, picked, avatarColor, initials.
    property var forwarding: null
    readonly property var targets: root.forwarding ? root.forwarding.targets : null
    //! What is forwarded, one line of it, shown above the list.
    property string excerpt
    //! () => void: where the keyboard goes on closing.
    property var keyboardHome: null

    //! Opens for a message of `conversationId`.
    function show(conversationId, messageId, excerpt) {
        root.excerpt = excerpt ?? ""
        root.forwarding.begin(conversationId, messageId)
        filter.text = ""
        list.currentIndex = root.targets.count > 0 ? 0 : -1
        open()
        filter.forceActiveFocus()
    }
    function move(delta) {
        if (list.count === 0)
            return
        list.currentIndex = Math.max(0, Math.min(list.count - 1, list.currentIndex + delta))
        list.positionViewAtIndex(list.currentIndex, ListView.Contain)
    }
    function toggleCurrent() {
        if (list.currentIndex >= 0)
            root.targets.toggle(list.currentIndex)
    }
    function forward() {
        if (root.forwarding.send(list.currentIndex))
            root.accept()
    }

    objectName: "forwardDialog"
    title: qsTr("Forward message")
    modal: true
    focus: true
    width: Math.min(440, parent ? parent.width - 2 * Theme.spacingXl : 440)
    height: Math.min(520, parent ? parent.height - 2 * Theme.spacingXl : 520)
    padding: Theme.spacingXl
    topPadding: Theme.spacingL
    anchors.centerIn: parent
    closePolicy: Popup.CloseOnEscape
    onClosed: if (root.keyboardHome) root.keyboardHome()

    background: Rectangle {
        color: Theme.window
        radius: Theme.radiusBubble
        border.color: Theme.divider
    }
    header: Label {
        text: root.title
        color: Theme.text
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        padding: Theme.spacingXl
        bottomPadding: 0
        elide: Text.ElideRight
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM

        // The message, as a quote: what goes.
        Rectangle {
            Layout.fillWidth: true
            visible: root.excerpt.length > 0
            implicitHeight: excerptText.implicitHeight + 2 * Theme.spacingS
            radius: Theme.radiusControl
            color: Theme.sidebar
            Rectangle { width: 3; height: parent.height; radius: 1.5; color: Theme.accent }
            Text {
                id: excerptText
                objectName: "forwardExcerpt"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          leftMargin: Theme.spacingM; rightMargin: Theme.spacingM }
                text: root.excerpt
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody - 1
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
        }

        TextField {
            id: filter
            objectName: "forwardFilter"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.controlHeight
            placeholderText: qsTr("Find a conversation")
            placeholderTextColor: Theme.textMuted
            color: Theme.text
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Find a conversation to forward to")
            onTextChanged: {
                if (!root.targets)
                    return
                root.targets.filterText = filter.text
                list.currentIndex = root.targets.count > 0 ? 0 : -1
            }
            Keys.onPressed: event => {
                switch (event.key) {
                case Qt.Key_Up: root.move(-1); break
                case Qt.Key_Down: root.move(1); break
                case Qt.Key_PageUp: root.move(-6); break
                case Qt.Key_PageDown: root.move(6); break
                case Qt.Key_Return:
                case Qt.Key_Enter: root.forward(); break
                // Space picks while nothing is typed yet, or with Ctrl; else it is a space of the filter.
                case Qt.Key_Space:
                    if (filter.text.length > 0 && !(event.modifiers & Qt.ControlModifier))
                        return
                    root.toggleCurrent()
                    break
                default: return
                }
                event.accepted = true
            }
            background: Rectangle {
                radius: Theme.radiusControl
                color: Theme.field
                border.width: filter.activeFocus ? 2 : 1
                border.color: filter.activeFocus ? Theme.accent : Theme.fieldBorder
            }
        }

        ListView {
            id: list
            objectName: "forwardList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.targets
            activeFocusOnTab: true
            keyNavigationEnabled: false
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            ScrollBar.vertical: ScrollBar {}
            Keys.onPressed: event => {
                switch (event.key) {
                case Qt.Key_Up: root.move(-1); break
                case Qt.Key_Down: root.move(1); break
                case Qt.Key_Space: root.toggleCurrent(); break
                case Qt.Key_Return:
                case Qt.Key_Enter: root.forward(); break
                default: return
                }
                event.accepted = true
            }

            delegate: ItemDelegate {
                id: target
                required property int index
                required property string title
                required property string kind
                required property bool picked
                required property string avatarColor
                required property string initials
                readonly property bool current: ListView.isCurrentItem
                objectName: "forwardTarget"
                width: ListView.view.width
                implicitHeight: 48
                focusPolicy: Qt.NoFocus
                Accessible.role: Accessible.CheckBox
                Accessible.checkable: true
                Accessible.checked: target.picked
                Accessible.name: target.title
                onClicked: {
                    list.currentIndex = target.index
                    root.targets.toggle(target.index)
                }
                background: Rectangle {
                    radius: Theme.radiusControl
                    color: target.picked ? Theme.selected : target.current || target.hovered ? Theme.hover : "transparent"
                    FocusRing { shown: target.current && (list.activeFocus || filter.activeFocus); outset: 0 }
                }
                contentItem: RowLayout {
                    spacing: Theme.spacingM
                    Avatar {
                        Layout.leftMargin: Theme.spacingS
                        size: Theme.avatarSmall
                        color: target.avatarColor
                        initials: target.initials
                        glyph: target.kind === "blind" ? "◐" : ""
                    }
                    Text {
                        Layout.fillWidth: true
                        text: target.title
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: target.picked ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                    }
                    // The pick mark: a ring, filled and ticked when picked.
                    Rectangle {
                        objectName: "pickMark"
                        Layout.rightMargin: Theme.spacingS
                        Layout.preferredWidth: 20
                        Layout.preferredHeight: 20
                        radius: 10
                        color: target.picked ? Theme.accent : "transparent"
                        border.width: target.picked ? 0 : 2
                        border.color: Theme.fieldBorder
                        Text {
                            anchors.centerIn: parent
                            visible: target.picked
                            text: "✓"
                            color: Theme.textOnAccent
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.Bold
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingL
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: filter.text.length > 0 ? qsTr("No conversation matches “%1”.").arg(filter.text)
                                             : qsTr("There is no other conversation to forward to.")
                color: Theme.textMuted
                font.pixelSize: Theme.fontBody - 1
            }
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("↑/↓ move · Space picks · Enter forwards")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                Accessible.name: text
                onClicked: root.reject()
            }
            Button {
                objectName: "forwardSend"
                readonly property int picked: root.targets ? root.targets.pickedCount : 0
                text: picked > 1 ? qsTr("Forward to %n conversations", "", picked) : qsTr("Forward")
                Accessible.name: text
                enabled: picked > 0 || list.currentIndex >= 0
                palette.button: Theme.accent
                palette.buttonText: Theme.textOnAccent
                onClicked: root.forward()
            }
        }
    }
}
