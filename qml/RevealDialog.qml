import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

// Blind rooms: the confirmation before offering to reveal one's identity, to one member or to the
// whole room. It says what would be shown (name and username), to whom, when (only where the
// other side agrees too), that everybody else keeps seeing the alias, and that it cannot be undone.
Dialog {
    id: root

    //! ChatClient.revealPreview(): {toRoom, memberId, target, alias, displayName, username, others,
    //! offered, theyOffered}.
    property var preview: ({})
    readonly property bool toRoom: root.preview.toRoom ?? true
    readonly property string target: root.preview.target ?? ""
    readonly property string alias: root.preview.alias ?? ""
    readonly property bool theyOffered: root.preview.theyOffered ?? false

    signal confirmed()

    function show(preview) {
        root.preview = preview
        open()
    }

    objectName: "revealDialog"
    title: root.toRoom ? qsTr("Reveal who you are to the room?") : qsTr("Reveal who you are to %1?").arg(root.target)
    modal: true
    focus: true
    width: Math.min(500, parent ? parent.width - 2 * Theme.spacingXl : 500)
    padding: Theme.spacingXl
    topPadding: Theme.spacingL
    anchors.centerIn: parent
    closePolicy: Popup.CloseOnEscape

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
        wrapMode: Text.Wrap
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, 0.35) }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM

        Label {
            text: qsTr("What would be shown")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: shown.implicitHeight + 2 * Theme.spacingM
            radius: Theme.radiusControl
            color: Theme.sidebar
            border.color: Theme.divider
            Label {
                id: shown
                objectName: "revealShown"
                anchors { fill: parent; margins: Theme.spacingM }
                text: qsTr("%1 (@%2) instead of “%3”").arg(root.preview.displayName ?? "")
                          .arg(root.preview.username ?? "").arg(root.alias)
                color: Theme.text
                font.pixelSize: Theme.fontBody
                font.weight: Font.Medium
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
        }
        Label {
            objectName: "revealWho"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
            textFormat: Text.PlainText
            text: root.toRoom
                  ? qsTr("To each member who also offers to reveal, to the room or to you: they see who you are, and you see who they are. Nothing is shown to anyone before they agree too.")
                  : root.theyOffered
                    ? qsTr("%1 has already offered. As soon as you confirm, %1 sees who you are, and you see who %1 is.").arg(root.target)
                    : qsTr("Only if %1 also offers, to you or to the room: then %1 sees who you are, and you see who %1 is. Until then nothing is shown.").arg(root.target)
        }
        Label {
            objectName: "revealOthers"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody - 1
            textFormat: Text.PlainText
            text: root.toRoom ? qsTr("Members who do not offer keep seeing you as “%1”.").arg(root.alias)
                              : qsTr("Everyone else in the room keeps seeing you as “%1”.").arg(root.alias)
        }
        Label {
            objectName: "revealPermanent"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warning
            font.pixelSize: Theme.fontBody - 1
            textFormat: Text.PlainText
            text: qsTr("You can withdraw the offer until it is answered. Once names are shown, they cannot be hidden again.")
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingS
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            Button {
                objectName: "revealCancel"
                text: qsTr("Cancel")
                Accessible.name: text
                focus: true
                onClicked: root.reject()
            }
            Button {
                objectName: "revealConfirm"
                text: root.toRoom ? qsTr("Offer to the room") : qsTr("Offer to %1").arg(root.target)
                Accessible.name: text
                palette.button: Theme.accent
                palette.buttonText: Theme.textOnAccent
                onClicked: {
                    root.confirmed()
                    root.accept()
                }
            }
        }
    }
}
