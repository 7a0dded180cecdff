import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Settings → appearance: the theme and the language. Each radio shows the setting, and a click
// asks for the change (themeRequested, languageRequested).
ColumnLayout {
    id: root

    property string theme: "system"
    property string language: "en"

    signal themeRequested(string theme)
    signal languageRequested(string language)

    spacing: Theme.spacingS
    Item { Layout.preferredHeight: Theme.spacingXs }
    // A group each: radio buttons under one parent would otherwise exclude each
    // other, so that choosing a language cleared the theme (and back).
    ButtonGroup { id: themeGroup }
    ButtonGroup { id: languageGroup }
    SectionTitle {
        Layout.leftMargin: Theme.spacingXl
        text: qsTr("Theme")
    }
    Repeater {
        model: [{ key: "system", label: qsTr("Follow the system") },
                { key: "light", label: qsTr("Light") },
                { key: "dark", label: qsTr("Dark") }]
        RadioButton {
            required property var modelData
            objectName: "theme_" + modelData.key
            ButtonGroup.group: themeGroup
            Layout.leftMargin: Theme.spacingXl
            text: modelData.label
            // Shows the setting, never its own click: a click asks, and the answer
            // comes back through root.theme (a checkable radio would break
            // this binding on its first click and then show stale choices).
            checkable: false
            checked: root.theme === modelData.key
            Accessible.name: qsTr("Theme: %1").arg(modelData.label)
            onClicked: root.themeRequested(modelData.key)
        }
    }
    SectionTitle {
        Layout.leftMargin: Theme.spacingXl
        Layout.topMargin: Theme.spacingL
        text: qsTr("Language")
    }
    Repeater {
        // Each language in its own words, so that anyone can find theirs.
        model: [{ key: "en", label: "English" }, { key: "ko", label: "한국어" }]
        RadioButton {
            required property var modelData
            objectName: "language_" + modelData.key
            ButtonGroup.group: languageGroup
            Layout.leftMargin: Theme.spacingXl
            text: modelData.label
            // Shows the setting, never its own click: a click asks, and the answer
            // comes back through root.language (a checkable radio would break
            // this binding on its first click and then show stale choices).
            checkable: false
            checked: root.language === modelData.key
            Accessible.name: qsTr("Language: %1").arg(modelData.label)
            onClicked: root.languageRequested(modelData.key)
        }
    }
}
