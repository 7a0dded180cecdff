import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The bar above the timeline: title, what kind of conversation it is, and the members toggle (ⓘ).
// Blind rooms say so, with the mask glyph and my alias.
Item {
    id: root

    property string title
    property string kind            //!< "direct", "group", "blind"
    property int memberCount: 0
    property string myAlias
    property string myGroup
    //! Blind rooms: when every name will be shown (a Date; invalid when no reveal is scheduled).
    property var revealAt: new Date(NaN)
    //! Blind rooms: the scheduled reveal happened (every name is shown).
    property bool revealed: false
    property bool membersOpen: false
    readonly property bool blind: root.kind === "blind"

    signal membersToggled()
    //! Blind rooms: the reveal menu (🎭). `revealsAllowed`: the owner allows reveals;
    //! `revealOffered`: I offered to the whole room; `isOwner`: I may switch reveals on and off.
    property bool revealsAllowed: true
    property bool revealOffered: false
    property bool isOwner: false
    signal revealToRoomRequested()
    signal withdrawRoomOfferRequested()
    signal revealsAllowedRequested(bool allowed)
    //! The 🔍 button (Ctrl+F does the same): search messages.
    signal searchRequested()
    //! ⚙: the group's (or blind room's) settings.
    signal settingsRequested()
    property bool searchOpen: false
    //! @: the messages that mention me, in every conversation (Ctrl+Shift+M).
    property bool mentionsOpen: false
    signal mentionsRequested()
    //! 🔔: when this conversation notifies me, "all", "mentions" or "nothing".
    property string notifyLevel: "all"
    signal notifyLevelRequested(string level)

    implicitHeight: Theme.headerHeight

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.spacingXl; rightMargin: Theme.spacingL }
        spacing: Theme.spacingS

        Text {
            objectName: "blindMask"
            visible: root.blind
            text: "◐"
            color: Theme.textMuted
            font.pixelSize: Theme.fontTitle + 2
            Accessible.ignored: true
        }
        Label {
            objectName: "conversationTitle"
            text: (root.kind === "group" ? "# " : "") + root.title
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Layout.maximumWidth: root.width * 0.5
        }
        Label {
            id: subtitle
            objectName: "conversationSubtitle"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.blind && root.revealed ? "· " + qsTr("Blind room — names revealed")
                : root.blind && !isNaN(root.revealAt)
                  ? "· " + qsTr("Names hidden until %1").arg(DateFormat.moment(root.revealAt))
                : root.blind ? "· " + qsTr("Blind room — names are hidden")
                : root.kind === "direct" ? qsTr("· Direct message")
                : root.memberCount > 0 ? "· " + qsTr("%n member(s)", "", root.memberCount) : ""
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody - 1
            elide: Text.ElideRight
        }
        Item { Layout.fillWidth: true; visible: !subtitle.visible }

        Row {
            objectName: "myAliasRow"
            visible: root.blind && root.myAlias.length > 0
            spacing: Theme.spacingXs + 2
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("You are %1").arg(root.myAlias)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            GroupChip {
                objectName: "myGroupChip"
                anchors.verticalCenter: parent.verticalCenter
                group: root.myGroup
            }
        }

        IconButton {
            objectName: "searchButton"
            glyph: "⌕"
            tip: qsTr("Search messages (Ctrl+F)")
            glyphColor: root.searchOpen ? Theme.accent : Theme.textMuted
            onClicked: root.searchRequested()
        }

        IconButton {
            objectName: "mentionsButton"
            glyph: "@"
            tip: qsTr("Mentions of you (Ctrl+Shift+M)")
            glyphColor: root.mentionsOpen ? Theme.accent : Theme.textMuted
            onClicked: root.mentionsRequested()
        }

        IconButton {
            id: notifyButton
            objectName: "notifyButton"
            glyph: root.notifyLevel === "nothing" ? "🔕" : "🔔"
            tip: root.notifyLevel === "all" ? qsTr("Notifications: all messages")
               : root.notifyLevel === "mentions" ? qsTr("Notifications: mentions only")
               : qsTr("Notifications: nothing")
            glyphColor: root.notifyLevel === "all" ? Theme.textMuted : Theme.accent
            onClicked: notifyMenu.popup(notifyButton, 0, notifyButton.height)

            Menu {
                id: notifyMenu
                objectName: "notifyMenu"
                MenuItem {
                    objectName: "notifyAllItem"
                    checkable: true
                    checked: root.notifyLevel === "all"
                    text: qsTr("All messages")
                    onTriggered: root.notifyLevelRequested("all")
                }
                MenuItem {
                    objectName: "notifyMentionsItem"
                    checkable: true
                    checked: root.notifyLevel === "mentions"
                    text: qsTr("Mentions only")
                    onTriggered: root.notifyLevelRequested("mentions")
                }
                MenuItem {
                    objectName: "notifyNothingItem"
                    checkable: true
                    checked: root.notifyLevel === "nothing"
                    text: qsTr("Nothing")
                    onTriggered: root.notifyLevelRequested("nothing")
                }
            }
        }

        IconButton {
            id: revealButton
            objectName: "revealButton"
            visible: root.blind
            glyph: "🎭"
            tip: qsTr("Reveal who you are")
            glyphColor: root.revealOffered ? Theme.accent : Theme.textMuted
            onClicked: revealMenu.popup(revealButton, 0, revealButton.height)

            Menu {
                id: revealMenu
                objectName: "revealMenu"
                MenuItem {
                    objectName: "revealToRoomItem"
                    readonly property bool available: root.revealsAllowed && !root.revealOffered
                    visible: available
                    height: available ? implicitHeight : 0
                    text: qsTr("Offer to reveal my name to the room…")
                    onTriggered: root.revealToRoomRequested()
                }
                MenuItem {
                    objectName: "withdrawRoomItem"
                    visible: root.revealOffered
                    height: visible ? implicitHeight : 0
                    text: qsTr("Withdraw my offer to the room")
                    onTriggered: root.withdrawRoomOfferRequested()
                }
                MenuItem {
                    objectName: "revealsOffItem"
                    visible: !root.revealsAllowed && !root.isOwner
                    height: visible ? implicitHeight : 0
                    enabled: false
                    text: qsTr("The owner turned reveals off")
                }
                MenuItem {
                    objectName: "allowRevealsItem"
                    visible: root.isOwner
                    height: visible ? implicitHeight : 0
                    checkable: true
                    checked: root.revealsAllowed
                    text: qsTr("Members may reveal their names")
                    onTriggered: root.revealsAllowedRequested(checked)
                }
            }
        }

        IconButton {
            objectName: "settingsButton"
            visible: root.kind === "group" || root.kind === "blind"
            glyph: "⚙"
            tip: root.blind ? qsTr("Room settings") : qsTr("Group settings")
            onClicked: root.settingsRequested()
        }

        IconButton {
            objectName: "membersButton"
            glyph: "ⓘ"
            tip: root.membersOpen ? qsTr("Hide members") : qsTr("Show members")
            glyphColor: root.membersOpen ? Theme.accent : Theme.textMuted
            checkable: true
            checked: root.membersOpen
            onClicked: root.membersToggled()
        }
    }

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 1
        color: Theme.divider
    }
}
