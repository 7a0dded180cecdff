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
            id: themeChoice
            required property var modelData
            objectName: "theme_" + themeChoice.modelData.key
            ButtonGroup.group: themeGroup
            Layout.leftMargin: Theme.spacingXl
            text: themeChoice.modelData.label
            // Shows the setting, never its own click: a click asks, and the answer
            // comes back through root.theme (a checkable radio would break
            // this binding on its first click and then show stale choices).
            checkable: false
            checked: root.theme === themeChoice.modelData.key
            Accessible.name: qsTr("Theme: %1").arg(themeChoice.modelData.label)
            onClicked: root.themeRequested(themeChoice.modelData.key)
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
            id: languageChoice
            required property var modelData
            objectName: "language_" + languageChoice.modelData.key
            ButtonGroup.group: languageGroup
            Layout.leftMargin: Theme.spacingXl
            text: languageChoice.modelData.label
            // Shows the setting, never its own click: a click asks, and the answer
            // comes back through root.language (a checkable radio would break
            // this binding on its first click and then show stale choices).
            checkable: false
            checked: root.language === languageChoice.modelData.key
            Accessible.name: qsTr("Language: %1").arg(languageChoice.modelData.label)
            onClicked: root.languageRequested(languageChoice.modelData.key)
        }
    }
}
