import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 860
    height: 640

    // Stands in for App.settings (confab::app::Settings): the page reads and writes these.
    QtObject {
        id: prefs
        property bool notificationsEnabled: true
        property bool showPreview: true
        property bool doNotDisturb: false
        property string downloadFolder: "/home/mina/Downloads"
        property url downloadFolderUrl: "file:///home/mina/Downloads"
        property bool closeToTray: false
        property bool startAtLogin: false
        property bool startAtLoginSupported: true
        property string error: ""
    }

    SettingsPage {
        id: page
        anchors.fill: parent
        settings: prefs
        displayName: "Mina Park"
        username: "mina"
        serverUrl: "wss://chat.example"
        sessions: [{ id: "s1", device: "laptop", lastActive: "Active now", current: true },
                   { id: "s2", device: "old phone", lastActive: "Active 3 hours ago", current: false }]
        trayAvailable: true
        notificationsAvailable: true
    }
    SignalSpy { id: revokeSpy; target: page; signalName: "revokeRequested" }
    SignalSpy { id: signOutSpy; target: page; signalName: "signOutRequested" }
    SignalSpy { id: everywhereSpy; target: page; signalName: "signOutEverywhereRequested" }
    SignalSpy { id: typingSpy; target: page; signalName: "sendTypingRequested" }
    SignalSpy { id: receiptsSpy; target: page; signalName: "shareReadReceiptsRequested" }
    SignalSpy { id: themeSpy; target: page; signalName: "themeRequested" }
    SignalSpy { id: languageSpy; target: page; signalName: "languageRequested" }
    SignalSpy { id: closeSpy; target: page; signalName: "closeRequested" }

    TestCase {
        name: "SettingsPage"
        when: windowShown

        function init() {
            for (const spy of [revokeSpy, signOutSpy, everywhereSpy, typingSpy, receiptsSpy, themeSpy, languageSpy, closeSpy])
                spy.clear()
            prefs.notificationsEnabled = true
            prefs.showPreview = true
            prefs.doNotDisturb = false
            prefs.closeToTray = false
            prefs.startAtLoginSupported = true
            page.trayAvailable = true
            page.confirmingEverywhere = false
            page.section = "account"
        }

        function open(section) {
            mouseClick(findChild(page, "section_" + section))
            compare(page.section, section)
        }

        function test_sectionsOpenWithEnterAndSpace() {
            const files = findChild(page, "section_files")
            files.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(page.section, "files")
            const privacy = findChild(page, "section_privacy")
            privacy.forceActiveFocus()
            keyClick(Qt.Key_Enter)
            compare(page.section, "privacy")
            findChild(page, "section_account").forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(page.section, "account")
        }

        function test_sectionsSwitch() {
            compare(findChild(page, "sectionTitle").text, "Account")
            open("notifications")
            compare(findChild(page, "sectionTitle").text, "Notifications")
            open("general")
            compare(findChild(page, "sectionTitle").text, "General")
        }

        function test_accountShowsSessions() {
            compare(findChild(page, "accountName").text, "Mina Park")
            // This device has no Sign out of its own; the other session does.
            verify(!findChild(page, "revoke_0").visible)
            const revoke = findChild(page, "revoke_1")
            verify(revoke.visible)
            page.reveal(revoke) // below the profile and password forms: scrolled to, as a person would
            waitForRendering(page)
            compare(revoke.Accessible.name, "Sign out old phone")
            mouseClick(revoke)
            compare(revokeSpy.count, 1)
            compare(revokeSpy.signalArguments[0][0], "s2")
        }

        function test_focusScrollsIntoView() {
            open("account")
            const button = findChild(page, "signOutEverywhere")
            button.forceActiveFocus()
            waitForRendering(page)
            const top = button.mapToItem(page, 0, 0).y
            verify(top >= 0 && top + button.height <= page.height, "at " + top)
        }

        function test_signOutEverywhereAsksFirst() {
            const button = findChild(page, "signOutEverywhere")
            page.reveal(button)
            waitForRendering(page)
            mouseClick(button)
            compare(everywhereSpy.count, 0)
            verify(page.confirmingEverywhere)
            page.reveal(findChild(page, "cancelEverywhere"))
            waitForRendering(page)
            mouseClick(findChild(page, "cancelEverywhere"))
            verify(!page.confirmingEverywhere)
            mouseClick(button)
            mouseClick(button)
            compare(everywhereSpy.count, 1)
        }

        function test_signOutAsksFirst() {
            const button = findChild(page, "signOut")
            const dialog = findChild(page, "signOutDialog")
            mouseClick(button)
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "Sign out of Confab on this computer?")
            const cancel = findChild(dialog.contentItem, "signOutCancel")
            verify(cancel.activeFocus)
            // Esc closes the question only, not the settings, and the keyboard goes back to the button.
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            compare(closeSpy.count, 0)
            verify(button.activeFocus)
            // Enter on the focused Cancel keeps the session too.
            mouseClick(button)
            tryCompare(dialog, "opened", true)
            keyClick(Qt.Key_Return)
            tryCompare(dialog, "visible", false)
            compare(signOutSpy.count, 0)
            // Only Sign out signs out.
            mouseClick(button)
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.contentItem, "signOutConfirm"))
            compare(signOutSpy.count, 1)
            tryCompare(dialog, "visible", false)
        }

        function test_notificationSwitchesWriteSettings() {
            open("notifications")
            const preview = findChild(page, "showPreviewSwitch")
            mouseClick(preview)
            compare(prefs.showPreview, false)
            mouseClick(findChild(page, "doNotDisturbSwitch"))
            compare(prefs.doNotDisturb, true)
            // Notifications off: their details cannot be changed.
            mouseClick(findChild(page, "notificationsEnabledSwitch"))
            compare(prefs.notificationsEnabled, false)
            verify(!preview.enabled)
            // The switch follows the setting when it changes elsewhere.
            prefs.notificationsEnabled = true
            verify(findChild(page, "notificationsEnabledSwitch").checked)
            verify(preview.enabled)
        }

        function test_privacyEmitsRequests() {
            open("privacy")
            mouseClick(findChild(page, "sendTypingSwitch"))
            compare(typingSpy.count, 1)
            compare(typingSpy.signalArguments[0][0], false)
            mouseClick(findChild(page, "shareReadReceiptsSwitch"))
            compare(receiptsSpy.count, 1)
            compare(receiptsSpy.signalArguments[0][0], false)
            compare(findChild(page, "shareReadReceiptsSwitch").Accessible.name, "Share read receipts")
        }

        function test_appearance() {
            open("appearance")
            verify(findChild(page, "theme_system").checked)
            mouseClick(findChild(page, "theme_dark"))
            compare(themeSpy.signalArguments[0][0], "dark")
            mouseClick(findChild(page, "language_ko"))
            compare(languageSpy.signalArguments[0][0], "ko")
        }

        function test_themeAndLanguageKeepTheirOwnChoice() {
            page.theme = "light"
            page.language = "en"
            open("appearance")
            // Both show what is chosen from the start.
            verify(findChild(page, "theme_light").checked)
            verify(findChild(page, "language_en").checked)
            // Choosing a language leaves the theme alone, and the other way round.
            mouseClick(findChild(page, "language_ko"))
            // The app answers a request by setting the page's property, as Main.qml binds it.
            page.language = languageSpy.signalArguments[languageSpy.count - 1][0]
            verify(findChild(page, "language_ko").checked)
            verify(!findChild(page, "language_en").checked)
            verify(findChild(page, "theme_light").checked)
            mouseClick(findChild(page, "theme_dark"))
            page.theme = themeSpy.signalArguments[themeSpy.count - 1][0]
            verify(findChild(page, "theme_dark").checked)
            verify(!findChild(page, "theme_light").checked)
            verify(findChild(page, "language_ko").checked)
            // Back to where the other tests start.
            mouseClick(findChild(page, "theme_system"))
            mouseClick(findChild(page, "language_en"))
            page.theme = themeSpy.signalArguments[themeSpy.count - 1][0]
            page.language = languageSpy.signalArguments[languageSpy.count - 1][0]
            verify(findChild(page, "theme_system").checked)
            verify(findChild(page, "language_en").checked)
        }

        function test_filesShowsTheFolder() {
            open("files")
            compare(findChild(page, "downloadFolder").text, "/home/mina/Downloads")
            compare(findChild(page, "chooseFolder").Accessible.name, "Change the download folder")
        }

        function test_generalRespectsWhatTheDesktopCanDo() {
            open("general")
            mouseClick(findChild(page, "closeToTraySwitch"))
            compare(prefs.closeToTray, true)
            page.trayAvailable = false
            verify(!findChild(page, "closeToTraySwitch").enabled)
            prefs.startAtLoginSupported = false
            verify(!findChild(page, "startAtLoginSwitch").enabled)
        }

        function test_escapeCloses() {
            page.forceActiveFocus()
            keyClick(Qt.Key_Escape)
            compare(closeSpy.count, 1)
            mouseClick(findChild(page, "closeSettings"))
            compare(closeSpy.count, 2)
        }
    }
}
