import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Who in a blind room sees whom: nobody, pairs who both agree, or also everyone at a set time
// (a date and a time in the user's time zone). Used when creating a room and in its settings.
ColumnLayout {
    id: root

    //! "off", "mutual" or "scheduled".
    property string policy: "mutual"
    //! The time typed, when it is a real date and time in the future (else null).
    readonly property var revealAt: root.parse(dateField.text, timeField.text)
    readonly property bool valid: root.policy !== "scheduled" || root.revealAt !== null
    //! The language of the weekday shown beside the time (the app's, unless a test asks for another).
    property var locale: Qt.locale()

    //! Fills the date and time fields with `date` (a Date).
    function setAt(date) {
        dateField.text = Qt.formatDate(date, "yyyy-MM-dd")
        timeField.text = Qt.formatTime(date, "HH:mm")
    }
    //! "2026-12-11" and "18:00" → a Date in the future, or null.
    function parse(day, time) {
        const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(day.trim())
        const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
        if (!d || !t)
            return null
        const at = new Date(+d[1], +d[2] - 1, +d[3], +t[1], +t[2])
        if (isNaN(at.getTime()) || at.getMonth() !== +d[2] - 1 || +t[1] > 23 || +t[2] > 59)
            return null
        return at.getTime() > Date.now() ? at : null
    }

    spacing: Theme.spacingXs

    Repeater {
        model: [
            { value: "off", title: qsTr("Never"), note: qsTr("Names stay hidden for good.") },
            { value: "mutual", title: qsTr("When two agree"), note: qsTr("Two members see each other's name once both offered it.") },
            { value: "scheduled", title: qsTr("Everyone, at a set time"), note: qsTr("At the time below every member sees every name. Until then, two can still agree earlier.") }
        ]
        delegate: RadioButton {
            id: option
            required property var modelData
            objectName: "revealPolicy_" + option.modelData.value
            Layout.fillWidth: true
            text: option.modelData.title // places the indicator at the start (the content is below)
            // `policy` decides which is checked (it is also set from outside), not the click.
            autoExclusive: false
            checked: root.policy === option.modelData.value
            onClicked: {
                root.policy = option.modelData.value
                checked = Qt.binding(() => root.policy === option.modelData.value)
            }
            Accessible.name: option.modelData.title
            Accessible.description: option.modelData.note
            contentItem: Column {
                leftPadding: option.indicator.width + option.spacing
                spacing: 0
                Text {
                    text: option.modelData.title
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                }
                Text {
                    width: option.availableWidth - option.indicator.width - option.spacing
                    text: option.modelData.note
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.leftMargin: 28
        visible: root.policy === "scheduled"
        spacing: Theme.spacingS
        Field {
            id: dateField
            objectName: "revealDate"
            Layout.preferredWidth: 120
            placeholderText: "2026-12-11"
            inputMethodHints: Qt.ImhDate
            Accessible.name: qsTr("Date of the reveal (year-month-day)")
        }
        Field {
            id: timeField
            objectName: "revealTime"
            Layout.preferredWidth: 72
            placeholderText: "18:00"
            inputMethodHints: Qt.ImhTime
            Accessible.name: qsTr("Time of the reveal (hours:minutes)")
        }
        Label {
            Layout.fillWidth: true
            text: root.revealAt !== null ? DateFormat.weekday(root.revealAt, root.locale) : qsTr("a date and time still to come")
            color: root.revealAt !== null ? Theme.textMuted : Theme.danger
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
}
