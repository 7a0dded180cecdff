import QtQuick
import QtTest
import Confab.UI

Item {
    id: root
    width: 800
    height: 600

    Component {
        id: dialog
        CertificateDialog {}
    }

    readonly property string fp: "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
    readonly property string old: "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF"

    TestCase {
        name: "CertificateDialog"
        when: windowShown

        SignalSpy { id: trust; signalName: "trustRequested" }
        SignalSpy { id: cancel; signalName: "cancelRequested" }

        function open(certificate) {
            const item = createTemporaryObject(dialog, root, { certificate: certificate })
            trust.target = item
            cancel.target = item
            trust.clear()
            cancel.clear()
            return item
        }

        function test_closedWithoutACertificate() {
            const item = open({})
            verify(!item.visible)
        }

        function test_showsTheFingerprintAndTrusts() {
            const item = open({ host: "127.0.0.1:7400", fingerprint: root.fp, previous: "", reason: "self-signed" })
            tryCompare(item, "opened", true)
            verify(!item.changed)
            compare(findChild(item.contentItem, "fingerprint").text, root.fp)
            verify(!findChild(item.contentItem, "previousFingerprint").visible)
            mouseClick(findChild(item.contentItem, "trustButton"))
            compare(trust.count, 1)
            compare(cancel.count, 0)
        }

        function test_aChangedCertificateShowsBothAndCancels() {
            const item = open({ host: "127.0.0.1:7400", fingerprint: root.fp, previous: root.old, reason: "" })
            tryCompare(item, "opened", true)
            verify(item.changed)
            verify(item.title.indexOf("changed") >= 0)
            compare(findChild(item.contentItem, "previousFingerprint").text, root.old)
            verify(findChild(item.contentItem, "previousFingerprint").visible)
            keyClick(Qt.Key_Escape)
            compare(cancel.count, 1)
            compare(trust.count, 0)
            // Esc asks to cancel; the dialog stays until the client has dropped the certificate.
            verify(item.visible)
            item.certificate = ({})
            tryCompare(item, "visible", false)
        }
    }
}
