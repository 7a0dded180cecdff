import QtQuick
import QtQuick.Controls.Basic
import Confab.Client
import Confab.App

// The window: the sign-in page until signed in, then the main page.
ApplicationWindow {
    id: window

    width: 1280
    height: 800
    minimumWidth: 720
    minimumHeight: 480
    // main.cpp shows the window, unless the app starts in the tray at login.
    visible: false
    title: App.windowTitle
    color: Theme.window

    // Basic controls take their colours from the palette: keep it in step with the theme.
    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.field
    palette.alternateBase: Theme.sidebar
    palette.text: Theme.text
    palette.button: Theme.hover
    palette.buttonText: Theme.text
    palette.brightText: Theme.textOnAccent
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.textMuted
    palette.toolTipBase: Theme.text
    palette.toolTipText: Theme.window
    palette.light: Theme.field
    palette.midlight: Theme.hover
    palette.mid: Theme.fieldBorder
    palette.dark: Theme.textMuted
    palette.shadow: Theme.divider
    palette.link: Theme.accent

    // With "keep running in the tray" on, closing only hides the window; Quit is in the tray menu.
    onClosing: close => {
        if (App.keepRunningInTray()) {
            close.accepted = false
            window.hide()
        }
    }

    // Ctrl+Q quits, on every page and with "keep running in the tray" on (closing only hides then).
    Shortcut { sequence: "Ctrl+Q"; context: Qt.ApplicationShortcut; onActivated: Qt.quit() }

    Binding {
        target: Theme
        property: "dark"
        value: App.dark
    }

    function hostStateName(state) {
        switch (state) {
        case App.Starting: return "starting"
        case App.Running: return "running"
        case App.Failed: return "failed"
        default: return ""
        }
    }

    Loader {
        anchors.fill: parent
        sourceComponent: App.client.signedIn ? mainPage : signInPage
    }

    Component {
        id: signInPage
        SignInPage {
            id: page
            serverAddress: App.hostedUrl.length > 0 ? App.hostedUrl : App.lastServer
            username: App.lastUsername
            busy: App.busy
            fieldErrors: App.fieldErrors
            errorText: App.signInError.length > 0 ? App.signInError
                       : App.busy && App.client.connectionState === ChatClient.Reconnecting
                         ? qsTr("Cannot reach the server yet; still trying…") : ""
            hostState: window.hostStateName(App.hostState)
            hostMessage: App.hostState === App.Running
                         ? qsTr("Your server is running at %1. Create an account on it to start.").arg(App.hostedUrl)
                         : App.hostState === App.Starting ? qsTr("Starting the server…")
                         : App.hostState === App.Failed ? App.hostError : ""
            onSignInRequested: (server, username, password) => App.signIn(server, username, password)
            onRegisterRequested: (server, username, displayName, password, inviteCode) =>
                                 App.registerAccount(server, username, displayName, password, inviteCode)
            onHostRequested: App.hostServer()
            onCancelRequested: App.cancelSignIn()
            Connections {
                target: App
                function onHostChanged() {
                    if (App.hostState === App.Running) {
                        page.serverAddress = App.hostedUrl
                        page.registering = true
                        page.focusFirstEmpty()
                    }
                }
            }
        }
    }

    Component {
        id: mainPage
        MainPage {}
    }

    CertificateDialog {
        certificate: App.client.untrustedCertificate
        onTrustRequested: App.client.acceptCertificate()
        onCancelRequested: App.client.rejectCertificate()
    }

    // Errors that are not about signing in: shown briefly at the bottom, never modal.
    Rectangle {
        id: toast
        property string message
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 88 }
        width: Math.min(toastText.implicitWidth + 2 * Theme.spacingL, parent.width - 2 * Theme.spacingXl)
        height: toastText.implicitHeight + 2 * Theme.spacingS + 2
        radius: Theme.radiusControl
        color: Theme.text
        opacity: toastTimer.running ? 0.95 : 0
        visible: opacity > 0
        Behavior on opacity { NumberAnimation { duration: 150 } }
        Accessible.role: Accessible.AlertMessage
        Accessible.name: message
        Text {
            id: toastText
            anchors.centerIn: parent
            width: Math.min(implicitWidth, toast.parent.width - 2 * Theme.spacingXl - 2 * Theme.spacingL)
            text: toast.message
            color: Theme.window
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody - 1
        }
        Timer { id: toastTimer; interval: 4000 }
        Connections {
            target: App.client
            function onErrorOccurred(message) {
                if (!App.client.signedIn)
                    return
                toast.message = message
                toastTimer.restart()
            }
            function onMemberReported() {
                toast.message = qsTr("Your report was sent to the server's operator.")
                toastTimer.restart()
            }
        }
    }
}
