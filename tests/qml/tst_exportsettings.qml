import QtQuick
import QtTest
import Confab.UI

// Settings → privacy → "Your data": the export button starts an export (by mouse and keyboard),
// the progress bar follows it, "Save…" appears when the archive is ready and asks for the save
// dialog, and a failure is said in words.
Item {
    id: root
    width: 640
    height: 480

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }
    //! Stands in for the client's DataExport.
    QtObject {
        id: exporter
        property string state: "none"
        property int percent: 0
        property string sizeText: ""
        property var expiresAt: new Date(2026, 11, 9, 14, 0)
        property string error: ""
        property string savedPath: ""
        property string suggestedName: "confab-export-2026-12-07.zip"
        property int starts: 0
        function start() { starts += 1; state = "building"; percent = 0 }
    }
    ExportSettings {
        id: section
        anchors.left: parent.left
        anchors.right: parent.right
        exporter: exporter
    }
    SignalSpy { id: saveSpy; target: section; signalName: "saveRequested" }

    TestCase {
        name: "ExportSettings"
        when: windowShown

        function child(name) { return findChild(section, name) }

        function init() {
            saveSpy.clear()
            exporter.state = "none"
            exporter.percent = 0
            exporter.error = ""
            exporter.starts = 0
        }

        function test_startsWithTheMouseAndShowsProgress() {
            const button = child("exportButton")
            verify(button.visible && button.enabled)
            verify(!child("exportProgress").visible)
            verify(!child("saveButton").visible)
            mouseClick(button)
            compare(exporter.starts, 1)
            verify(child("exportProgress").visible)
            verify(!button.enabled) // one at a time
            exporter.percent = 40
            compare(child("exportProgress").value, 40)
            verify(child("exportStatus").text.indexOf("40%") >= 0)
        }

        function test_startsWithTheKeyboard() {
            child("exportButton").forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(exporter.starts, 1)
            exporter.state = "none"
            child("exportButton").forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(exporter.starts, 2)
        }

        function test_readyOffersSave() {
            exporter.sizeText = "18.7 MB"
            exporter.state = "ready"
            exporter.percent = 100
            const save = child("saveButton")
            verify(save.visible)
            verify(!child("exportProgress").visible)
            verify(child("exportStatus").text.indexOf("18.7 MB") >= 0)
            save.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(saveSpy.count, 1)
            mouseClick(save)
            compare(saveSpy.count, 2)
            // Saving shows the download's progress; then where it went.
            exporter.state = "saving"
            exporter.percent = 55
            verify(child("exportProgress").visible)
            verify(child("exportStatus").text.indexOf("55%") >= 0)
            exporter.savedPath = "/home/mina/Downloads/confab-export-2026-12-07.zip"
            exporter.state = "saved"
            verify(child("exportStatus").text.indexOf(exporter.savedPath) >= 0)
            verify(child("saveButton").visible) // again, elsewhere
        }

        function test_failureInWords() {
            exporter.state = "failed"
            exporter.error = "The export could not be built. Please try again."
            compare(child("exportStatus").text, exporter.error)
            verify(Qt.colorEqual(child("exportStatus").color, Theme.danger))
            verify(child("exportButton").enabled) // try again
        }
    }
}
