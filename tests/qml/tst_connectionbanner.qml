import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 640
    height: 100

    ConnectionBanner {
        id: banner
        width: parent.width
    }
    SignalSpy { id: retrySpy; target: banner; signalName: "retryRequested" }
    SignalSpy { id: signInSpy; target: banner; signalName: "signInRequested" }

    TestCase {
        name: "ConnectionBanner"
        when: windowShown

        function init() {
            banner.mode = "online"
            banner.reconnectInMs = 0
            retrySpy.clear()
            signInSpy.clear()
        }

        function test_onlineHidden() {
            verify(!banner.visible)
            compare(banner.implicitHeight, 0)
        }

        function test_connecting() {
            banner.mode = "connecting"
            verify(banner.visible)
            compare(findChild(banner, "bannerText").text, "Connecting…")
            verify(!findChild(banner, "bannerAction").visible)
        }

        function test_reconnecting() {
            banner.reconnectInMs = 4000
            banner.mode = "reconnecting"
            verify(banner.visible)
            compare(findChild(banner, "bannerText").text, "Reconnecting in 4 s…")
            const action = findChild(banner, "bannerAction")
            verify(action.visible)
            compare(action.text, "Retry now")
            compare(banner.tone, Theme.warning)
            mouseClick(action)
            compare(retrySpy.count, 1)
            compare(signInSpy.count, 0)
        }

        function test_countsDown() {
            banner.reconnectInMs = 2000
            banner.mode = "reconnecting"
            tryCompare(findChild(banner, "bannerText"), "text", "Reconnecting in 1 s…", 2000)
        }

        function test_signedOut() {
            banner.mode = "signedOut"
            verify(banner.visible)
            compare(findChild(banner, "bannerText").text, "Signed out — sign in again")
            compare(banner.tone, Theme.danger)
            const action = findChild(banner, "bannerAction")
            compare(action.text, "Sign in")
            mouseClick(action)
            compare(signInSpy.count, 1)
            compare(retrySpy.count, 0)
        }

        function test_offline() {
            banner.mode = "offline"
            verify(banner.visible)
            compare(findChild(banner, "bannerText").text, "Offline")
        }
    }
}
