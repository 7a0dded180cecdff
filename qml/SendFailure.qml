import QtQuick
import QtQuick.Controls.Basic

// Under my message that could not be sent: why, and Retry or Delete.
Row {
    id: root

    //! Why it was not sent ("" when the reason is unknown).
    property string errorText

    signal retryRequested()
    signal discardRequested()

    spacing: Theme.spacingS
    Text {
        anchors.verticalCenter: parent.verticalCenter
        text: root.errorText.length > 0 ? qsTr("Not sent: %1").arg(root.errorText) : qsTr("Not sent")
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
    }
    Button {
        id: retryButton
        objectName: "retryButton"
        text: qsTr("Retry")
        flat: true
        padding: 2
        font.pixelSize: Theme.fontSmall
        Accessible.name: qsTr("Retry sending")
        contentItem: Text { text: retryButton.text; color: Theme.accent; font: retryButton.font }
        background: Item {}
        onClicked: root.retryRequested()
    }
    Button {
        id: discardButton
        objectName: "discardButton"
        text: qsTr("Delete")
        flat: true
        padding: 2
        font.pixelSize: Theme.fontSmall
        Accessible.name: qsTr("Delete unsent message")
        contentItem: Text { text: discardButton.text; color: Theme.danger; font: discardButton.font }
        background: Item {}
        onClicked: root.discardRequested()
    }
}
